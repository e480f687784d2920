package se.radhus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.radhus.common.security.DevTokenIssuer;

/**
 * The gateway's filter chain as a table: method, path, role → status. No service runs behind it, so a
 * request the rules let through reaches its route and answers 503 from the circuit breaker; one they
 * refuse answers 401, 403 or 400 without being routed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.dev-issuer.enabled=true", "radhus.security.issuer=http://gateway-test/dev",
        "MEETINGS_URL=http://127.0.0.1:1", "FINANCE_URL=http://127.0.0.1:1", "PROCUREMENT_URL=http://127.0.0.1:1", "PORTAL_URL=http://127.0.0.1:1",
        "radhus.rate-limit.per-second=100000", "radhus.rate-limit.burst=100000"})
class AccessRulesTest {

    static final int ROUTED = 503;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer issuer;

    HttpResponse<String> send(String method, String rawPath, String authorization, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String bearer(String role) {
        return role.equals("-") ? null : "Bearer " + issuer.issue("test-" + role, List.of(role), 600);
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            // public reads reach their service
            "GET, /api/bodies, -, 503", "GET, /api/meetings/ks-nau-2024-05-21, -, 503", "GET, /api/search, -, 503",
            "GET, /api/appropriations/ks-tillvaxt/balance, -, 503", "GET, /api/procurements, -, 503",
            "GET, /api/ocds/releases, -, 503", "HEAD, /api/contracts, -, 503",
            "GET, /api/anslagstavla, -, 503", "GET, /api/anslagstavla/arkiv, -, 503", "GET, /feeds/anslagstavla.atom, -, 503",
            "GET, /oparl/v1/system, -, 503", "GET, /api/bodies/ks-nau/calendar.ics, -, 503",
            "POST, /api/anslagstavla, admin, 403", "POST, /oparl/v1/system, -, 401", "DELETE, /feeds/x, sekreterare, 403",
            // a percent-encoded letter is the same path, and the same rule
            "POST, /%61pi/bodies, -, 401", "POST, /%61pi/bodies, ekonom, 403", "POST, /%61pi/bodies, registrator, 503",
            "GET, /%61pi/audit/meetings, -, 401",
            // writes need a signed-in user with a role of the family
            "POST, /api/bodies, -, 401", "POST, /api/bodies, handlaggare, 403", "POST, /api/bodies, registrator, 503",
            "POST, /api/meetings, -, 401", "POST, /api/meetings, ekonom, 403", "POST, /api/meetings, sekreterare, 503",
            "POST, /api/meetings/m/justering, registrator, 403", "DELETE, /api/meetings/m/paragraphs/3, handlaggare, 503",
            "POST, /api/imports, handlaggare, 403", "POST, /api/imports, registrator, 503",
            "POST, /api/grants, upphandlare, 403", "POST, /api/grants, ekonom, 503", "PUT, /api/budget/2024, ekonom, 503",
            "POST, /api/procurements, ekonom, 403", "POST, /api/procurements, upphandlare, 503",
            "POST, /api/search, admin, 403", "POST, /api/search, -, 401", "POST, /api/ocds/releases, upphandlare, 403",
            // admin may write everywhere a family takes writes, and read the audit trails
            "POST, /api/bodies, admin, 503", "GET, /api/audit/meetings, admin, 503", "GET, /api/audit/finance, sekreterare, 403",
            "GET, /api/audit/procurement, -, 401",
            // nothing that no rule names
            "GET, /fallback/meetings, -, 401", "GET, /fallback/meetings, admin, 403", "GET, /api/unknown, -, 401",
            "PATCH, /api/bodies/x, registrator, 403", "GET, /actuator/prometheus, -, 401", "GET, /actuator/env, sekreterare, 403",
            "GET, /actuator/health/readiness, -, 200",
            // the portal's pages: anyone reads them, no one writes to them (a token changes nothing), other paths stay denied
            "GET, /, -, 503", "GET, /anslagstavla, -, 503", "GET, /anslagstavla/arkiv, -, 503", "GET, /organ/ks-nau, -, 503",
            "GET, /sammantraden/ks-nau-2024-05-21, -, 503", "GET, /sammantraden/ks-nau-2024-05-21/protokoll.pdf, -, 503",
            "GET, /arenden/KS-2024/00449, -, 503", "HEAD, /sok, -, 503", "GET, /upphandlingar/p-23310, -, 503",
            "GET, /avtal, -, 503", "GET, /tillganglighet, -, 503", "GET, /assets/portal.css, -, 503",
            "POST, /anslagstavla, -, 401", "POST, /sok, admin, 401", "PUT, /organ/ks-nau, registrator, 401",
            "DELETE, /sammantraden/ks-nau-2024-05-21, sekreterare, 401",
            "GET, /organ/ks-nau/x, -, 401", "GET, /sammantraden/m/annat, -, 401", "GET, /index.html, -, 401"})
    void rules(String method, String path, String role, int status) throws Exception {
        HttpResponse<String> r = send(method, path, bearer(role), method.equals("GET") || method.equals("HEAD") ? null : "{}");
        assertThat(r.statusCode()).isEqualTo(status);
        if (status >= 400 && !method.equals("HEAD")) {
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/audit;x/meetings", "/api/bodies;jsessionid=1", "/api//bodies", "/api/./bodies",
            "/api/../api/bodies", "/api/bodies/%2e%2e/persons", "/api/cases/KS-2024%2F00449", "/api/bodies%00",
            "/api/bodies%5Cx", "/api/%2561pi"})
    void nonCanonicalPathsAre400ProblemJsonBeforeAnyRule(String path) throws Exception {
        for (String role : List.of("-", "admin")) {
            HttpResponse<String> r = send("POST", path, bearer(role), "{}");
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.body()).contains("urn:radhus:problem:non-canonical-path");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eyJhbGciOiAxfQ.e30.x", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "not-a-jwt", "a.b.c"})
    void malformedTokensAre401OnPublicPathsToo(String token) throws Exception {
        HttpResponse<String> r = send("GET", "/api/bodies", "Bearer " + token, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("urn:radhus:problem:invalid-token");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "another audience | {\"aud\": \"some-other-api\"}",
            "a service token on HTTP | {\"aud\": [\"finance-service\"]}",
            "a 100-year lifetime | {\"exp\": 4102444800}",
            "roles as a string | {\"roles\": \"admin\"}",
            "realm roles as a string | {\"realm_access\": {\"roles\": \"admin\"}}",
            "a subject of another type | {\"sub\": 7}",
            "another issuer | {\"iss\": \"http://elsewhere\"}",
            "expired | {\"exp\": 1000000000}",
            "not yet valid | {\"nbf\": 4102444800}",
            "issued in the future, an hour's lifetime from then | {\"iat\": 4949720925, \"exp\": 4949724525}",
            "a null among the roles | {\"roles\": [\"admin\", null]}",
            "a blank subject | {\"sub\": \"\"}"})
    void tokensTheVerifierRefuses(String what, String claims) throws Exception {
        Map<String, Object> overrides = tools.jackson.databind.json.JsonMapper.builder().build().readValue(claims, Map.class);
        String token = issuer.issue("mallory", List.of("admin"), List.of("radhus-api"), 600, overrides);
        for (String path : List.of("/api/bodies", "/api/audit/meetings")) {
            HttpResponse<String> r = send("GET", path, "Bearer " + token, null);
            assertThat(r.statusCode()).as(what + " on " + path).isEqualTo(401);
            assertThat(r.body()).contains("urn:radhus:problem:invalid-token");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"$where\": \"1\"}", "{\"a\": {\"b.c\": 1}}", "{\"list\": [{\"$gt\": 1}]}"})
    void operatorAndDottedKeysAre400(String json) throws Exception {
        HttpResponse<String> r = send("POST", "/api/bodies", bearer("registrator"), json);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("urn:radhus:problem:forbidden-key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "application/vnd.radhus+json", "application/merge-patch+json", "text/json", "APPLICATION/JSON; charset=utf-8"})
    void operatorKeysAreRefusedWhateverJsonTypeOrNoneIsNamed(String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/bodies"))
                .header("Authorization", bearer("registrator")).POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"x\",\"$where\":\"1\"}"));
        if (!contentType.isEmpty()) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(contentType).isEqualTo(400);
        assertThat(r.body()).contains("urn:radhus:problem:forbidden-key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/bo[dies", "/api/bodies\\x", "/api/bodies|x"})
    void aTargetThatIsNoUriIsProblemJson(String target) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json");
        }
    }

    @org.junit.jupiter.api.Test
    void anOverlongTargetOrHugeHeadersAreProblemJson() throws Exception {
        HttpResponse<String> uri = send("GET", "/api/bodies/" + "a".repeat(9_000), null, null);
        assertThat(uri.statusCode()).isEqualTo(414);
        assertThat(uri.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> headers = send("GET", "/api/meetings", "Bearer " + "a".repeat(200_000), null);
        assertThat(headers.statusCode()).isEqualTo(431);
        assertThat(headers.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @org.junit.jupiter.api.Test
    void arraysAreCappedButTheLargestRealBodiesPass() throws Exception {
        String big = "{\"members\": [" + "\"m\",".repeat(2_000) + "\"m\"]}";
        HttpResponse<String> r = send("POST", "/api/bodies", bearer("registrator"), big);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("urn:radhus:problem:too-many-items").contains("members");
        String ok = "{\"ballots\": [" + "{\"v\": \"ja\"},".repeat(1_999) + "{\"v\": \"nej\"}]}";
        assertThat(send("POST", "/api/bodies", bearer("registrator"), ok).statusCode()).isEqualTo(ROUTED);
    }
}
