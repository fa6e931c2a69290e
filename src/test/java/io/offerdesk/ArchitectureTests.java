package io.offerdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules Spring Modulith cannot express: pure domain code, a framework-free kernel, one clock. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.offerdesk");

    @Test
    void domainPackagesImportNoSpringAndNoJdbc() {
        noClasses()
                .that()
                .resideInAPackage("..internal.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void theSharedKernelIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("io.offerdesk.shared..")
                // Its package-info declares the module to Spring Modulith; the code itself stays plain.
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "tools.jackson..", "com.fasterxml..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void onlyThePlatformReadsTheSystemClock() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.offerdesk.platform..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.OffsetDateTime.class, "now")
                .orShould()
                .callMethod(java.time.ZonedDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(CLASSES);
    }

    @Test
    void repositoriesStayInsideTheirModule() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .should()
                .resideInAPackage("..internal..")
                .check(CLASSES);
    }
}
