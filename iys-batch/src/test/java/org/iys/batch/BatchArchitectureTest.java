package org.iys.batch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.api.chunk.ItemReader;
import jakarta.batch.api.chunk.ItemWriter;
import org.junit.jupiter.api.Test;

/** Batch artifacts are named for their role, and batch never reaches into the web edge. */
class BatchArchitectureTest {

  private final JavaClasses batch =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.iys.batch");

  @Test
  void readersProcessorsAndWritersAreNamedForTheirRole() {
    classes()
        .that()
        .implement(ItemReader.class)
        .should()
        .haveSimpleNameEndingWith("Reader")
        .check(batch);
    classes()
        .that()
        .implement(ItemProcessor.class)
        .should()
        .haveSimpleNameEndingWith("Processor")
        .allowEmptyShould(true)
        .check(batch);
    classes()
        .that()
        .implement(ItemWriter.class)
        .should()
        .haveSimpleNameEndingWith("Writer")
        .check(batch);
  }

  @Test
  void batchNeverDependsOnTheWebModule() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.iys.web..").check(batch);
  }
}
