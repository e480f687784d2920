package se.radhus.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import se.radhus.common.security.DevTokenIssuer;

/**
 * The token issuer of a service's tests: the service is configured to trust its key, and tests sign in
 * with its tokens (audience {@code radhus-api}, or the services' for a {@code service} role).
 */
public final class TestIssuer {

    public static final DevTokenIssuer ISSUER = new DevTokenIssuer("http://test-issuer", Clock.systemUTC());
    private static final String JWKS_FILE = writeJwks();

    private TestIssuer() {
    }

    /** An {@code Authorization} value for a subject named after the roles. */
    public static String bearer(String... roles) {
        return "Bearer " + ISSUER.issue("test-" + String.join("-", roles), List.of(roles), 600);
    }

    /** An {@code Authorization} value for a named subject: two callers with the same roles. */
    public static String bearerFor(String subject, String... roles) {
        return "Bearer " + ISSUER.issue(subject, List.of(roles), 600);
    }

    /** What a Spring service reads: the issuer and its keys inline. */
    public static Map<String, String> springProperties() {
        return Map.of("radhus.security.issuer", ISSUER.issuer(), "radhus.security.jwks", ISSUER.jwks());
    }

    /** What a Micronaut service reads: the same, and the keys as a file for micronaut-security-jwt. */
    public static Map<String, String> micronautProperties() {
        return Map.of("radhus.security.issuer", ISSUER.issuer(), "radhus.security.jwks", ISSUER.jwks(),
                "micronaut.security.token.jwt.signatures.jwks-static.test.path", JWKS_FILE);
    }

    /** A Micronaut service under test: trusting the issuer, its own store folder, random HTTP and gRPC ports. */
    public static Map<String, String> micronautService(String storeName) {
        try {
            Map<String, String> props = new java.util.HashMap<>(micronautProperties());
            props.put("radhus.data-dir", Files.createTempDirectory(storeName).toString());
            props.put("grpc.server.port", "0"); // the OS picks it at bind: a port found free first can be taken before the bind
            props.put("micronaut.server.port", "-1");
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String writeJwks() {
        try {
            Path f = Files.createTempFile("test-jwks", ".json");
            Files.writeString(f, ISSUER.jwks());
            f.toFile().deleteOnExit();
            return "file:" + f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
