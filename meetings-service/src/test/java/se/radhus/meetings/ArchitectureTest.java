package se.radhus.meetings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering the house rules name, checked on the service's compiled classes. */
class ArchitectureTest {

    static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.radhus.meetings");

    @Test
    void theDomainIsPlainJavaAndTheFrameworkFreePartsOfCommon() {
        classes().that().resideInAPackage("se.radhus.meetings.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "se.radhus.meetings.domain..",
                        "se.radhus.common.domain..", "se.radhus.common.money..", "se.radhus.common.diarium..")
                .check(SERVICE);
    }

    @Test
    void theApiNeverTouchesBsonOrTheDriver() {
        // Known debt, named so that nothing else joins it: the decision log and the audit trail still hand
        // their entries to these two as BSON documents.
        noClasses().that().resideInAPackage("se.radhus.meetings.api..")
                .and().doNotHaveFullyQualifiedName("se.radhus.meetings.api.MeetingsGrpcService")
                .and().doNotHaveFullyQualifiedName("se.radhus.meetings.api.AuditController")
                .and().doNotHaveFullyQualifiedName("se.radhus.meetings.api.AuditController$Beans")
                .should().dependOnClassesThat().resideInAnyPackage("org.bson..", "com.mongodb..")
                .check(SERVICE);
    }

    @Test
    void theStoreNeverImportsTheApi() {
        noClasses().that().resideInAPackage("se.radhus.meetings.store..")
                .should().dependOnClassesThat().resideInAPackage("se.radhus.meetings.api..")
                .check(SERVICE);
    }

    @Test
    void noPackageCycles() {
        slices().matching("se.radhus.meetings.(*)..").should().beFreeOfCycles().check(SERVICE);
    }
}
