package se.radhus.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one token check: what it accepts, what it refuses, and how it follows the issuer's keys. */
class TokenVerifierTest {

    static final String ISS = "http://issuer.test/realms/radhus";
    final DevTokenIssuer issuer = new DevTokenIssuer(ISS, Clock.systemUTC());
    final TokenVerifier verifier = new TokenVerifier(ISS, Set.of("radhus-api"), Duration.ofHours(12), issuer.keys());

    String token(Map<String, Object> overrides) {
        return issuer.issue("anna", List.of("sekreterare"), List.of("radhus-api"), 600, overrides);
    }

    @Test
    void aGoodTokenNamesItsSubjectRolesAndClient() {
        Principal p = verifier.verify(token(Map.of("realm_access", Map.of("roles", List.of("registrator")), "azp", "portal")));
        assertEquals("anna", p.subject());
        assertEquals(Set.of("sekreterare", "registrator"), p.roles());
        assertEquals("portal", p.client());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aud-other", "aud-missing", "iss", "expired", "nbf", "lifetime", "roles-string", "realm-roles-string",
            "sub-number", "azp-list", "no-iat"})
    void refused(String what) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = switch (what) {
            case "aud-other" -> Map.of("aud", "another-api");
            case "aud-missing" -> Map.of("aud", List.of());
            case "iss" -> Map.of("iss", "http://elsewhere");
            case "expired" -> Map.of("exp", now - 3600, "iat", now - 4000);
            case "nbf" -> Map.of("nbf", now + 3600);
            case "lifetime" -> Map.of("exp", now + 100L * 365 * 24 * 3600);
            case "roles-string" -> Map.of("roles", "admin");
            case "realm-roles-string" -> Map.of("realm_access", Map.of("roles", "admin"));
            case "sub-number" -> Map.of("sub", 7);
            case "azp-list" -> Map.of("azp", List.of("a", "b"));
            case "no-iat" -> Map.of("iat", "yesterday");
            default -> throw new IllegalArgumentException(what);
        };
        assertThrows(InvalidToken.class, () -> verifier.verify(token(claims)), what);
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":\"none\"}", "{\"alg\":1}", "{\"alg\":\"RS256\",\"kid\":7}", "{\"alg\":[\"RS256\"]}", "{}", "[]"})
    void headersOfTheWrongKindAreRefused(String header) {
        String payload = b64("{\"iss\":\"" + ISS + "\",\"sub\":\"x\",\"aud\":\"radhus-api\",\"roles\":[\"admin\"]}");
        assertThrows(InvalidToken.class, () -> verifier.verify(b64(header) + "." + payload + ".c2ln"));
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        // the classic algorithm confusion: HS256 with the RSA public key as the shared secret
        byte[] secret = issuer.jwks().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuer.kid()).build(),
                JWTClaimsSet.parse(SignedJWT.parse(token(Map.of())).getPayload().toJSONObject()));
        jwt.sign(new MACSigner(java.util.Arrays.copyOf(secret, 64)));
        assertThrows(InvalidToken.class, () -> verifier.verify(jwt.serialize()));
    }

    @Test
    void garbageIsRefused() {
        for (String t : List.of("", "x", "a.b.c", "a.b", "....")) {
            assertThrows(InvalidToken.class, () -> verifier.verify(t), t);
        }
    }

    @Test
    void keysRotateAnUnknownKidIsFetchedOnceAndRetiredKeysAreDropped() throws Exception {
        DevTokenIssuer first = new DevTokenIssuer(ISS, Clock.systemUTC());
        DevTokenIssuer second = new DevTokenIssuer(ISS, Clock.systemUTC());
        AtomicReference<String> published = new AtomicReference<>(first.jwks());
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
            TokenVerifier remote = new TokenVerifier(ISS, Set.of("radhus-api"), Duration.ofHours(12),
                    TokenVerifier.remoteKeys(uri, Duration.ofSeconds(30)));
            String byFirst = first.issue("a", List.of("admin"), 600);
            remote.verify(byFirst);
            remote.verify(byFirst);
            assertEquals(1, fetches.get(), "the keys are cached");

            // the issuer rotates: the new kid is unknown, so the set is fetched again, once
            published.set(second.jwks());
            remote.verify(second.issue("a", List.of("admin"), 600));
            assertEquals(2, fetches.get());
            // the retired key went with the old set
            assertThrows(InvalidToken.class, () -> remote.verify(byFirst));
            // a flood of unknown kids makes no further fetch within the rate limit
            DevTokenIssuer stranger = new DevTokenIssuer(ISS, Clock.systemUTC());
            for (int i = 0; i < 20; i++) {
                assertThrows(InvalidToken.class, () -> remote.verify(stranger.issue("a", List.of("admin"), 600)));
            }
            assertEquals(2, fetches.get(), "no more fetches within the interval, however many unknown kids arrive");
        } finally {
            server.stop(0);
        }
    }
}
