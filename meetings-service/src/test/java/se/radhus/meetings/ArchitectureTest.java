package se.radhus.meetings;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import se.radhus.testsupport.ServiceLayers;

/** The layering the house rules name (defined once, in {@link ServiceLayers}), checked on the service's classes. */
class ArchitectureTest {

    static final String BASE = "se.radhus.meetings";
    static final JavaClasses SERVICE = ServiceLayers.mainClassesOf(BASE);

    @Test
    void theDomainIsPlainJavaAndTheFrameworkFreePartsOfCommon() {
        ServiceLayers.domainIsPlainJava(BASE).check(SERVICE);
    }

    @Test
    void theApiNeverTouchesBsonOrTheDriver() {
        // Known debt, named so that nothing else joins it: the decision log and the audit trail still hand
        // their entries to these two as BSON documents.
        ServiceLayers.apiNeverTouchesBsonOrTheDriver(BASE, "se.radhus.meetings.api.MeetingsGrpcService",
                "se.radhus.meetings.api.AuditController", "se.radhus.meetings.api.AuditController$Beans").check(SERVICE);
    }

    @Test
    void theStoreNeverImportsTheApi() {
        ServiceLayers.storeNeverImportsTheApi(BASE).check(SERVICE);
    }

    @Test
    void noPackageCycles() {
        ServiceLayers.noPackageCycles(BASE).check(SERVICE);
    }
}
