package se.radhus.finance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.Server;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.radhus.proto.finance.v1.FinanceServiceGrpc;
import se.radhus.testsupport.MeetingsPeer;
import se.radhus.testsupport.TestIssuer;

/**
 * Grants counted exactly, payments dated by the law, and corrections as reversing entries, through HTTP
 * (the day fixed at 2024-12-02 by the injected clock) with each role, and with meetings-service down.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneyByTheLawApiTest implements TestPropertyProvider {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String EKONOM = TestIssuer.bearerFor("anna", "ekonom");
    static final String UPPHANDLARE = TestIssuer.bearerFor("ulf", "upphandlare");
    static final String PUBLIC = null;

    @Inject
    EmbeddedServer server;

    @Inject
    FinanceGrpcService grpc;

    MeetingsPeer meetings;
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        try {
            // § 181 adjusted Thu 2024-05-23, as the seed's; § 190 later, for corrections; § 300 a draft
            meetings = new MeetingsPeer().decision("ks-nau", 181, LocalDate.of(2024, 5, 23)).decision("ks-nau", 190, LocalDate.of(2024, 6, 11))
                    .decision("ks-nau", 300, false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> props = new HashMap<>(TestAuth.service("finance-law"));
        props.put("radhus.meetings.grpc", meetings.target());
        props.put("radhus.today", "2024-12-02");
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
        assertTrue(r.body().contains("\"type\":\"urn:radhus:problem:" + type + "\""), r.body());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    void appropriation(String id) throws Exception {
        assertEquals(201, send("POST", "/api/appropriations", EKONOM, """
                {"id":"%s","name":"Anslag %s","ownerBodyId":"ks","effectiveDate":"2024-01-01",
                 "amounts":[{"year":2024,"amount":{"ore":100000000}}]}""".formatted(id, id)).statusCode());
    }

    static String decision(int paragraph) {
        return "{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2024-05-21\",\"paragraph\":" + paragraph + "}";
    }

    /** A grant as an effect makes it: its id is the effect's, so ids may share a prefix. */
    void effectGrant(String id, String appropriation, long kronor) throws Exception {
        String name = InProcessServerBuilder.generateName();
        Server s = InProcessServerBuilder.forName(name).directExecutor().addService(grpc).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        try {
            FinanceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS).createGrant(
                    se.radhus.proto.finance.v1.CreateGrantRequest.newBuilder().setIdempotencyKey(id).setGrantId(id)
                            .setAppropriationId(appropriation).addRecipients(se.radhus.proto.finance.v1.GrantRecipient.newBuilder()
                                    .setName("Förening").addAmounts(FinanceGrpcServiceTest.amount(2024, kronor)))
                            .setDecision(FinanceGrpcServiceTest.NSSO.toBuilder().clearCaseNumber())
                            .setEffectiveDate(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(21)).build());
        } finally {
            channel.shutdownNow();
            s.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    static String pay(long ore, String on) {
        return "{\"recipient\":0,\"year\":2024,\"amount\":{\"ore\":" + ore + "},\"paidOn\":\"" + on + "\"}";
    }

    @Test
    void aGrantWhoseIdExtendsAnothersCountsOnlyItsOwnPaymentsAndStaysCancellable() throws Exception {
        appropriation("law-prefix");
        effectGrant("a-pp", "law-prefix", 1_000);
        effectGrant("a-pp-1", "law-prefix", 1_000);
        assertEquals("2024-05-23", json(send("GET", "/api/grants/a-pp-1", PUBLIC, null)).get("decisionAdjustedOn").asText());
        HttpResponse<String> paid = send("POST", "/api/grants/a-pp-1/payments", EKONOM, pay(100_000, "2024-06-03"), "Idempotency-Key", "pp-1");
        assertEquals(200, paid.statusCode(), paid.body());
        assertEquals("PAID", json(paid).get("status").asText());
        // a-pp's hold is grant-a-pp-1, a-pp-1's grant-a-pp-1-1: a-pp has been paid nothing
        assertEquals("COMMITTED", json(send("GET", "/api/grants/a-pp", PUBLIC, null)).get("status").asText());
        HttpResponse<String> cancelled = send("POST", "/api/grants/a-pp/cancel", EKONOM,
                "{\"effectiveDate\":\"2024-06-10\",\"decision\":" + decision(190) + "}");
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", json(cancelled).get("status").asText());
        String balance = send("GET", "/api/appropriations/law-prefix/balance", PUBLIC, null).body();
        assertTrue(balance.contains("\"committed\":{\"ore\":100000,") && balance.contains("\"paid\":{\"ore\":100000,"), balance);
    }

    @Test
    void aPaymentDatedBeforeItsDecisionWasAdjustedOrAfterTodayIsRefusedAndNothingIsPaid() throws Exception {
        appropriation("law-dates");
        effectGrant("law-dates-181-1", "law-dates", 20_000);
        // § 181 was decided 2024-05-21 and adjusted 2024-05-23 (kommunallagen 5 kap. 69 §)
        problem(send("POST", "/api/grants/law-dates-181-1/payments", EKONOM, pay(100, "2024-05-22"), "Idempotency-Key", "d-1"),
                409, "payment-before-decision");
        problem(send("POST", "/api/grants/law-dates-181-1/payments", EKONOM, pay(100, "2024-05-01"), "Idempotency-Key", "d-1"),
                409, "payment-before-decision");
        problem(send("POST", "/api/grants/law-dates-181-1/payments", EKONOM, pay(100, "2024-12-03"), "Idempotency-Key", "d-1"),
                409, "payment-in-future");
        for (String asOf : new String[] {"2024-05-21", "2024-05-22", "2024-12-02"}) {
            String b = send("GET", "/api/appropriations/law-dates/balance?asOf=" + asOf, PUBLIC, null).body();
            assertTrue(b.contains("\"paid\":{\"ore\":0,"), asOf + ": " + b);
        }
        HttpResponse<String> onTheDay = send("POST", "/api/grants/law-dates-181-1/payments", EKONOM, pay(100, "2024-05-23"), "Idempotency-Key", "d-1");
        assertEquals(200, onTheDay.statusCode(), "the refused key was left free: " + onTheDay.body());
        problem(send("POST", "/api/grants/law-dates-181-1/payments", EKONOM, pay(2_000_000, "2024-06-01"), "Idempotency-Key", "d-2"),
                409, "payment-over-commitment");
        // for every day, paid ≤ committed ≤ appropriated
        for (LocalDate d = LocalDate.of(2024, 5, 20); d.isBefore(LocalDate.of(2024, 6, 5)); d = d.plusDays(1)) {
            JsonNode y = json(send("GET", "/api/appropriations/law-dates/balance?asOf=" + d, PUBLIC, null)).at("/years/0");
            long paid = y.at("/paid/ore").asLong();
            long committed = y.at("/committed/ore").asLong();
            assertTrue(paid <= committed && committed <= y.at("/appropriated/ore").asLong(), d + ": " + y);
        }
    }

    @Test
    void aWrongPaymentIsCorrectedByAReversingEntryOnlyAndTheGrantIsCommittedAgain() throws Exception {
        appropriation("law-fix");
        effectGrant("law-fix-181-1", "law-fix", 20_000);
        HttpResponse<String> paid = send("POST", "/api/grants/law-fix-181-1/payments", EKONOM, pay(2_000_000, "2024-06-03"),
                "Idempotency-Key", "f-1");
        assertEquals("PAID", json(paid).get("status").asText(), paid.body());
        JsonNode ledger = json(send("GET", "/api/appropriations/law-fix/ledger?pageSize=1000", EKONOM, null)).get("items");
        String payment = null;
        String commitment = null;
        for (JsonNode e : ledger) {
            if (e.get("kind").asText().equals("PAYMENT")) {
                payment = e.get("id").asText();
            } else if (e.get("kind").asText().equals("COMMITMENT")) {
                commitment = e.get("id").asText();
            }
        }
        String path = "/api/appropriations/law-fix/ledger/" + payment + "/reversal";
        String body = "{\"reason\":\"utbetald till fel förening\",\"decision\":" + decision(190) + "}";
        String before = send("GET", "/api/appropriations/law-fix/balance?asOf=2024-12-01", PUBLIC, null).body();
        String entriesBefore = send("GET", "/api/appropriations/law-fix/ledger?pageSize=1000", EKONOM, null).body();
        // who may, and what it needs
        problem(send("POST", path, PUBLIC, body, "Idempotency-Key", "rev-1"), 401, "unauthenticated");
        problem(send("POST", path, UPPHANDLARE, body, "Idempotency-Key", "rev-1"), 403, "forbidden");
        problem(send("POST", path, EKONOM, body), 400, "validation");
        problem(send("POST", path, EKONOM, "{\"decision\":" + decision(190) + "}", "Idempotency-Key", "rev-1"), 400, "validation");
        problem(send("POST", path, EKONOM, "{\"reason\":\"fel\"}", "Idempotency-Key", "rev-1"), 409, "decision-missing");
        problem(send("POST", path, EKONOM, "{\"reason\":\"fel\",\"decision\":" + decision(300) + "}", "Idempotency-Key", "rev-1"),
                409, "decision-not-adjusted");
        problem(send("POST", "/api/appropriations/law-fix/ledger/" + commitment + "/reversal", EKONOM, body, "Idempotency-Key", "rev-c"),
                409, "reverse-hold");
        problem(send("POST", "/api/appropriations/law-fix/ledger/no-such-entry/reversal", EKONOM, body, "Idempotency-Key", "rev-n"),
                404, "not-found");
        meetings.down = true;
        try {
            problem(send("POST", path, EKONOM, body, "Idempotency-Key", "rev-1"), 503, "meetings-unavailable");
        } finally {
            meetings.down = false;
        }
        assertEquals(entriesBefore, send("GET", "/api/appropriations/law-fix/ledger?pageSize=1000", EKONOM, null).body(), "nothing written");
        HttpResponse<String> reversed = send("POST", path, EKONOM, body, "Idempotency-Key", "rev-1");
        assertEquals(201, reversed.statusCode(), reversed.body());
        JsonNode entry = json(reversed).get(0);
        assertEquals("REVERSAL", entry.get("kind").asText());
        assertEquals(payment, entry.get("reverses").asText());
        assertEquals("2024-12-02", entry.get("effectiveDate").asText(), "a correction counts from the day it is made");
        assertEquals("utbetald till fel förening", entry.get("reason").asText());
        assertEquals(190, entry.at("/decision/paragraph").asInt());
        // a retry is the first answer; the same entry again, under another key, is reversed already
        assertEquals(reversed.body(), send("POST", path, EKONOM, body, "Idempotency-Key", "rev-1").body());
        problem(send("POST", path, EKONOM, body, "Idempotency-Key", "rev-2"), 409, "already-reversed");
        // the original stays; the balance of any day before the correction is what it was
        String after = send("GET", "/api/appropriations/law-fix/ledger?pageSize=1000", EKONOM, null).body();
        assertTrue(after.contains("\"id\":\"" + payment + "\""), after);
        assertEquals(1, after.split("\"kind\":\"REVERSAL\"").length - 1, after);
        assertEquals(before, send("GET", "/api/appropriations/law-fix/balance?asOf=2024-12-01", PUBLIC, null).body());
        assertTrue(send("GET", "/api/appropriations/law-fix/balance?asOf=2024-12-02", PUBLIC, null).body().contains("\"paid\":{\"ore\":0,"));
        assertEquals("COMMITTED", json(send("GET", "/api/grants/law-fix-181-1", PUBLIC, null)).get("status").asText());
        // and it is paid again, rightly
        assertEquals(200, send("POST", "/api/grants/law-fix-181-1/payments", EKONOM, pay(2_000_000, "2024-12-02"), "Idempotency-Key", "f-2")
                .statusCode());
        assertFalse(send("GET", "/api/appropriations/law-fix/ledger.csv", PUBLIC, null).body().isEmpty());
    }

    @Test
    void anAllocationEnteredWronglyIsReversedButNeverBelowWhatIsBound() throws Exception {
        appropriation("law-alloc");
        effectGrant("law-alloc-181-1", "law-alloc", 20_000);
        String allocation = json(send("GET", "/api/appropriations/law-alloc/ledger?pageSize=1000", EKONOM, null)).at("/items/0/id").asText();
        HttpResponse<String> refused = send("POST", "/api/appropriations/law-alloc/ledger/" + allocation + "/reversal", EKONOM,
                "{\"reason\":\"fel år\",\"decision\":" + decision(190) + "}", "Idempotency-Key", "a-1");
        problem(refused, 409, "insufficient-funds");
        assertTrue(send("GET", "/api/appropriations/law-alloc/balance", PUBLIC, null).body().contains("\"appropriated\":{\"ore\":100000000,"));
    }
}
