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

    private static final String JWKS_FILE = writeJwks();

    /** The issuer and its keys: inline for the gRPC verifier, as a file for micronaut-security-jwt. */
    static Map<String, String> properties() {
        return Map.of("radhus.security.issuer", ISSUER.issuer(), "radhus.security.jwks", ISSUER.jwks(),
                "micronaut.security.token.jwt.signatures.jwks-static.test.path", JWKS_FILE);
    }

    private static String writeJwks() {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("test-jwks", ".json");
            java.nio.file.Files.writeString(f, ISSUER.jwks());
            f.toFile().deleteOnExit();
            return "file:" + f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String bearer(String... roles) {
        return "Bearer " + ISSUER.issue("test-" + String.join("-", roles), List.of(roles), 600);
    }
}
