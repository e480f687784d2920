package se.radhus.procurement.api;

import java.util.Map;
import se.radhus.common.security.DevTokenIssuer;
import se.radhus.testsupport.TestIssuer;

/** The shared test issuer (test-support), as this service's tests name it. */
final class TestAuth {

    static final DevTokenIssuer ISSUER = TestIssuer.ISSUER;

    private TestAuth() {
    }

    static Map<String, String> properties() {
        return TestIssuer.micronautProperties();
    }

    /** The service under test, with its own store folder and random ports. */
    static Map<String, String> service(String storeName) {
        return TestIssuer.micronautService(storeName);
    }

    static String bearer(String... roles) {
        return TestIssuer.bearer(roles);
    }
}
