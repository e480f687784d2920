package se.radhus.meetings.api;

import java.time.Clock;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;
import se.radhus.common.security.DevTokenIssuer;

/** A token issuer for the service's tests: the service trusts its keys, tests sign in with its tokens. */
final class TestAuth {

    static final DevTokenIssuer ISSUER = new DevTokenIssuer("http://test-issuer", Clock.systemUTC());

    private TestAuth() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("radhus.security.issuer", ISSUER::issuer);
        registry.add("radhus.security.jwks", ISSUER::jwks);
    }

    static String bearer(String... roles) {
        return "Bearer " + ISSUER.issue("test-" + String.join("-", roles), List.of(roles), 600);
    }
}
