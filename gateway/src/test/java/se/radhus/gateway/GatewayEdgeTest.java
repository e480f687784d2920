package se.radhus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.radhus.common.security.DevTokenIssuer;

/**
 * The gateway in front of stand-ins for the three services (no real service runs): which service each
 * path reaches and what arrives there, the JSON body rules and body limit at the edge, problem+json for
 * everything the gateway refuses itself, and the circuit breaker's 503 when a service fails mid-request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.dev-issuer.enabled=true", "radhus.security.issuer=http://gateway-test/dev",
        "radhus.gateway.max-body-size=16KB",
        "radhus.rate-limit.per-second=100000", "radhus.rate-limit.burst=100000"})
class GatewayEdgeTest extends StubbedGatewayTest {

    // HTTP/1.1 as the services' clients speak it (no h2c upgrade attempt on a request the gateway refuses
    // before reading its body)
    /** Not a time the test measures: a bound so that an exchange that never ends fails the test, not the build. */
    static final java.time.Duration HANG_UP = java.time.Duration.ofSeconds(30);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    DevTokenIssuer issuer;

    String bearer(String role) {
        return "Bearer " + issuer.issue("edge-test-" + role, List.of(role), 600);
    }

    HttpResponse<String> send(String method, String path, String authorization, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(HANG_UP);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null, null);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> r) {
        return StubUpstreams.JSON.readValue(r.body(), Map.class);
    }

    static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        Map<String, Object> problem = json(r);
        assertThat(problem).containsEntry("status", status).containsEntry("type", "urn:radhus:problem:" + type);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/bodies, meetings", "/api/bodies/ks, meetings", "/api/persons/p1, meetings", "/api/cases, meetings",
            "/api/meetings/ks-nau-2024-05-21, meetings", "/api/search?q=budget, meetings", "/api/openapi/meetings, meetings",
            "/api/appropriations/ks-tillvaxt/balance, finance", "/api/grants, finance", "/api/budget/2024, finance",
            "/api/openapi/finance/spec, finance",
            "/api/procurements, procurement", "/api/contracts/c1, procurement", "/api/ocds/releases, procurement",
            "/api/thresholds, procurement", "/api/openapi/procurement/spec, procurement",
            "/, portal", "/anslagstavla, portal", "/anslagstavla/arkiv?sida=t1, portal", "/organ/ks-nau, portal",
            "/sammantraden/ks-nau-2024-05-21, portal", "/sammantraden/ks-nau-2024-05-21/protokoll.pdf, portal",
            "/arenden/KS-2024/00449, portal", "/sok?q=budget&organ=ks, portal", "/upphandlingar, portal",
            "/upphandlingar/p-23310, portal", "/avtal, portal", "/tillganglighet, portal", "/assets/portal.css, portal",
            "/api/anslagstavla, meetings", "/api/anslagstavla/arkiv?pageSize=5, meetings", "/feeds/anslagstavla.atom, meetings",
            "/oparl/v1/system, meetings", "/api/bodies/ks-nau/calendar.ics, meetings"})
    void eachPathReachesTheServiceThatOwnsItUnchanged(String path, String service) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> answer = json(r);
        assertThat(answer).containsEntry("service", service).containsEntry("method", "GET").containsEntry("uri", path);
        // the gateway gives each request one id; the service gets it and the caller gets it once
        assertThat((List<?>) answer.get("requestIds")).hasSize(1);
        assertThat(r.headers().allValues("X-Request-Id")).containsExactly((String) ((List<?>) answer.get("requestIds")).get(0));
    }

    @Test
    void thePagesGetTheirOwnContentSecurityPolicyAndTheApiKeepsItsStrictOne() throws Exception {
        HttpResponse<String> page = get("/anslagstavla");
        assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly(SecurityConfiguration.PAGE_CSP);
        assertThat(SecurityConfiguration.PAGE_CSP).contains("style-src 'self'").doesNotContain("script-src");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        HttpResponse<String> api = get("/api/bodies");
        assertThat(api.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void aPageWithATokenReachesThePortalWithoutIt() throws Exception {
        HttpResponse<String> r = send("GET", "/sok?q=with-token", bearer("admin"), null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        StubUpstreams.Received got = UPSTREAMS.portal.received.stream().filter(x -> x.uri().equals("/sok?q=with-token"))
                .findFirst().orElseThrow();
        assertThat(got.authorization()).isNull();
    }

    /** Without trusted proxies a client's own X-Forwarded-For never reaches the portal: its address does. */
    @Test
    void aClientCannotTellThePortalWhoItIs() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sok?q=spoofed")).timeout(HANG_UP)
                .header("X-Forwarded-For", "6.6.6.6").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        StubUpstreams.Received got = UPSTREAMS.portal.received.stream().filter(x -> x.uri().equals("/sok?q=spoofed"))
                .findFirst().orElseThrow();
        assertThat(got.forwardedFor()).isEqualTo("127.0.0.1");
    }

    @Test
    void theCallersRequestIdIsKeptAndEchoedOnce() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/bodies")).timeout(HANG_UP)
                .header("X-Request-Id", "edge-test-1").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json(r).get("requestIds")).isEqualTo(List.of("edge-test-1"));
        assertThat(r.headers().allValues("X-Request-Id")).containsExactly("edge-test-1");
    }

    /**
     * Two ids: the service and the caller get the first alone. One that is not plain (or over 64 characters):
     * both get a new one instead, never the caller's.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"two", "spaces and ; semicolons", "long"})
    void aCallersRequestIdThatCannotBeKeptIsReplacedForTheServiceToo(String given) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/bodies")).timeout(HANG_UP).GET();
        String sent = given.equals("long") ? "x".repeat(65) : given;
        b = given.equals("two") ? b.header("X-Request-Id", "edge-a").header("X-Request-Id", "edge-b") : b.header("X-Request-Id", sent);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        @SuppressWarnings("unchecked")
        List<String> reached = (List<String>) json(r).get("requestIds");
        if (given.equals("two")) {
            assertThat(reached).containsExactly("edge-a");
        } else {
            assertThat(reached).hasSize(1).doesNotContain(sent);
        }
        assertThat(r.headers().allValues("X-Request-Id")).containsExactly(reached.get(0));
    }

    @Test
    void anAllowedWriteArrivesWithItsBody() throws Exception {
        String body = "{\"id\":\"ks\",\"name\":\"Kommunstyrelsen\",\"members\":[\"a\",\"b\"]}";
        HttpResponse<String> r = send("POST", "/api/bodies", bearer("registrator"), "application/json", body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).containsEntry("service", "meetings").containsEntry("method", "POST").containsEntry("body", body);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an operator key | {\"id\":\"x\",\"$where\":\"1\"} | forbidden-key",
            "a dotted key, nested | {\"a\":{\"b.c\":1}} | forbidden-key",
            "an operator inside an array | {\"list\":[{\"$gt\":1}]} | forbidden-key"})
    void bodiesBreakingTheJsonRulesAre400AndNeverReachTheService(String what, String body, String type) throws Exception {
        int before = UPSTREAMS.totalReceived();
        HttpResponse<String> r = send("POST", "/api/bodies", bearer("registrator"), "application/json", body);
        assertProblem(r, 400, type);
        assertThat(UPSTREAMS.totalReceived()).as(what).isEqualTo(before);
    }

    @Test
    void tooManyArrayItemsAre400NamingTheField() throws Exception {
        int before = UPSTREAMS.totalReceived();
        String body = "{\"members\": [" + "\"m\",".repeat(2_000) + "\"m\"]}";
        HttpResponse<String> r = send("POST", "/api/bodies", bearer("registrator"), "application/json", body);
        assertProblem(r, 400, "too-many-items");
        assertThat(json(r).get("detail").toString()).contains("members");
        assertThat(UPSTREAMS.totalReceived()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJsonAndNeverReachesTheService() throws Exception {
        int before = UPSTREAMS.totalReceived();
        String big = "{\"text\":\"" + "x".repeat(20_000) + "\"}";
        HttpResponse<String> declared = send("POST", "/api/bodies", bearer("registrator"), "application/json", big);
        assertProblem(declared, 413, "too-large");
        // the same body sent chunked (no Content-Length) is cut off while it streams
        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/bodies")).timeout(HANG_UP)
                .header("Authorization", bearer("registrator")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(chunked, 413, "too-large");
        assertThat(UPSTREAMS.totalReceived()).isEqualTo(before);
        // and one just under the limit passes
        String fits = "{\"text\":\"" + "x".repeat(12_000) + "\"}";
        assertThat(send("POST", "/api/bodies", bearer("registrator"), "application/json", fits).statusCode()).isEqualTo(200);
    }

    @Test
    void refusalsByTheRulesAreProblemJsonAndNeverReachTheService() throws Exception {
        int before = UPSTREAMS.totalReceived();
        HttpResponse<String> anonymous = send("POST", "/api/meetings", null, "application/json", "{}");
        assertProblem(anonymous, 401, "unauthenticated");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(send("POST", "/api/grants", bearer("upphandlare"), "application/json", "{}"), 403, "forbidden");
        assertProblem(send("GET", "/api/bodies", "Bearer not-a-jwt", null, null), 401, "invalid-token");
        assertProblem(send("POST", "/api//bodies", bearer("registrator"), "application/json", "{}"), 400, "non-canonical-path");
        assertThat(UPSTREAMS.totalReceived()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"/api/openapi/nothing-here", "/api/openapi"})
    void aPathNoRouteTakesIs404ProblemJson(String path) throws Exception {
        int before = UPSTREAMS.totalReceived();
        HttpResponse<String> r = get(path);
        assertProblem(r, 404, "not-found");
        assertThat(json(r).get("detail").toString()).contains(path);
        assertThat(UPSTREAMS.totalReceived()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/api/meetings/hang-up, meetings", "/api/grants/hang-up, finance", "/api/contracts/hang-up, procurement"})
    void aServiceThatFailsMidRequestIs503ProblemJsonNamingIt(String path, String service) throws Exception {
        HttpResponse<String> r = get(path);
        assertProblem(r, 503, "service-unavailable");
        assertThat(json(r)).containsEntry("service", service);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
    }
}
