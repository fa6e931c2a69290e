package io.offerdesk.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.offerdesk.OfferdeskApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The catalog keeps its decisions free of frameworks and stays inside its declared module dependencies. */
class CatalogArchitectureTests {

    @Test
    void domainRulesImportNeitherSpringNorJdbc() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.offerdesk.catalog");
        noClasses()
                .that()
                .resideInAPackage("io.offerdesk.catalog.internal.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "tools.jackson..")
                .check(classes);
    }

    @Test
    void catalogDependsOnlyOnItsDeclaredModules() {
        var modules = ApplicationModules.of(OfferdeskApplication.class);
        modules.getModuleByName("catalog").orElseThrow().verifyDependencies(modules);
    }
}
