package se.radhus.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Probes of the one path and the one token check, against the running suite: the spellings of a path
 * an attacker tries, on every route family, at the gateway and at each service's own port; tokens that
 * every resource server must refuse; and the smaller doors (metrics, gRPC reflection, body limits and
 * keys in each service). Each probe asserts the status and that nothing was written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathAndTokenProbesTest {

    Suite suite;

    @BeforeAll
    void up() throws Exception {
        suite = new Suite();
        suite.startAll();
        ok(as("registrator", "POST", "/api/bodies", "{\"id\":\"pt\",\"name\":\"Probnämnden\",\"diariumPrefix\":\"PT\"}"));
        ok(as("ekonom", "POST", "/api/appropriations", "{\"id\":\"pt-anslag\",\"name\":\"Probanslaget\",\"ownerBodyId\":\"pt\","
                + "\"amounts\":[{\"year\":2024,\"amount\":{\"ore\":100000,\"currency\":\"SEK\"}}]}"));
    }

    @AfterAll
    void down() throws Exception {
        suite.close();
    }

    String base(Suite.Service s) {
        return "http://localhost:" + suite.httpPorts.get(s);
    }

    /** A request to a raw, unnormalised path (Java's client sends the path as given). */
    HttpResponse<String> raw(String base, String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return suite.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> as(String role, String method, String path, String json) throws Exception {
        return raw(suite.gateway(), method, path, "Bearer " + suite.token("pt-" + role, role), json);
    }

    static HttpResponse<String> ok(HttpResponse<String> r) {
        assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
        return r;
    }

    static void problem(HttpResponse<String> r, int status, String what) {
        assertEquals(status, r.statusCode(), what + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), what + " " + r.headers());
        assertFalse(r.body().contains("Exception") || r.body().contains("at se.") || r.body().contains("<html"), r.body());
    }

    /** How many entries the audit trail of a service holds, read as admin. */
    int auditEntries(String service) throws Exception {
        HttpResponse<String> r = as("admin", "GET", "/api/audit/" + service + "?pageSize=1000", null);
        ok(r);
        return r.body().split("\"method\"", -1).length - 1;
    }

    // the four requests that once got through
    @Test
    void theOldDoorsAreShutAndNothingIsWritten() throws Exception {
        int before = auditEntries("meetings");
        problem(raw(suite.gateway(), "POST", "/%61pi/bodies", null, "{\"id\":\"x\",\"name\":\"x\"}"), 401, "anonymous via %61");
        problem(raw(suite.gateway(), "GET", "/api/audit;x/meetings", null, null), 400, "path parameter on the audit");
        problem(raw(suite.gateway(), "POST", "/%61pi/meetings", null, "{\"bodyId\":\"pt\",\"date\":\"2024-11-05\"}"), 401, "meeting");
        problem(raw(suite.gateway(), "POST", "/%61pi/meetings/pt-2024-11-05/paragraphs", null, "{\"number\":1}"), 401, "§");
        problem(raw(suite.gateway(), "POST", "/%61pi/meetings/pt-2024-11-05/justering", null, "{}"), 401, "justering");
        problem(raw(suite.gateway(), "GET", "/api/bodies", "Bearer eyJhbGciOiAxfQ.e30.x", null), 401, "alg is a number");
        assertEquals(404, as("admin", "GET", "/api/bodies/x", null).statusCode());
        assertEquals(404, as("admin", "GET", "/api/meetings/pt-2024-11-05", null).statusCode());
        assertEquals(before, auditEntries("meetings"));
    }

    static final List<String> FAMILIES = List.of("/api/bodies", "/api/meetings", "/api/cases", "/api/imports", "/api/search",
            "/api/appropriations", "/api/grants", "/api/procurements", "/api/contracts", "/api/audit/meetings",
            "/api/audit/finance", "/api/audit/procurement");

    /** Non-canonical spellings of a path under a family. */
    static List<String> spellings(String family) {
        String tail = family.substring("/api".length());
        return List.of(family + ";x=1", "/api;x" + tail, "/api/" + tail, family + "//x", family + "/./x", family + "/../bodies",
                family + "/%2e%2e/x", family + "%2Fx", family + "%5Cx", family + "%00", "/api/%2561" + tail.substring(1));
    }

    @Test
    void nonCanonicalPathsAre400AtTheGatewayOnEveryFamilyAndNothingIsWritten() throws Exception {
        int meetings = auditEntries("meetings");
        int finance = auditEntries("finance");
        for (String family : FAMILIES) {
            for (String path : spellings(family)) {
                for (String auth : new String[] {null, "Bearer " + suite.token("pt-admin", "admin")}) {
                    problem(raw(suite.gateway(), "POST", path, auth, "{\"id\":\"np\",\"name\":\"np\"}"), 400, path);
                    problem(raw(suite.gateway(), "GET", path, auth, null), 400, path);
                }
            }
        }
        assertEquals(meetings, auditEntries("meetings"));
        assertEquals(finance, auditEntries("finance"));
    }

    @Test
    void nonCanonicalPathsAre400AtEachServicePortToo() throws Exception {
        String admin = "Bearer " + suite.token("pt-admin", "admin");
        for (Suite.Service s : List.of(Suite.Service.MEETINGS, Suite.Service.FINANCE, Suite.Service.PROCUREMENT)) {
            for (String family : FAMILIES) {
                for (String path : spellings(family)) {
                    problem(raw(base(s), "POST", path, admin, "{\"id\":\"np\",\"name\":\"np\"}"), 400, s + " " + path);
                }
            }
        }
        assertEquals(404, as("admin", "GET", "/api/bodies/np", null).statusCode());
        assertEquals(404, as("admin", "GET", "/api/appropriations/np", null).statusCode());
    }

    @Test
    void aPercentEncodedLetterIsAuthorizedAsTheApiPathAndAuditedAsIt() throws Exception {
        problem(raw(suite.gateway(), "POST", "/%61pi/bodies", "Bearer " + suite.token("pt-ekonom", "ekonom"),
                "{\"id\":\"pe\",\"name\":\"x\"}"), 403, "wrong role via %61");
        HttpResponse<String> r = raw(suite.gateway(), "POST", "/%61pi/bodies", "Bearer " + suite.token("pt-registrator", "registrator"),
                "{\"id\":\"pe\",\"name\":\"Procentnämnden\"}");
        ok(r);
        HttpResponse<String> audit = as("admin", "GET", "/api/audit/meetings?pageSize=1000", null);
        assertTrue(audit.body().contains("\"subject\": \"pt-registrator\"") || audit.body().contains("\"subject\":\"pt-registrator\""),
                audit.body());
        assertTrue(audit.body().contains("\"/api/bodies\""), "the audit names the decoded path: " + audit.body());
        // Micronaut has no such normalisation: there the spelling is refused before any rule
        problem(raw(suite.gateway(), "POST", "/%61pi/appropriations", "Bearer " + suite.token("pt-ekonom", "ekonom"),
                "{\"id\":\"pe\",\"name\":\"x\",\"ownerBodyId\":\"pt\"}"), 400, "finance via %61");
    }

    /** A token from the development issuer with claims laid over the standard ones. */
    String tokenWith(String claimsJson, String audience) throws Exception {
        String body = "{\"subject\":\"mallory\",\"roles\":[\"admin\"]," + (audience == null ? "" : "\"audience\":" + audience + ",")
                + "\"ttlSeconds\":600,\"claims\":" + claimsJson + "}";
        HttpResponse<String> t = suite.http.send(HttpRequest.newBuilder(URI.create(suite.gateway() + "/dev/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        ok(t);
        return t.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tokensEveryResourceServerRefusesAre401ProblemJsonAtTheGatewayAndEachServicePort() throws Exception {
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("another audience", tokenWith("{}", "[\"some-other-api\"]"));
        tokens.put("a service's audience on HTTP", tokenWith("{}", "[\"finance-service\",\"meetings-service\",\"procurement-service\"]"));
        tokens.put("a 100-year exp", tokenWith("{\"exp\": " + (System.currentTimeMillis() / 1000 + 100L * 365 * 86400) + "}", null));
        tokens.put("roles as a string", tokenWith("{\"roles\": \"admin\"}", null));
        tokens.put("a numeric subject", tokenWith("{\"sub\": 123}", null));
        tokens.put("a null among the roles", tokenWith("{\"roles\": [\"admin\", null]}", null));
        tokens.put("issued a century ahead", tokenWith("{\"iat\": 4949720925, \"exp\": 4949724525}", null));
        String good = suite.token("pt-admin", "admin");
        String[] parts = good.split("\\.");
        tokens.put("alg of a non-string type", b64("{\"alg\":256,\"kid\":\"x\"}") + "." + parts[1] + "." + parts[2]);
        tokens.put("kid of a non-string type", b64("{\"alg\":\"RS256\",\"kid\":[1]}") + "." + parts[1] + "." + parts[2]);
        tokens.put("alg none", b64("{\"alg\":\"none\"}") + "." + parts[1] + ".");
        int finance = auditEntries("finance");
        // each port with a read and a write of its own (the gateway with finance's)
        Map<String, String[]> ports = new java.util.LinkedHashMap<>();
        ports.put(suite.gateway(), new String[] {"/api/procurements", "/api/appropriations"});
        ports.put(base(Suite.Service.MEETINGS), new String[] {"/api/bodies", "/api/bodies"});
        ports.put(base(Suite.Service.FINANCE), new String[] {"/api/appropriations", "/api/appropriations"});
        ports.put(base(Suite.Service.PROCUREMENT), new String[] {"/api/procurements", "/api/procurements"});
        for (var e : tokens.entrySet()) {
            for (var port : ports.entrySet()) {
                String base = port.getKey();
                problem(raw(base, "GET", port.getValue()[0], "Bearer " + e.getValue(), null), 401, e.getKey() + " on " + base + " (public read)");
                problem(raw(base, "POST", port.getValue()[1], "Bearer " + e.getValue(),
                        "{\"id\":\"bad-token\",\"name\":\"x\",\"ownerBodyId\":\"pt\"}"), 401, e.getKey() + " on " + base + " (write)");
            }
        }
        assertEquals(404, as("admin", "GET", "/api/appropriations/bad-token", null).statusCode());
        assertEquals(finance, auditEntries("finance"));
    }

    @Test
    void metricsAndHealthDetailsAreNotServedAnonymouslyThroughTheGateway() throws Exception {
        problem(raw(suite.gateway(), "GET", "/actuator/prometheus", null, null), 401, "metrics");
        problem(raw(suite.gateway(), "GET", "/actuator/metrics", null, null), 401, "metrics");
        HttpResponse<String> health = raw(suite.gateway(), "GET", "/actuator/health", null, null);
        assertEquals(200, health.statusCode());
        assertFalse(health.body().contains("components") || health.body().contains("details"), health.body());
    }

    @Test
    void grpcReflectionIsOffOnEveryService() throws Exception {
        for (Suite.Service s : List.of(Suite.Service.MEETINGS, Suite.Service.FINANCE, Suite.Service.PROCUREMENT)) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", suite.grpcPorts.get(s)).usePlaintext().build();
            try {
                CompletableFuture<Status> closed = new CompletableFuture<>();
                StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                        .withDeadlineAfter(5, TimeUnit.SECONDS).serverReflectionInfo(new StreamObserver<ServerReflectionResponse>() {
                            @Override
                            public void onNext(ServerReflectionResponse value) {
                                closed.complete(Status.OK);
                            }

                            @Override
                            public void onError(Throwable t) {
                                closed.complete(Status.fromThrowable(t));
                            }

                            @Override
                            public void onCompleted() {
                                closed.complete(Status.OK);
                            }
                        });
                requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
                requests.onCompleted();
                assertEquals(Status.Code.UNIMPLEMENTED, closed.get(10, TimeUnit.SECONDS).getCode(), s + " lists its methods");
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void eachServiceLimitsBodiesAndRefusesOperatorKeysItself() throws Exception {
        String admin = "Bearer " + suite.token("pt-admin", "admin");
        String big = "{\"id\":\"big\",\"name\":\"" + "a".repeat(1_100_000) + "\"}";
        problem(raw(base(Suite.Service.MEETINGS), "POST", "/api/bodies", admin, big), 413, "meetings");
        problem(raw(base(Suite.Service.FINANCE), "POST", "/api/appropriations", admin, big), 413, "finance");
        problem(raw(base(Suite.Service.PROCUREMENT), "POST", "/api/procurements", admin, big), 413, "procurement");
        List<String[]> writes = List.of(new String[] {"MEETINGS", "/api/bodies"}, new String[] {"FINANCE", "/api/appropriations"},
                new String[] {"PROCUREMENT", "/api/procurements"});
        for (String[] w : writes) {
            String at = base(Suite.Service.valueOf(w[0]));
            problem(raw(at, "POST", w[1], admin, "{\"id\":\"op\",\"name\":{\"$gt\":\"\"}}"), 400, w[0] + " $ key");
            problem(raw(at, "POST", w[1], admin, "{\"id\":\"op\",\"a.b\":1}"), 400, w[0] + " dotted key");
            problem(raw(at, "POST", w[1], admin, "{\"id\":\"op\",\"items\":[" + "1,".repeat(2_000) + "1]}"), 400, w[0] + " long array");
        }
        assertEquals(404, as("admin", "GET", "/api/bodies/op", null).statusCode());
        assertEquals(404, as("admin", "GET", "/api/bodies/big", null).statusCode());
    }

    @Test
    void aRequestLineNoParserAcceptsIsAProblemAtTheGateway() throws Exception {
        for (String target : List.of("/api/bo[dies", "/api/bodies\\x", "/api/bodies|x")) {
            try (Socket socket = new Socket("localhost", suite.httpPorts.get(Suite.Service.GATEWAY))) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(answer.startsWith("HTTP/1.1 400"), target + ": " + answer);
                assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), target + ": " + answer);
            }
        }
    }

    @Test
    void refusedAttemptsAreLoggedWithWhatWasTried() throws Exception {
        raw(suite.gateway(), "POST", "/api/bodies", null, "{\"id\":\"log\",\"name\":\"x\"}");
        raw(base(Suite.Service.FINANCE), "POST", "/api/appropriations", null, "{}");
        List<String> found = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && found.size() < 2) {
            found.clear();
            if (java.nio.file.Files.readString(suite.logOf(Suite.Service.GATEWAY)).contains("refused anonymous POST /api/bodies")) {
                found.add("gateway");
            }
            if (java.nio.file.Files.readString(suite.logOf(Suite.Service.FINANCE)).contains("refused anonymous POST /api/appropriations")) {
                found.add("finance");
            }
            Thread.sleep(200);
        }
        assertEquals(List.of("gateway", "finance"), found);
    }
}
