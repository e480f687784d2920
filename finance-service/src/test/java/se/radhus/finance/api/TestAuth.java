package se.radhus.finance.api;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import se.radhus.common.security.DevTokenIssuer;

/** A token issuer for the service's tests: the service trusts its keys, tests sign in with its tokens. */
final class TestAuth {

    static final DevTokenIssuer ISSUER = new DevTokenIssuer("http://test-issuer", Clock.systemUTC());

    private TestAuth() {
    }

    static Map<String, String> properties() {
        return Map.of("radhus.security.issuer", ISSUER.issuer(), "radhus.security.jwks", ISSUER.jwks());
    }

    static String bearer(String... roles) {
        return "Bearer " + ISSUER.issue("test-" + String.join("-", roles), List.of(roles), 600);
    }
}
