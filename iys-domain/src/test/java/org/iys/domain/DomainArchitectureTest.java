package org.iys.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DomainArchitectureTest {

  private final JavaClasses domain =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.iys.domain");

  @Test
  void theDomainUsesNoContainerApi() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.ejb..",
            "jakarta.ws.rs..",
            "jakarta.faces..",
            "jakarta.jms..",
            "jakarta.batch..",
            "jakarta.enterprise..")
        .check(domain);
  }

  @Test
  void theDomainNeverUsesTheJvmDefaultZoneOrLocale() {
    noClasses()
        .should()
        .callMethod(java.time.ZoneId.class, "systemDefault")
        .orShould()
        .callMethod(java.util.Locale.class, "getDefault")
        .orShould()
        .callMethod(String.class, "toLowerCase")
        .orShould()
        .callMethod(String.class, "toUpperCase")
        .check(domain);
  }
}
