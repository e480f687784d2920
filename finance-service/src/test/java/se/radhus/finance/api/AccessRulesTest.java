package se.radhus.finance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * finance-service's rules as a table: method, path, role → status ("reached": the handler answered,
 * with whatever it makes of an empty body). micronaut-security-jwt checks the token, each route's
 * {@code @Secured} decides, and what no rule allows is refused.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        return TestAuth.service("finance-rules");
    }

    HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "GET, /api/appropriations, -, 200", "GET, /api/appropriations/none/balance, -, 404", "GET, /api/grants, -, 200",
            "POST, /api/appropriations, -, 401", "POST, /api/appropriations, sekreterare, 403", "POST, /api/appropriations, ekonom, reached",
            "POST, /api/grants, upphandlare, 403", "POST, /api/grants/none/commit, registrator, 403",
            "POST, /api/grants/none/payments, -, 401", "PUT, /api/budget/2024, handlaggare, 403", "PUT, /api/budget/2024, ekonom, reached",
            "POST, /api/appropriations, admin, reached",
            "POST, /api/appropriations/none/ledger/e-1/reversal, -, 401", "POST, /api/appropriations/none/ledger/e-1/reversal, upphandlare, 403",
            "POST, /api/appropriations/none/ledger/e-1/reversal, handlaggare, 403", "POST, /api/appropriations/none/ledger/e-1/reversal, ekonom, reached",
            "GET, /api/appropriations/none/ledger/e-1/reversal, ekonom, 403",
            "GET, /api/audit/finance, -, 401", "GET, /api/audit/finance, ekonom, 403", "GET, /api/audit/finance, admin, 200",
            "GET, /api/nothing, -, 401", "GET, /api/nothing, admin, 403", "DELETE, /api/appropriations/x, admin, 403"})
    void rules(String method, String path, String role, String expected) throws Exception {
        String auth = role.equals("-") ? null : TestAuth.bearer(role);
        HttpResponse<String> r = send(method, path, auth, method.equals("GET") || method.equals("DELETE") ? null : "{}");
        if (expected.equals("reached")) {
            assertNotEquals(401, r.statusCode(), r.body());
            assertNotEquals(403, r.statusCode(), r.body());
            return;
        }
        assertEquals(Integer.parseInt(expected), r.statusCode(), r.body());
        if (r.statusCode() >= 400) {
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/appropriations;x=1", "/api//appropriations", "/api/./appropriations", "/api/../api/grants",
            "/api/%61ppropriations", "/%61pi/grants", "/api/grants%2Fx", "/api/grants%5Cx", "/api/grants%00", "/api/%2e%2e/grants",
            "/api/audit;x/finance"})
    void nonCanonicalPathsAre400BeforeAnyRule(String path) throws Exception {
        for (String auth : new String[] {null, TestAuth.bearer("admin")}) {
            HttpResponse<String> r = send("POST", path, auth, "{\"id\":\"nc\",\"name\":\"x\",\"ownerBodyId\":\"ks\"}");
            assertEquals(400, r.statusCode(), path + " " + r.body());
            assertTrue(r.body().contains("urn:radhus:problem:non-canonical-path"), r.body());
        }
        assertEquals(404, send("GET", "/api/appropriations/nc", null, null).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"roles\": \"admin\"}", "{\"aud\": \"other\"}", "{\"exp\": 4102444800}",
            "{\"realm_access\": {\"roles\": \"admin\"}}", "{\"iss\": \"http://elsewhere\"}", "{\"nbf\": 4102444800}",
            "{\"iat\": 4949720925, \"exp\": 4949724525}", "{\"roles\": [\"admin\", null]}", "{\"sub\": \"\"}", "{\"sub\": 123}"})
    void tokensTheRulesRefuseAre401OnPublicPathsToo(String claims) throws Exception {
        Map<String, Object> overrides = org.bson.Document.parse(claims);
        String token = TestAuth.ISSUER.issue("mallory", List.of("admin"), List.of("radhus-api"), 600, overrides);
        for (String[] call : List.of(new String[] {"GET", "/api/appropriations"}, new String[] {"GET", "/api/audit/finance"})) {
            HttpResponse<String> r = send(call[0], call[1], "Bearer " + token, null);
            assertEquals(401, r.statusCode(), claims + " " + call[1] + " " + r.body());
            assertTrue(r.body().contains("urn:radhus:problem:"), r.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eyJhbGciOiAxfQ.e30.x", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiYXVkIjoicmFkaHVzLWFwaSJ9.", "garbage"})
    void malformedTokensAre401(String token) throws Exception {
        HttpResponse<String> r = send("GET", "/api/appropriations", "Bearer " + token, null);
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.body().contains("urn:radhus:problem:invalid-token"), r.body());
    }

    @Test
    void operatorKeysLongArraysAndLargeBodiesAreRefused() throws Exception {
        String ekonom = TestAuth.bearer("ekonom");
        HttpResponse<String> key = send("POST", "/api/appropriations", ekonom, "{\"id\":\"k\",\"name\":{\"$gt\":\"\"}}");
        assertEquals(400, key.statusCode(), key.body());
        assertTrue(key.body().contains("urn:radhus:problem:forbidden-key"), key.body());
        for (String type : new String[] {null, "application/vnd.radhus+json"}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/appropriations")).header("Authorization", ekonom)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"k\",\"$where\":\"1\",\"ownerBodyId\":\"ks\"}"));
            if (type != null) {
                b.header("Content-Type", type);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (type == null) {
                // no type at all: Micronaut would bind it as JSON, so it is checked as JSON
                assertEquals(400, r.statusCode(), r.body());
                assertTrue(r.body().contains("urn:radhus:problem:forbidden-key"), r.body());
            } else {
                // a JSON type the route does not take never reaches it
                assertTrue(r.statusCode() == 400 || r.statusCode() == 403 || r.statusCode() == 415, type + " " + r.body());
            }
        }
        HttpResponse<String> dotted = send("POST", "/api/appropriations", ekonom, "{\"id\":\"k\",\"a.b\":1}");
        assertEquals(400, dotted.statusCode(), dotted.body());
        HttpResponse<String> array = send("POST", "/api/appropriations", ekonom, "{\"id\":\"k\",\"amounts\":[" + "{},".repeat(2_000) + "{}]}");
        assertEquals(400, array.statusCode(), array.body());
        assertTrue(array.body().contains("urn:radhus:problem:too-many-items"), array.body());
        HttpResponse<String> big = send("POST", "/api/appropriations", ekonom, "{\"id\":\"k\",\"name\":\"" + "a".repeat(1_100_000) + "\"}");
        assertEquals(413, big.statusCode(), big.body());
        assertEquals(404, send("GET", "/api/appropriations/k", null, null).statusCode());
    }
}
