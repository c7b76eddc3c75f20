package io.heartwise.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The house in floors: the composition root on top, the features in the middle, the error model at the bottom. */
class PackageDependenciesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.heartwise");

    @Test
    void nothingImportsTheCompositionRoot() {
        // The root wires everything; a feature that reached up into it would wire itself around the one wiring site.
        noClasses().that().resideOutsideOfPackage("io.heartwise.web..")
                .should().dependOnClassesThat().resideInAPackage("io.heartwise.web..")
                .check(MAIN);
    }

    @Test
    void packagesImportEachOtherInOneDirectionOnly() {
        // A loop between packages means neither can be understood, tested or changed without the other.
        slices().matching("io.heartwise.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theErrorModelStandsOnTheContractAlone() {
        // Every floor answers failures through it, so it may lean on nothing but the contract.
        noClasses().that().resideInAPackage("io.heartwise.problem..")
                .should().dependOnClassesThat().resideInAnyPackage("io.heartwise.attempt..", "io.heartwise.auth..",
                        "io.heartwise.config..", "io.heartwise.content..", "io.heartwise.health..", "io.heartwise.http..",
                        "io.heartwise.lesson..", "io.heartwise.openapi..", "io.heartwise.quiz..", "io.heartwise.report..",
                        "io.heartwise.store..", "io.heartwise.web..")
                .check(MAIN);
    }

    @Test
    void featuresDoNotReachIntoEachOther() {
        // A lesson is read without a quiz's code, and so on; what they share lives on a lower floor.
        slices().matching("io.heartwise.(lesson|quiz|health|openapi)..").should().notDependOnEachOther().check(MAIN);
    }
}
