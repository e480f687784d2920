package se.radhus.meetings.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import se.radhus.common.security.DevTokenIssuer;
import se.radhus.testsupport.TestIssuer;

/** The shared test issuer (test-support), as this service's tests name it. */
final class TestAuth {

    static final DevTokenIssuer ISSUER = TestIssuer.ISSUER;

    private TestAuth() {
    }

    static void register(DynamicPropertyRegistry registry) {
        TestIssuer.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    static String bearer(String... roles) {
        return TestIssuer.bearer(roles);
    }
}
