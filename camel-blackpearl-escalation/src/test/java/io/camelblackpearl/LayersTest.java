package io.camelblackpearl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the component jar and the escalation module above it, checked on the compiled classes (so
 * a fully qualified name inline counts as much as an import): support, then the DS3 client, then the
 * escalation policy, then the Camel component (whose job-event watch is plain Java inside it), then the
 * escalation's Camel side.
 */
class LayersTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // not the tests, neither this module's nor those of the component's test jar on the class path
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.camelblackpearl.support", "io.camelblackpearl.ds3", "io.camelblackpearl.escalation", "io.camelblackpearl.component");
    }

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("support").definedBy("io.camelblackpearl.support..")
                .layer("ds3").definedBy("io.camelblackpearl.ds3..")
                .layer("policy").definedBy("io.camelblackpearl.escalation")
                .layer("component").definedBy("io.camelblackpearl.component..")
                .layer("escalation route").definedBy("io.camelblackpearl.escalation.route..")
                .whereLayer("escalation route").mayNotBeAccessedByAnyLayer()
                .whereLayer("component").mayOnlyBeAccessedByLayers("escalation route")
                .whereLayer("policy").mayOnlyBeAccessedByLayers("escalation route")
                .whereLayer("ds3").mayOnlyBeAccessedByLayers("policy", "component", "escalation route")
                .check(classes);
    }

    @Test
    void theProtocolTheEventsAndThePolicyKnowNothingOfCamelOrHttp() {
        noClasses().that().resideInAnyPackage("io.camelblackpearl.ds3..", "io.camelblackpearl.escalation")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..")
                .check(classes);
        // the job-event watch: what changed between two polls, in plain Java inside the component package
        noClasses().that().haveNameMatching("io\\.camelblackpearl\\.component\\.(JobWatch|JobEvent)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.apache.hc..")
                .check(classes);
        noClasses().that().resideInAnyPackage("io.camelblackpearl.escalation")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.hc..")
                .check(classes);
    }

    @Test
    void supportDependsOnTheJdkAndCamelsUtilitiesOnly() {
        noClasses().that().resideInAPackage("io.camelblackpearl.support..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.apache.camel.util..", "io.camelblackpearl.support..")
                .check(classes);
    }
}
