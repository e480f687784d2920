package se.radhus.finance.api;

import se.radhus.testsupport.MeetingsPeer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.radhus.proto.finance.v1.FinanceServiceGrpc;
import se.radhus.testsupport.TestIssuer;

/**
 * Money that can be trusted, through HTTP with each role and anonymously: what needs a decision is refused
 * without an adjusted one (checked with a stub meetings-service), nothing is stored when it is refused or
 * meetings is down, ids are the service's, an Idempotency-Key is its caller's and names one request, and
 * the public sees no draft.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedMoneyApiTest implements TestPropertyProvider {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String EKONOM = TestIssuer.bearerFor("anna", "ekonom");
    static final String OTHER_EKONOM = TestIssuer.bearerFor("bertil", "ekonom");
    static final String ADMIN = TestIssuer.bearerFor("root", "admin");
    static final String HANDLAGGARE = TestIssuer.bearerFor("hilda", "handlaggare");
    static final String UPPHANDLARE = TestIssuer.bearerFor("ulf", "upphandlare");

    @Inject
    EmbeddedServer server;

    @Inject
    FinanceGrpcService grpc;

    MeetingsPeer meetings;
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        try {
            meetings = new MeetingsPeer().decision("ks-nau", 181, true).decision("ks-nau", 182, true)
                    .decision("ks-nau", 300, false).proposal("ks-nau", 185);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> props = new HashMap<>(TestAuth.service("finance-trust"));
        props.put("radhus.meetings.grpc", meetings.target());
        return props;
    }

    @AfterAll
    void stopPeer() {
        meetings.close();
    }

    HttpResponse<String> send(String method, String path, String auth, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void problem(HttpResponse<String> r, int status, String type) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        assertTrue(r.body().contains("\"type\":\"urn:radhus:problem:" + type + "\""), r.body());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    void appropriation(String id) throws Exception {
        HttpResponse<String> r = send("POST", "/api/appropriations", EKONOM, """
                {"id":"%s","name":"Anslag %s","ownerBodyId":"ks","effectiveDate":"2024-01-01",
                 "amounts":[{"year":2024,"amount":{"ore":100000000}}]}""".formatted(id, id));
        assertEquals(201, r.statusCode(), r.body());
    }

    static String grant(String appropriation, String status, String decision, long ore) {
        return """
                {"appropriationId":"%s","recipients":[{"name":"Förening","amounts":[{"year":2024,"amount":{"ore":%d}}]}],
                 "status":"%s",%s"effectiveDate":"2024-05-21"}""".formatted(appropriation, ore, status,
                decision == null ? "" : "\"decision\":" + decision + ",");
    }

    static String decision(int paragraph) {
        return "{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2024-05-21\",\"paragraph\":" + paragraph + "}";
    }

    /** What the appropriation holds, as staff see it: its ledger and its grants. */
    String holdings(String appropriation) throws Exception {
        return send("GET", "/api/appropriations/" + appropriation + "/ledger?pageSize=1000", EKONOM, null).body()
                + send("GET", "/api/grants?appropriationId=" + appropriation, EKONOM, null).body();
    }

    @Test
    void aCommittedGrantWithoutAnAdjustedDecisionIsRefusedNamingWhatIsMissingAndNothingIsStored() throws Exception {
        appropriation("trust-refused");
        String before = holdings("trust-refused");
        Object[][] cases = {
                {null, "decision-missing", "\"missing\":\"decision\""},
                {"{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2031-01-01\",\"paragraph\":9999}", "decision-unknown", "\"missing\":\"paragraph\""},
                {decision(300), "decision-not-adjusted", "\"missing\":\"justering\""},
                {decision(185), "decision-is-proposal", "\"missing\":\"decision\""}};
        int n = 0;
        for (Object[] c : cases) {
            for (String who : new String[] {EKONOM, ADMIN}) {
                HttpResponse<String> r = send("POST", "/api/grants", who, grant("trust-refused", "COMMITTED", (String) c[0], 1000),
                        "Idempotency-Key", "refused-" + n++);
                problem(r, 409, (String) c[1]);
                assertTrue(r.body().contains((String) c[2]), r.body());
                if (c[0] != null) {
                    assertTrue(r.body().contains("\"decision\":\"ks-nau "), r.body());
                }
            }
        }
        assertEquals(before, holdings("trust-refused"), "nothing stored");
        assertTrue(send("GET", "/api/appropriations/trust-refused/balance", null, null).body().contains("\"committed\":{\"ore\":0,"));
    }

    @Test
    void withMeetingsDownItIs503AndNothingIsStoredAndTheKeyServesTheRetry() throws Exception {
        appropriation("trust-down");
        String before = holdings("trust-down");
        String body = grant("trust-down", "COMMITTED", decision(181), 5000);
        meetings.down = true;
        try {
            HttpResponse<String> down = send("POST", "/api/grants", EKONOM, body, "Idempotency-Key", "down-1");
            problem(down, 503, "meetings-unavailable");
            assertTrue(down.body().contains("nothing was stored"), down.body());
            assertEquals(before, holdings("trust-down"));
        } finally {
            meetings.down = false;
        }
        HttpResponse<String> retry = send("POST", "/api/grants", EKONOM, body, "Idempotency-Key", "down-1");
        assertEquals(201, retry.statusCode(), retry.body());
        assertTrue(send("GET", "/api/appropriations/trust-down/balance", null, null).body().contains("\"committed\":{\"ore\":5000,"));
    }

    @Test
    void onlyEkonomAndAdminGrantAndAnonymousCallersAreUnauthenticated() throws Exception {
        appropriation("trust-roles");
        String body = grant("trust-roles", "COMMITTED", decision(181), 100);
        problem(send("POST", "/api/grants", null, body, "Idempotency-Key", "r-1"), 401, "unauthenticated");
        problem(send("POST", "/api/grants", UPPHANDLARE, body, "Idempotency-Key", "r-1"), 403, "forbidden");
        problem(send("POST", "/api/grants", HANDLAGGARE, body, "Idempotency-Key", "r-1"), 403, "forbidden");
        assertEquals(201, send("POST", "/api/grants", ADMIN, body, "Idempotency-Key", "r-1").statusCode());
        assertEquals(201, send("POST", "/api/grants", EKONOM, body, "Idempotency-Key", "r-1").statusCode());
        JsonNode items = json(send("GET", "/api/grants?appropriationId=trust-roles", null, null)).get("items");
        assertEquals(2, items.size(), "admin's and anna's key are two requests");
    }

    @Test
    void aDraftNeedsNoDecisionButTheCommitmentAndTheCancellationOfACommittedGrantDo() throws Exception {
        appropriation("trust-steps");
        HttpResponse<String> draft = send("POST", "/api/grants", EKONOM, grant("trust-steps", "RESERVED", null, 7000),
                "Idempotency-Key", "steps-1");
        assertEquals(201, draft.statusCode(), draft.body());
        String id = json(draft).get("id").asText();
        assertTrue(id.matches("g-[0-9a-f]{16}"), id);
        // a draft is nobody's business but staff's
        problem(send("GET", "/api/grants/" + id, null, null), 404, "not-found");
        assertEquals(200, send("GET", "/api/grants/" + id, HANDLAGGARE, null).statusCode());
        assertFalse(send("GET", "/api/grants?appropriationId=trust-steps", null, null).body().contains(id));
        assertTrue(send("GET", "/api/grants?appropriationId=trust-steps", EKONOM, null).body().contains(id));

        // committed: only by an adjusted decision
        problem(send("POST", "/api/grants/" + id + "/commit", EKONOM, "{\"effectiveDate\":\"2024-05-23\"}"), 409, "decision-missing");
        problem(send("POST", "/api/grants/" + id + "/commit", EKONOM, "{\"effectiveDate\":\"2024-05-23\",\"decision\":" + decision(300) + "}"),
                409, "decision-not-adjusted");
        problem(send("POST", "/api/grants/" + id + "/commit", UPPHANDLARE, "{\"effectiveDate\":\"2024-05-23\",\"decision\":" + decision(182) + "}"),
                403, "forbidden");
        problem(send("POST", "/api/grants/" + id + "/commit", null, "{\"effectiveDate\":\"2024-05-23\",\"decision\":" + decision(182) + "}"),
                401, "unauthenticated");
        meetings.down = true;
        try {
            problem(send("POST", "/api/grants/" + id + "/commit", EKONOM, "{\"effectiveDate\":\"2024-05-23\",\"decision\":" + decision(182) + "}"),
                    503, "meetings-unavailable");
        } finally {
            meetings.down = false;
        }
        assertEquals("RESERVED", json(send("GET", "/api/grants/" + id, EKONOM, null)).get("status").asText());
        String commit = "{\"effectiveDate\":\"2024-05-23\",\"decision\":" + decision(182) + "}";
        HttpResponse<String> committed = send("POST", "/api/grants/" + id + "/commit", EKONOM, commit);
        assertEquals(200, committed.statusCode(), committed.body());
        assertEquals(182, json(committed).at("/decision/paragraph").asInt());
        // the retry changes nothing: the money is committed once
        assertEquals(200, send("POST", "/api/grants/" + id + "/commit", EKONOM, commit).statusCode());
        String balance = send("GET", "/api/appropriations/trust-steps/balance", null, null).body();
        assertTrue(balance.contains("\"committed\":{\"ore\":7000,") && balance.contains("\"reserved\":{\"ore\":0,"), balance);
        assertEquals(200, send("GET", "/api/grants/" + id, null, null).statusCode(), "decided: public now");

        // cancelled: a committed grant only by an adjusted decision
        problem(send("POST", "/api/grants/" + id + "/cancel", EKONOM, "{\"effectiveDate\":\"2024-06-01\"}"), 409, "decision-missing");
        problem(send("POST", "/api/grants/" + id + "/cancel", EKONOM, "{\"effectiveDate\":\"2024-06-01\",\"decision\":" + decision(185) + "}"),
                409, "decision-is-proposal");
        assertEquals("COMMITTED", json(send("GET", "/api/grants/" + id, null, null)).get("status").asText());
        String cancel = "{\"effectiveDate\":\"2024-06-01\",\"decision\":" + decision(181) + "}";
        problem(send("POST", "/api/grants/" + id + "/cancel", null, cancel), 401, "unauthenticated");
        problem(send("POST", "/api/grants/" + id + "/cancel", HANDLAGGARE, cancel), 403, "forbidden");
        meetings.down = true;
        try {
            problem(send("POST", "/api/grants/" + id + "/cancel", EKONOM, cancel), 503, "meetings-unavailable");
        } finally {
            meetings.down = false;
        }
        assertEquals("COMMITTED", json(send("GET", "/api/grants/" + id, null, null)).get("status").asText());
        HttpResponse<String> cancelled = send("POST", "/api/grants/" + id + "/cancel", ADMIN, cancel);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals(181, json(cancelled).at("/cancellation/paragraph").asInt());
        assertEquals(200, send("POST", "/api/grants/" + id + "/cancel", ADMIN, cancel).statusCode(), "a retry");
        String after = send("GET", "/api/appropriations/trust-steps/balance", null, null).body();
        assertTrue(after.contains("\"committed\":{\"ore\":0,") && after.contains("\"remaining\":{\"ore\":100000000,"), after);
        assertEquals(1, send("GET", "/api/appropriations/trust-steps/ledger?pageSize=1000", EKONOM, null).body()
                .split("\"paragraph\":181").length - 1, "one release, carrying the cancelling decision");

        // a draft is dropped without a decision
        String other = json(send("POST", "/api/grants", EKONOM, grant("trust-steps", "RESERVED", null, 100), "Idempotency-Key", "steps-2"))
                .get("id").asText();
        HttpResponse<String> dropped = send("POST", "/api/grants/" + other + "/cancel", EKONOM, "{\"effectiveDate\":\"2024-06-01\"}");
        assertEquals(200, dropped.statusCode(), dropped.body());
        problem(send("GET", "/api/grants/" + other, null, null), 404, "not-found");
    }

    @Test
    void aDraftThatNamesADecisionNamesOneThatExists() throws Exception {
        appropriation("trust-draft-ref");
        problem(send("POST", "/api/grants", EKONOM, grant("trust-draft-ref", "RESERVED",
                "{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2031-01-01\",\"paragraph\":9999}", 100), "Idempotency-Key", "dr-1"), 409, "decision-unknown");
        assertEquals(201, send("POST", "/api/grants", EKONOM, grant("trust-draft-ref", "RESERVED", decision(300), 100),
                "Idempotency-Key", "dr-2").statusCode(), "a draft may rest on a § not yet adjusted");
    }

    @Test
    void idsAreTheServicesAndEffectIdsAreOutOfAClientsReach() throws Exception {
        appropriation("trust-ids");
        String effectId = "ks-nau-2024-05-21-182-1";
        String body = grant("trust-ids", "COMMITTED", decision(182), 100).replace("{\"appropriationId\"", "{\"id\":\"" + effectId + "\",\"appropriationId\"");
        HttpResponse<String> chosen = send("POST", "/api/grants", EKONOM, body, "Idempotency-Key", "ids-1");
        problem(chosen, 400, "validation");
        assertTrue(chosen.body().contains("\"field\":\"id\""), chosen.body());
        // the effect carries out its grant under its own id, whatever a client tried
        String name = InProcessServerBuilder.generateName();
        Server s = InProcessServerBuilder.forName(name).directExecutor().addService(grpc).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        try {
            var stub = FinanceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
            var request = se.radhus.proto.finance.v1.CreateGrantRequest.newBuilder().setIdempotencyKey(effectId).setGrantId(effectId)
                    .setAppropriationId("trust-ids").addRecipients(se.radhus.proto.finance.v1.GrantRecipient.newBuilder().setName("F")
                            .addAmounts(FinanceGrpcServiceTest.amount(2024, 1)))
                    .setDecision(FinanceGrpcServiceTest.NSSO.toBuilder().setParagraph(182).clearCaseNumber())
                    .setEffectiveDate(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(21)).build();
            assertEquals(effectId, stub.createGrant(request).getGrantId());
            StatusRuntimeException http = assertThrows(StatusRuntimeException.class,
                    () -> stub.createGrant(request.toBuilder().setGrantId("g-0123456789abcdef").setIdempotencyKey("x").build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, http.getStatus().getCode());
            // an effect on a proposal is refused over gRPC as over HTTP: one check
            StatusRuntimeException proposal = assertThrows(StatusRuntimeException.class, () -> stub.createGrant(request.toBuilder()
                    .setGrantId("ks-nau-2024-05-21-185-1").setIdempotencyKey("ks-nau-2024-05-21-185-1")
                    .setDecision(request.getDecision().toBuilder().setParagraph(185)).build()));
            assertEquals("DECISION_IS_PROPOSAL", se.radhus.proto.GrpcErrors.info(proposal).orElseThrow().getReason());
            // a retry of the effect asks meetings nothing and changes nothing
            int asked = meetings.asked.get();
            assertEquals(effectId, stub.createGrant(request).getGrantId());
            assertEquals(asked, meetings.asked.get());
        } finally {
            channel.shutdownNow();
            s.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        assertEquals(200, send("GET", "/api/grants/" + effectId, null, null).statusCode());
    }

    @Test
    void anIdempotencyKeyNamesOneRequestOfOneCaller() throws Exception {
        appropriation("trust-keys");
        String first = grant("trust-keys", "COMMITTED", decision(181), 1000);
        HttpResponse<String> a = send("POST", "/api/grants", EKONOM, first, "Idempotency-Key", "same-key");
        assertEquals(201, a.statusCode(), a.body());
        // the same caller, the same key, another body: refused, nothing more stored
        HttpResponse<String> other = send("POST", "/api/grants", EKONOM, grant("trust-keys", "COMMITTED", decision(181), 2000),
                "Idempotency-Key", "same-key");
        problem(other, 409, "idempotency-key-reused");
        // the same key on another path is another request too
        problem(send("POST", "/api/appropriations/trust-keys/allocations", EKONOM, "{\"year\":2024,\"amount\":{\"ore\":5}}",
                "Idempotency-Key", "same-key"), 409, "idempotency-key-reused");
        assertEquals(1, json(send("GET", "/api/grants?appropriationId=trust-keys", EKONOM, null)).get("items").size());
        // another caller's same key is their own
        HttpResponse<String> b = send("POST", "/api/grants", OTHER_EKONOM, grant("trust-keys", "COMMITTED", decision(181), 2000),
                "Idempotency-Key", "same-key");
        assertEquals(201, b.statusCode(), b.body());
        assertNotEquals(json(a).get("id").asText(), json(b).get("id").asText());
        // and each caller's retry gets their own first answer
        assertEquals(a.body(), send("POST", "/api/grants", EKONOM, first, "Idempotency-Key", "same-key").body());
        String balance = send("GET", "/api/appropriations/trust-keys/balance", null, null).body();
        assertTrue(balance.contains("\"committed\":{\"ore\":3000,"), balance);
        // no key, or one too long: 400 naming the header
        HttpResponse<String> none = send("POST", "/api/grants", EKONOM, first);
        problem(none, 400, "validation");
        assertTrue(none.body().contains("Idempotency-Key"), none.body());
        problem(send("POST", "/api/grants", EKONOM, first, "Idempotency-Key", "k".repeat(201)), 400, "validation");
    }

    @Test
    void allocationsAndPaymentsTakeTheSameKeyRules() throws Exception {
        appropriation("trust-alloc");
        String more = "{\"year\":2025,\"amount\":{\"ore\":50000},\"effectiveDate\":\"2024-06-01\"}";
        HttpResponse<String> first = send("POST", "/api/appropriations/trust-alloc/allocations", EKONOM, more, "Idempotency-Key", "a-1");
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> again = send("POST", "/api/appropriations/trust-alloc/allocations", EKONOM, more, "Idempotency-Key", "a-1");
        assertEquals(201, again.statusCode());
        assertEquals(first.body(), again.body());
        problem(send("POST", "/api/appropriations/trust-alloc/allocations", EKONOM, more.replace("50000", "60000"), "Idempotency-Key", "a-1"),
                409, "idempotency-key-reused");
        assertEquals(201, send("POST", "/api/appropriations/trust-alloc/allocations", OTHER_EKONOM, more, "Idempotency-Key", "a-1").statusCode());
        problem(send("POST", "/api/appropriations/trust-alloc/allocations", HANDLAGGARE, more, "Idempotency-Key", "a-2"), 403, "forbidden");
        problem(send("POST", "/api/appropriations/trust-alloc/allocations", null, more, "Idempotency-Key", "a-2"), 401, "unauthenticated");
        String balance = send("GET", "/api/appropriations/trust-alloc/balance", null, null).body();
        assertTrue(balance.contains("\"year\":2025,\"appropriated\":{\"ore\":100000,"), "two callers, two allocations: " + balance);

        String grantId = json(send("POST", "/api/grants", EKONOM, grant("trust-alloc", "COMMITTED", decision(181), 3000),
                "Idempotency-Key", "pay-grant")).get("id").asText();
        String pay = "{\"recipient\":0,\"year\":2024,\"amount\":{\"ore\":1000},\"paidOn\":\"2024-07-01\"}";
        assertEquals(200, send("POST", "/api/grants/" + grantId + "/payments", EKONOM, pay, "Idempotency-Key", "p-1").statusCode());
        assertEquals(200, send("POST", "/api/grants/" + grantId + "/payments", EKONOM, pay, "Idempotency-Key", "p-1").statusCode());
        problem(send("POST", "/api/grants/" + grantId + "/payments", EKONOM, pay.replace("1000", "2000"), "Idempotency-Key", "p-1"),
                409, "idempotency-key-reused");
        String paid = send("GET", "/api/appropriations/trust-alloc/balance", null, null).body();
        assertTrue(paid.contains("\"paid\":{\"ore\":1000,"), "paid once: " + paid);
    }

    @Test
    void thePublicLedgerShowsADraftsReservationAsASumOnly() throws Exception {
        appropriation("trust-ledger");
        // meetings-service reserves a draft's grant as it does: keyed by the draft's effect, naming its §
        String name = InProcessServerBuilder.generateName();
        Server s = InProcessServerBuilder.forName(name).directExecutor().addService(grpc).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        try {
            FinanceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS).reserveFunds(
                    se.radhus.proto.finance.v1.ReserveFundsRequest.newBuilder().setIdempotencyKey("draft-hemlig-2024-11-05-7-1-abc")
                            .setAppropriationId("trust-ledger").addAmounts(FinanceGrpcServiceTest.amount(2024, 4_000))
                            .setDecision(FinanceGrpcServiceTest.NSSO.toBuilder().setBodyId("hemlig").setParagraph(7)
                                    .setCaseNumber(se.radhus.proto.common.v1.Diarienummer.newBuilder().setRegistry("HM").setYear(2024).setSequence(77)))
                            .setEffectiveDate(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(11).setDay(5)).build());
        } finally {
            channel.shutdownNow();
            s.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        send("POST", "/api/grants", EKONOM, grant("trust-ledger", "RESERVED", decision(300), 500), "Idempotency-Key", "ledger-draft");
        for (String path : new String[] {"/api/appropriations/trust-ledger/ledger?pageSize=1000", "/api/appropriations/trust-ledger/ledger.csv"}) {
            String open = send("GET", path, null, null).body();
            assertTrue(open.contains("RESERVATION"), open);
            for (String secret : new String[] {"hemlig", "HM-2024", "draft-", "\"paragraph\":300", "grant-g-", "res-"}) {
                assertFalse(open.contains(secret), path + " shows " + secret + " to the public: " + open);
            }
            String csv = send("GET", "/api/appropriations/trust-ledger/ledger", null, null, "Accept", "text/csv").body();
            assertFalse(csv.contains("hemlig") || csv.contains("draft-"), csv);
            for (String staff : new String[] {EKONOM, HANDLAGGARE, ADMIN}) {
                String seen = send("GET", path, staff, null).body();
                assertTrue(seen.contains("hemlig") && seen.contains("HM-2024/00077") && seen.contains("draft-hemlig"), seen);
            }
        }
        // the public balance still counts what the drafts hold
        assertTrue(send("GET", "/api/appropriations/trust-ledger/balance", null, null).body().contains("\"reserved\":{\"ore\":400500,"));
    }

    @Test
    void pageTokensNameNoHiddenIdAndATamperedOneIs400() throws Exception {
        appropriation("trust-pages");
        List<String> decided = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            decided.add(json(send("POST", "/api/grants", EKONOM, grant("trust-pages", "COMMITTED", decision(181), 10 + i),
                    "Idempotency-Key", "page-c-" + i)).get("id").asText());
            send("POST", "/api/grants", EKONOM, grant("trust-pages", "RESERVED", null, 20 + i), "Idempotency-Key", "page-r-" + i);
        }
        List<String> seen = new ArrayList<>();
        String token = "";
        do {
            JsonNode page = json(send("GET", "/api/grants?appropriationId=trust-pages&pageSize=1&pageToken=" + token, null, null));
            assertEquals(page.get("nextPageToken").asText().isEmpty() ? page.get("items").size() : 1, page.get("items").size(),
                    "every page is full: a hidden draft leaves no gap");
            page.get("items").forEach(g -> seen.add(g.get("id").asText()));
            token = page.get("nextPageToken").asText();
            for (String id : decided) {
                assertFalse(token.contains(id) || new String(java.util.Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("g-"), "the token names no id");
            }
        } while (!token.isEmpty());
        assertEquals(decided.stream().sorted().toList(), seen, "the public pages through the decided grants only");
        assertEquals(6, json(send("GET", "/api/grants?appropriationId=trust-pages", EKONOM, null)).get("items").size());

        String next = json(send("GET", "/api/appropriations/trust-pages/ledger?pageSize=1", null, null)).get("nextPageToken").asText();
        char last = next.charAt(next.length() - 2);
        String tampered = next.substring(0, next.length() - 2) + (last == 'A' ? 'B' : 'A') + next.charAt(next.length() - 1);
        for (String path : new String[] {"/api/appropriations/trust-pages/ledger?pageToken=", "/api/grants?pageToken=",
                "/api/appropriations?pageToken="}) {
            for (String t : new String[] {tampered, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("1".getBytes())}) {
                problem(send("GET", path + t, null, null), 400, "bad-request");
                problem(send("GET", path + t, EKONOM, null), 400, "bad-request");
            }
        }
    }
}
