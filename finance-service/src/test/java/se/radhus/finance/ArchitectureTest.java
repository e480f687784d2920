package se.radhus.finance;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import se.radhus.testsupport.ServiceLayers;

/** The layering the house rules name (defined once, in {@link ServiceLayers}), checked on the service's classes. */
class ArchitectureTest {

    static final String BASE = "se.radhus.finance";
    static final JavaClasses SERVICE = ServiceLayers.mainClassesOf(BASE);

    @Test
    void theDomainIsPlainJavaAndTheFrameworkFreePartsOfCommon() {
        ServiceLayers.domainIsPlainJava(BASE).check(SERVICE);
    }

    @Test
    void theApiNeverTouchesBsonOrTheDriver() {
        ServiceLayers.apiNeverTouchesBsonOrTheDriver(BASE).check(SERVICE);
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
