package org.iys;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.MessageDriven;
import org.junit.jupiter.api.Test;

/** The EJB module serves the edges and never reaches back into them. */
class EjbArchitectureTest {

  private final JavaClasses ejb =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.iys.application", "org.iys.infrastructure");

  @Test
  void applicationServicesKnowNoEdge() {
    noClasses()
        .that()
        .resideInAPackage("org.iys.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.iys.web..", "org.iys.batch..", "jakarta.ws.rs..", "jakarta.faces..")
        .check(ejb);
  }

  @Test
  void messageDrivenBeansAreConsumersInTheMessagingPackage() {
    classes()
        .that()
        .areAnnotatedWith(MessageDriven.class)
        .should()
        .resideInAPackage("org.iys.infrastructure.messaging..")
        .andShould()
        .haveSimpleNameEndingWith("Consumer")
        .allowEmptyShould(true)
        .check(ejb);
  }
}
