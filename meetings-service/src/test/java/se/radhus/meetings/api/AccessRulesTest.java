package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * meetings-service's filter chain as a table: method, path, role → status. A request the rules let
 * through reaches its handler, which answers 404 (no such meeting) or its own answer to an empty body; one they
 * refuse answers 401 or 403 without reaching it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
class AccessRulesTest extends ApiTestBase {


    HttpResponse<String> send(String method, String path, String role, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!role.equals("-")) {
            b.header("Authorization", TestAuth.bearer(role));
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "GET, /api/meetings/none, -, 404", "GET, /api/meetings/none/protocol, -, 404", "GET, /api/bodies/none, -, 404",
            "GET, /%61pi/meetings/none, -, 404",
            "POST, /api/bodies, -, 401", "POST, /%61pi/bodies, -, 401", "POST, /api/bodies, sekreterare, 403",
            "POST, /%61pi/bodies, ekonom, 403", "POST, /api/bodies, registrator, reached", "POST, /%61pi/bodies, registrator, reached",
            "POST, /api/cases, handlaggare, 403", "POST, /api/persons, registrator, reached",
            "POST, /api/meetings/none/justering, handlaggare, 403", "POST, /api/meetings/none/justering, sekreterare, reached",
            "POST, /api/meetings/none/anslag, registrator, 403", "POST, /api/meetings/none/paragraphs/1/justering, handlaggare, 403",
            "POST, /api/meetings/none/paragraphs, ekonom, 403", "PUT, /api/meetings/none/paragraphs/1, upphandlare, 403",
            "DELETE, /api/meetings/none/paragraphs/1, -, 401", "DELETE, /api/meetings/none/paragraphs/1, handlaggare, reached",
            "POST, /api/imports, handlaggare, 403", "POST, /api/meetings, handlaggare, 403",
            "POST, /api/meetings/none/state, handlaggare, 403", "POST, /api/meetings/none/paragraphs, handlaggare, reached",
            "PUT, /api/meetings/none/attendance, handlaggare, 403", "POST, /api/meetings/none/paragraphs/1/appeals, registrator, 403",
            "GET, /api/meetings/none/legal-force, -, 404", "GET, /api/cases/SLK-2024-00074, -, reached",
            "GET, /api/audit/meetings, -, 401", "GET, /api/audit/meetings, sekreterare, 403", "GET, /%61pi/audit/meetings, registrator, 403",
            "GET, /api/audit/meetings, admin, 200",
            "GET, /api/anslagstavla, -, 200", "GET, /api/anslagstavla/arkiv, -, 200", "POST, /api/anslagstavla, admin, 403",
            "DELETE, /api/anslagstavla/arkiv, sekreterare, 403",
            "GET, /api/nothing, -, 401", "GET, /api/nothing, admin, 403", "DELETE, /api/bodies/x, admin, 403",
            "PUT, /api/bodies/x, registrator, 403", "GET, /actuator/env, admin, 403", "GET, /actuator/health/readiness, -, 200",
            // HEAD where GET is public, and nowhere else
            "HEAD, /api/bodies, -, 200", "HEAD, /api/meetings/none, -, 404", "HEAD, /api/anslagstavla, -, 200",
            "HEAD, /api/audit/meetings, -, 401", "HEAD, /api/nothing, -, 401", "HEAD, /actuator/env, admin, 403"})
    void rules(String method, String path, String role, String expected) throws Exception {
        HttpResponse<String> r = send(method, path, role, List.of("GET", "HEAD", "DELETE").contains(method) ? null : "{}");
        if (expected.equals("reached")) {
            // the handler answered: the rules let it through (its answer to an empty body is its own affair)
            assertThat(r.statusCode()).as(r.body()).isNotIn(401, 403);
            return;
        }
        int status = Integer.parseInt(expected);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        if (status >= 400) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/audit;x/meetings", "/api//bodies", "/api/./bodies", "/api/../api/bodies", "/api/bodies/%2e%2e/x",
            "/api/cases/KS-2024%2F00449", "/api/bodies%00", "/api/bodies%5Cx", "/api/%2561pi", "/api/bodies;jsessionid=x"})
    void nonCanonicalPathsAre400ProblemJson(String path) throws Exception {
        for (String role : List.of("-", "admin")) {
            HttpResponse<String> r = send("POST", path, role, "{\"id\":\"nc\",\"name\":\"nc\"}");
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
        }
        assertThat(send("GET", "/api/bodies/nc", "admin", null).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/bo[dies", "/api/bodies%2Fx", "/api/bodies%00", "/api/bodies\\x"})
    void whatTomcatRefusesItselfIsProblemJsonToo(String target) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .doesNotContain("<html");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"roles\": \"admin\"}", "{\"aud\": \"other\"}", "{\"exp\": 4102444800}", "{\"sub\": 1}",
            "{\"roles\": [\"admin\", null]}", "{\"iat\": 4949720925, \"exp\": 4949724525}", "{\"sub\": \"\"}"})
    void tokensTheVerifierRefusesAre401OnPublicPathsToo(String claims) throws Exception {
        Map<String, Object> overrides = tools.jackson.databind.json.JsonMapper.builder().build().readValue(claims, Map.class);
        String token = TestAuth.ISSUER.issue("mallory", List.of("admin"), List.of("radhus-api"), 600, overrides);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bodies"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("urn:radhus:problem:invalid-token");
    }

    @Test
    void bodiesOverTheLimitAre413AndOperatorKeysAndLongArraysAre400() throws Exception {
        assertThat(send("POST", "/api/bodies", "registrator", "{\"name\":\"" + "a".repeat(1_100_000) + "\"}").statusCode()).isEqualTo(413);
        HttpResponse<String> key = send("POST", "/api/bodies", "registrator", "{\"id\":\"k\",\"name\":{\"$ne\":1}}");
        assertThat(key.statusCode()).isEqualTo(400);
        assertThat(key.body()).contains("urn:radhus:problem:forbidden-key");
        for (String type : List.of("application/vnd.radhus+json", "application/merge-patch+json")) {
            HttpResponse<String> plus = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bodies"))
                    .header("Authorization", TestAuth.bearer("registrator")).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"k\",\"$where\":1}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(plus.statusCode()).as(type).isEqualTo(400);
            assertThat(plus.body()).contains("urn:radhus:problem:forbidden-key");
        }
        HttpResponse<String> array = send("POST", "/api/bodies", "registrator", "{\"id\":\"k\",\"members\":[" + "1,".repeat(2_000) + "1]}");
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(array.body()).contains("urn:radhus:problem:too-many-items");
        assertThat(send("GET", "/api/bodies/k", "admin", null).statusCode()).isEqualTo(404);
    }
}
