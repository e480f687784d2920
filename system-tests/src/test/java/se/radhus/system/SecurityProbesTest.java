package se.radhus.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import se.radhus.common.security.DevTokenIssuer;

/**
 * Security probes against the running suite through the gateway, grouped by the OWASP API Security Top
 * 10 (2023): broken object and function level authorisation, authentication, property level
 * authorisation (mass assignment, protected identities), resource consumption, business flows,
 * misconfiguration, injection, error leakage, malformed gRPC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityProbesTest {

    Suite suite;
    /** The opaque id the service gave the protected person. */
    String skyddad;

    @BeforeAll
    void up() throws Exception {
        suite = new Suite();
        suite.startAll();
        // a body, a draft meeting, a person with a protected identity, an appropriation, an unpublished procurement
        ok(as("registrator", "POST", "/api/bodies", "{\"id\":\"pb\",\"name\":\"Probenämnden\",\"diariumPrefix\":\"PB\"}"));
        var person = ok(as("registrator", "POST", "/api/persons", "{\"name\":\"Sanna Skyddad\",\"protectedIdentity\":true}"));
        var id = java.util.regex.Pattern.compile("\"id\":\"(p-[a-z2-7]+)\"").matcher(person.body());
        org.junit.jupiter.api.Assertions.assertTrue(id.find(), person.body());
        skyddad = id.group(1);
        ok(as("sekreterare", "POST", "/api/meetings", "{\"bodyId\":\"pb\",\"date\":\"2024-10-01\",\"attendance\":["
                + "{\"name\":\"Ordf\",\"role\":\"ORDFORANDE\"},{\"personId\":\"" + skyddad + "\",\"name\":\"Sanna Skyddad\",\"role\":\"LEDAMOT\"}],"
                + "\"adjusters\":[\"Sanna Skyddad\"]}"));
        ok(as("sekreterare", "POST", "/api/meetings/pb-2024-10-01/paragraphs", "{\"number\":1,\"caseNumber\":\"PB-2024/00001\","
                + "\"title\":\"Hemligt utkast\",\"decisions\":[{\"kind\":\"BESLUT\",\"decidingBody\":\"Probenämnden\",\"clauses\":[\"besluta\"]}]}"));
        ok(as("ekonom", "POST", "/api/appropriations", "{\"id\":\"probe-anslag\",\"name\":\"Probeanslaget\",\"ownerBodyId\":\"pb\","
                + "\"amounts\":[{\"year\":2024,\"amount\":{\"ore\":100000,\"currency\":\"SEK\"}}]}"));
        ok(as("upphandlare", "POST", "/api/procurements", "{\"id\":\"probe-upph\",\"number\":\"PR-1\",\"title\":\"Ej publicerad\","
                + "\"type\":\"CONTRACT\",\"procedure\":\"OPEN\",\"category\":\"SERVICES\"}"));
    }

    @AfterAll
    void down() throws Exception {
        suite.close();
    }

    HttpResponse<String> as(String role, String method, String path, String body) throws Exception {
        return suite.send(method, path, body, Map.of("Authorization", "Bearer " + suite.token("probe-" + role, role)));
    }

    HttpResponse<String> anonymous(String method, String path, String body) throws Exception {
        return suite.send(method, path, body, Map.of("Authorization", ""));
    }

    HttpResponse<String> bearer(String token, String method, String path, String body) throws Exception {
        return suite.send(method, path, body, Map.of("Authorization", "Bearer " + token));
    }

    static HttpResponse<String> ok(HttpResponse<String> r) {
        assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
        return r;
    }

    static void problem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        assertFalse(r.body().contains("Exception") || r.body().contains("at se.") || r.body().contains("java."), r.body());
    }

    /** A drafted grant (the service gives it its id). */
    static final String GRANT = "{\"appropriationId\":\"probe-anslag\",\"recipients\":[{\"name\":\"X\","
            + "\"amounts\":[{\"year\":2024,\"amount\":{\"ore\":1000,\"currency\":\"SEK\"}}]}],\"status\":\"RESERVED\",\"effectiveDate\":\"2024-10-01\"}";

    // API2 Broken authentication
    @Test
    @Order(1)
    void api2_anonymousWriteIsRefused() throws Exception {
        problem(anonymous("POST", "/api/bodies", "{\"id\":\"x\",\"name\":\"X\"}"), 401);
    }

    @Test
    void api2_anonymousWriteToFinanceIsRefused() throws Exception {
        problem(anonymous("POST", "/api/appropriations", "{\"id\":\"x\",\"name\":\"X\",\"ownerBodyId\":\"ks\"}"), 401);
    }

    @Test
    void api2_anonymousWriteToProcurementIsRefused() throws Exception {
        problem(anonymous("POST", "/api/procurements", "{\"id\":\"x\",\"number\":\"X\",\"title\":\"X\",\"type\":\"CONTRACT\"}"), 401);
    }

    @Test
    void api2_garbageTokenIsRefused() throws Exception {
        problem(bearer("garbage", "GET", "/api/bodies", null), 401);
    }

    @Test
    void api2_algNoneTokenIsRefused() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String claims = new Document("iss", "http://localhost:8080/dev").append("sub", "evil").append("exp", now + 600)
                .append("roles", List.of("admin")).toJson();
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims) + ".";
        problem(bearer(none, "POST", "/api/bodies", "{\"id\":\"evil\",\"name\":\"Evil\"}"), 401);
    }

    @Test
    void api2_tokenSignedByAnotherKeyIsRefused() throws Exception {
        DevTokenIssuer forger = new DevTokenIssuer("http://localhost:8080/dev", Clock.systemUTC());
        problem(bearer(forger.issue("evil", List.of("admin"), 600), "POST", "/api/bodies", "{\"id\":\"evil\",\"name\":\"Evil\"}"), 401);
    }

    @Test
    void api2_expiredTokenIsRefused() throws Exception {
        String body = "{\"subject\":\"late\",\"roles\":[\"admin\"],\"ttlSeconds\":-600}";
        HttpResponse<String> t = suite.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(suite.gateway() + "/dev/token"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = t.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        problem(bearer(token, "POST", "/api/bodies", "{\"id\":\"late\",\"name\":\"Late\"}"), 401);
    }

    @Test
    void api2_tamperedTokenIsRefused() throws Exception {
        String[] parts = suite.token("probe-ekonom", "ekonom").split("\\.");
        long now = System.currentTimeMillis() / 1000;
        String elevated = b64(new Document("iss", "http://localhost:8080/dev").append("sub", "probe-ekonom").append("exp", now + 600)
                .append("roles", List.of("admin")).toJson());
        problem(bearer(parts[0] + "." + elevated + "." + parts[2], "GET", "/api/audit/finance", null), 401);
    }

    @Test
    void api2_servicesCheckTokensToo() throws Exception {
        // straight to finance, past the gateway, with a forged admin token
        DevTokenIssuer forger = new DevTokenIssuer("http://localhost:8080/dev", Clock.systemUTC());
        var r = suite.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                        + suite.httpPorts.get(Suite.Service.FINANCE) + "/api/appropriations"))
                .header("Authorization", "Bearer " + forger.issue("evil", List.of("admin"), 600)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"id\":\"evil\",\"name\":\"E\",\"ownerBodyId\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        problem(r, 401);
    }

    // API5 Broken function level authorisation
    @Test
    void api5_economistCannotAdjustAProtocol() throws Exception {
        problem(as("ekonom", "POST", "/api/meetings/pb-2024-10-01/justering", "{\"date\":\"2024-10-02\",\"signedBy\":[\"Ordf\"]}"), 403);
    }

    @Test
    void api5_caseOfficerCannotPostTheNotice() throws Exception {
        problem(as("handlaggare", "POST", "/api/meetings/pb-2024-10-01/anslag", "{\"postedOn\":\"2024-10-03\"}"), 403);
    }

    @Test
    void api5_secretaryCannotGrantMoney() throws Exception {
        problem(as("sekreterare", "POST", "/api/grants", GRANT), 403);
    }

    @Test
    void api5_procurementOfficerCannotCreateAppropriations() throws Exception {
        problem(as("upphandlare", "POST", "/api/appropriations", "{\"id\":\"x\",\"name\":\"X\",\"ownerBodyId\":\"ks\"}"), 403);
    }

    @Test
    void api5_registratorCannotAward() throws Exception {
        problem(as("registrator", "POST", "/api/procurements/probe-upph/award", "{}"), 403);
    }

    @Test
    void api5_economistCannotChangeTheBudgetOfAnotherRole() throws Exception {
        problem(as("upphandlare", "PUT", "/api/budget/2030", "{\"year\":2030,\"taxRate\":\"22,80\",\"adopted\":false}"), 403);
    }

    @Test
    void api5_onlyAdminReadsTheMeetingsAudit() throws Exception {
        problem(as("sekreterare", "GET", "/api/audit/meetings", null), 403);
        assertEquals(200, as("admin", "GET", "/api/audit/meetings", null).statusCode());
    }

    @Test
    void api5_onlyAdminReadsTheFinanceAudit() throws Exception {
        problem(as("ekonom", "GET", "/api/audit/finance", null), 403);
        problem(anonymous("GET", "/api/audit/finance", null), 401);
        HttpResponse<String> trail = as("admin", "GET", "/api/audit/finance?pageSize=1000", null);
        assertEquals(200, trail.statusCode(), trail.body());
        assertTrue(trail.body().contains("\"items\""), trail.body());
    }

    @Test
    void api5_onlyAdminReadsTheProcurementAudit() throws Exception {
        problem(as("upphandlare", "GET", "/api/audit/procurement", null), 403);
        assertTrue(as("admin", "GET", "/api/audit/procurement?pageSize=1000", null).body().contains("\"subject\":\"probe-upphandlare\""));
    }

    @Test
    void api5_aDevTokenWithAnUnknownRoleIsNotIssued() throws Exception {
        var r = suite.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(suite.gateway() + "/dev/token"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"subject\":\"x\",\"roles\":[\"root\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        problem(r, 400);
    }

    // API1 Broken object level authorisation: drafts and unpublished things do not exist for the public
    @Test
    void api1_aDraftMeetingIs404ToThePublic() throws Exception {
        problem(anonymous("GET", "/api/meetings/pb-2024-10-01", null), 404);
    }

    @Test
    void api1_aDraftParagraphIs404ToThePublic() throws Exception {
        problem(anonymous("GET", "/api/meetings/pb-2024-10-01/paragraphs/1", null), 404);
    }

    @Test
    void api1_aDraftExtractIs404ToThePublic() throws Exception {
        problem(anonymous("GET", "/api/meetings/pb-2024-10-01/paragraphs/1/extract", null), 404);
    }

    @Test
    void api1_draftsAreNotListedForThePublic() throws Exception {
        // lists are summaries (no § titles): the draft meeting itself is not listed for the public
        assertFalse(anonymous("GET", "/api/meetings?bodyId=pb", null).body().contains("pb-2024-10-01"));
        assertTrue(as("handlaggare", "GET", "/api/meetings?bodyId=pb", null).body().contains("pb-2024-10-01"));
    }

    @Test
    void api1_aDraftDecisionIsNotInTheCaseHistoryForThePublic() throws Exception {
        HttpResponse<String> r = anonymous("GET", "/api/cases/PB-2024/00001", null);
        problem(r, 404);
        assertFalse(r.body().contains("Hemligt utkast"), r.body());
        assertTrue(as("handlaggare", "GET", "/api/cases/PB-2024/00001", null).body().contains("Hemligt utkast"));
    }

    @Test
    void api1_anUnpublishedProcurementIs404ToThePublic() throws Exception {
        problem(anonymous("GET", "/api/procurements/probe-upph", null), 404);
        assertFalse(anonymous("GET", "/api/procurements", null).body().contains("probe-upph"));
        assertEquals(200, as("upphandlare", "GET", "/api/procurements/probe-upph", null).statusCode());
    }

    @Test
    void api1_unpublishedProcurementsAreNotInOcds() throws Exception {
        assertFalse(anonymous("GET", "/api/ocds/releases", null).body().contains("probe-upph"));
    }

    @Test
    void api1_balancesArePublic() throws Exception {
        assertEquals(200, anonymous("GET", "/api/appropriations/probe-anslag/balance", null).statusCode());
    }

    // API3 Broken object property level authorisation
    @Test
    void api3_aNewProcurementCannotBeCreatedAwarded() throws Exception {
        // a new procurement takes its planning facts only: a state or an award sent in is refused, naming it
        HttpResponse<String> r = as("upphandlare", "POST", "/api/procurements", "{\"id\":\"probe-mass\",\"number\":\"PR-2\","
                + "\"title\":\"Massa\",\"type\":\"CONTRACT\",\"procedure\":\"OPEN\",\"category\":\"SERVICES\",\"state\":\"AWARDED\","
                + "\"award\":{\"suppliers\":[{\"name\":\"Kompis AB\",\"rank\":1}],\"value\":{\"ore\":1,\"currency\":\"SEK\"}}}");
        problem(r, 400);
        assertTrue(r.body().contains("\"field\":\"state\"") || r.body().contains("\"field\":\"award\""), r.body());
        problem(as("upphandlare", "GET", "/api/procurements/probe-mass", null), 404);
    }

    @Test
    void api3_aParagraphCannotBeSentInAsAlreadyAdjusted() throws Exception {
        HttpResponse<String> r = ok(as("sekreterare", "POST", "/api/meetings/pb-2024-10-01/paragraphs", "{\"number\":2,"
                + "\"title\":\"Smyg\",\"adjustedOn\":\"2024-10-01\",\"decisions\":[{\"kind\":\"BESLUT\",\"decidingBody\":\"P\",\"clauses\":[\"x\"]}]}"));
        assertFalse(r.body().contains("\"adjustedOn\":\"2024-10-01\""), r.body());
        problem(anonymous("GET", "/api/meetings/pb-2024-10-01/paragraphs/2", null), 404);
    }

    @Test
    void api3_aProtectedIdentityIsNotListedForThePublic() throws Exception {
        assertFalse(anonymous("GET", "/api/persons", null).body().contains("Sanna"));
        problem(anonymous("GET", "/api/persons/" + skyddad, null), 404);
    }

    @Test
    void api3_aProtectedIdentityIsHiddenFromUnentitledStaff() throws Exception {
        assertFalse(as("ekonom", "GET", "/api/persons", null).body().contains("Sanna"));
        assertTrue(as("registrator", "GET", "/api/persons", null).body().contains("Sanna"));
    }

    @Test
    void api3_aProtectedIdentityIsHiddenInAProtocolForUnentitledStaff() throws Exception {
        HttpResponse<String> r = as("handlaggare", "GET", "/api/meetings/pb-2024-10-01", null);
        assertTrue(r.body().contains("Skyddad identitet") && !r.body().contains("Sanna"), r.body());
    }

    // API4 Unrestricted resource consumption
    @Test
    void api4_anOversizedBodyIs413() throws Exception {
        problem(as("registrator", "POST", "/api/bodies", "{\"id\":\"x\",\"name\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}"), 413);
    }

    @Test
    void api4_aHugePageSizeIsCapped() throws Exception {
        HttpResponse<String> r = anonymous("GET", "/api/bodies?pageSize=100000000", null);
        assertEquals(200, r.statusCode());
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: the other probes must not meet its aftermath
    void api4_aFloodGets429WithRetryAfter() throws Exception {
        // 600 requests at once from one caller: far more than the burst (100) plus what refills meanwhile
        String token = suite.token("flooder", "handlaggare");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(64);
        List<java.util.concurrent.Future<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            calls.add(pool.submit(() -> bearer(token, "GET", "/api/bodies/pb", null)));
        }
        HttpResponse<String> limited = null;
        for (var c : calls) {
            HttpResponse<String> r = c.get();
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        pool.shutdown();
        assertTrue(limited != null, "no request of 600 at once was limited");
        problem(limited, 429);
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
        // and the suite serves others again within seconds, with no restart
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        int status;
        do {
            Thread.sleep(200);
            status = anonymous("GET", "/api/bodies/pb", null).statusCode();
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status, "the suite did not recover from the flood within 15 s");
    }

    // API6 Sensitive business flows
    @Test
    void api6_aRetriedGrantDoesNotSpendTwice() throws Exception {
        Map<String, String> key = Map.of("Authorization", "Bearer " + suite.token("probe-ekonom", "ekonom"), "Idempotency-Key", "probe-1");
        suite.send("POST", "/api/grants", GRANT, key);
        suite.send("POST", "/api/grants", GRANT, key);
        assertTrue(anonymous("GET", "/api/appropriations/probe-anslag/balance", null).body().contains("\"reserved\":{\"ore\":1000,"));
    }

    @Test
    void api6_aWriteWithoutAnIdempotencyKeyIsRefusedForMoney() throws Exception {
        problem(as("ekonom", "POST", "/api/grants", GRANT.replace("\"name\":\"X\"", "\"name\":\"Y\"")), 400);
    }

    @Test
    void api6_overspendingIsRefused() throws Exception {
        problem(suite.send("POST", "/api/grants", GRANT.replace("\"ore\":1000,", "\"ore\":100000000,"),
                Map.of("Authorization", "Bearer " + suite.token("probe-ekonom", "ekonom"), "Idempotency-Key", "probe-big")), 409);
    }

    // API8 Security misconfiguration and error leakage
    @Test
    void api8_securityHeadersAreSet() throws Exception {
        HttpResponse<String> r = anonymous("GET", "/api/bodies", null);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
    }

    @Test
    void api8_corsAllowsOnlyTheConfiguredPortal() throws Exception {
        HttpResponse<String> evil = suite.send("GET", "/api/bodies", null, Map.of("Authorization", "", "Origin", "https://evil.example"));
        assertTrue(evil.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> portal = suite.send("GET", "/api/bodies", null, Map.of("Authorization", "", "Origin", "http://localhost:3000"));
        assertEquals("http://localhost:3000", portal.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void api8_malformedJsonLeaksNothing() throws Exception {
        problem(as("registrator", "POST", "/api/bodies", "{\"id\": [1,2,"), 400);
    }

    @Test
    void api8_aWrongTypeLeaksNothing() throws Exception {
        problem(as("ekonom", "POST", "/api/appropriations", "{\"id\":{\"nested\":true},\"name\":5}"), 400);
    }

    @Test
    void api8_unknownPathsAreProblems() throws Exception {
        problem(anonymous("GET", "/api/../../etc/passwd", null), 400); // a dot segment: not canonical
        problem(anonymous("GET", "/actuator/env", null), 401); // no rule lets the public in
        problem(as("sekreterare", "GET", "/actuator/env", null), 403);
    }

    // API10 / injection
    @Test
    void injection_operatorKeysAreRefused() throws Exception {
        problem(as("registrator", "POST", "/api/bodies", "{\"id\":\"x\",\"name\":{\"$gt\":\"\"}}"), 400);
    }

    @Test
    void injection_dottedKeysAreRefused() throws Exception {
        problem(as("upphandlare", "POST", "/api/procurements/probe-upph/bids", "{\"bids\":[{\"id\":\"1\",\"scores\":{\"a.b\":1}}]}"), 400);
    }

    @Test
    void injection_aWhereClauseIsRefused() throws Exception {
        problem(as("ekonom", "POST", "/api/appropriations", "{\"$where\":\"sleep(1000)\",\"id\":\"x\"}"), 400);
    }

    @Test
    void injection_aCaseNumberIsOnlyACaseNumber() throws Exception {
        problem(anonymous("GET", "/api/cases/KS-2024/00001'%20OR%201=1", null), 400);
    }

    // malformed gRPC
    @Test
    void grpc_aMalformedMessageIsRefusedAndTheServiceStaysUp() throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", suite.grpcPorts.get(Suite.Service.FINANCE)).usePlaintext().build();
        try {
            MethodDescriptor.Marshaller<byte[]> raw = new MethodDescriptor.Marshaller<>() {
                @Override
                public InputStream stream(byte[] value) {
                    return new ByteArrayInputStream(value);
                }

                @Override
                public byte[] parse(InputStream stream) {
                    try {
                        return stream.readAllBytes();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("radhus.finance.v1.FinanceService/GetBalance")
                    .setRequestMarshaller(raw).setResponseMarshaller(raw).build();
            try {
                ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS),
                        new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01});
                throw new AssertionError("a malformed message was accepted");
            } catch (StatusRuntimeException expected) {
                assertFalse(expected.getStatus().getCode() == io.grpc.Status.Code.OK);
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        assertEquals(200, anonymous("GET", "/api/appropriations/probe-anslag/balance", null).statusCode());
    }

    @Test
    void grpc_aCallWithoutAServiceTokenIsUnauthenticated() throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", suite.grpcPorts.get(Suite.Service.FINANCE)).usePlaintext().build();
        try {
            StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class, () ->
                    se.radhus.proto.finance.v1.FinanceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                            .getBalance(se.radhus.proto.finance.v1.GetBalanceRequest.newBuilder().setAppropriationId("probe-anslag").build()));
            assertEquals(io.grpc.Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void grpc_onlyTheIntendedPeerIsAccepted() throws Exception {
        // procurement-service may read balances, but has no business moving money: finance refuses it
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", suite.grpcPorts.get(Suite.Service.FINANCE)).usePlaintext()
                .intercept(suite.asService("procurement-service")).build();
        try {
            StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class, () ->
                    se.radhus.proto.finance.v1.FinanceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                            .releaseFunds(se.radhus.proto.finance.v1.ReleaseFundsRequest.newBuilder().setAppropriationId("probe-anslag")
                                    .setIdempotencyKey("x").setReservationId("y").build()));
            assertEquals(io.grpc.Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void grpc_aPersonsTokenIsNotAServiceIdentity() throws Exception {
        String admin = suite.token("probe-admin", "admin");
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", suite.grpcPorts.get(Suite.Service.MEETINGS)).usePlaintext()
                .intercept(new io.grpc.ClientInterceptor() {
                    @Override
                    public <Q, A> io.grpc.ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> m, CallOptions o, io.grpc.Channel next) {
                        return new io.grpc.ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(m, o)) {
                            @Override
                            public void start(Listener<A> l, io.grpc.Metadata h) {
                                h.put(io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER), "Bearer " + admin);
                                super.start(l, h);
                            }
                        };
                    }
                }).build();
        try {
            StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class, () ->
                    se.radhus.proto.meetings.v1.MeetingsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                            .listDecisions(se.radhus.proto.meetings.v1.ListDecisionsRequest.getDefaultInstance()));
            assertEquals(io.grpc.Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    static String b64(String s) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
