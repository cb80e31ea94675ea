package org.iys.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The web module is an edge: it names its parts by role and leaves persistence to services. */
class WebArchitectureTest {

  private final JavaClasses web =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.iys.web");

  @Test
  void restResourcesLiveInTheRestPackageAndEndWithResource() {
    classes()
        .that()
        .areAnnotatedWith(Path.class)
        .should()
        .resideInAPackage("org.iys.web.rest..")
        .andShould()
        .haveSimpleNameEndingWith("Resource")
        .check(web);
  }

  @Test
  void facesBeansEndWithBacking() {
    classes()
        .that()
        .areAnnotatedWith(Named.class)
        .and()
        .resideInAPackage("org.iys.web.faces..")
        .should()
        .haveSimpleNameEndingWith("Backing")
        .check(web);
  }

  @Test
  void theWebModuleNeverTouchesTheEntityManager() {
    noClasses().should().dependOnClassesThat().areAssignableTo(EntityManager.class).check(web);
  }
}
