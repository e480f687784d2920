package se.radhus.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import se.radhus.proto.finance.v1.FinanceServiceGrpc;
import se.radhus.system.Suite.Service;

/**
 * The scenarios through the gateway, on the seed: grants counted exactly, payments dated by the
 * law, corrections as reversing entries; the standstill by the calendar, direct awards held to their limit,
 * awards tied to bids and the evaluation, frameworks within four years, thresholds as data; OCDS as a
 * history that validates. And every seed figure still holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LawThroughTheGatewayTest {

    static final ObjectMapper JSON = new ObjectMapper();
    Suite suite;

    @BeforeAll
    void up() throws Exception {
        suite = new Suite();
        suite.startAll();
        Process seed = new ProcessBuilder("python3", suite.root.resolve("bin/seed").toString(), suite.gateway()).redirectErrorStream(true).start();
        String out = new String(seed.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(seed.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, seed.exitValue(), out);
        assertTrue(out.contains("ks-nau-2024-05-21-179-1 (AWARD, § 179): DONE"), out);
    }

    @AfterAll
    void down() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    HttpResponse<String> as(String role, String method, String path, String body) throws Exception {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", role == null ? "" : "Bearer " + suite.token("law-" + role, role));
        return suite.send(method, path, body, headers);
    }

    HttpResponse<String> as(String role, String method, String path, String body, String key) throws Exception {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + suite.token("law-" + role, role));
        headers.put("Idempotency-Key", key);
        return suite.send(method, path, body, headers);
    }

    static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.uri() + " " + r.body());
        return JSON.readTree(r.body());
    }

    static void problem(HttpResponse<String> r, int status, String type) {
        assertEquals(status, r.statusCode(), r.uri() + " " + r.body());
        assertTrue(r.body().contains("\"type\":\"urn:radhus:problem:" + type + "\""), r.body());
    }

    static final String D178 = "{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2024-05-21\",\"paragraph\":178,\"caseNumber\":\"KS-2023/00728\"}";
    static final String D181 = "{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2024-05-21\",\"paragraph\":181,\"caseNumber\":\"KS-2024/00361\"}";
    static final String D179 = "{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2024-05-21\",\"paragraph\":179,\"caseNumber\":\"KS-2024/00449\"}";

    @Test
    @Order(1)
    void everySeedFigureStillHolds() throws Exception {
        String before = suite.get("/api/appropriations/ks-tillvaxt/balance?asOf=2024-05-20").body();
        assertTrue(before.contains("1 478,2 tkr") && before.contains("3 007,4 tkr") && before.contains("9 296,2 tkr"), before);
        String after = suite.get("/api/appropriations/ks-tillvaxt/balance?asOf=2024-05-21").body();
        assertTrue(after.contains("1 458,2 tkr") && after.contains("2 907,4 tkr") && after.contains("9 196,2 tkr"), after);
        assertTrue(suite.get("/api/meetings/ks-nau-2024-05-21").body().contains("en miljöskjuts på 20 024 kr"));
        JsonNode chairs = ok(suite.get("/api/procurements/p-23310")).get("procurement");
        assertEquals(145_238_400L, chairs.at("/award/value/ore").asLong(), "1 452 384 kr");
    }

    @Test
    @Order(2)
    void theSeeds23310HasItsJurysEvaluationAndItsStandstillEndsOnMonday3June() throws Exception {
        JsonNode p = ok(as(null, "GET", "/api/procurements/p-23310", null)).get("procurement");
        // § 179: "Juryn föreslår att alternativ 2 (omklädning av befintliga stolar) tilldelas kontraktet, med hänvisning till
        // miljöperspektivet och en lägre kostnad."
        assertEquals("JURY", p.get("evaluationMethod").asText());
        assertEquals("6", p.at("/evaluation/0/bidId").asText());
        assertTrue(p.get("juryReasons").asText().contains("miljöperspektivet och en lägre kostnad"), p.toString());
        assertEquals("6", p.at("/award/suppliers/0/bidId").asText());
        // LOU 20 kap. 1 § and lag 1930:173: sent Thu 2024-05-23, the tenth day is Sun 06-02, so Mon 06-03
        assertEquals("2024-06-03", p.at("/award/standstillEnd").asText());
        problem(as("upphandlare", "POST", "/api/procurements/p-23310/contract", "{\"signedOn\":\"2024-06-03\"}"), 409, "standstill");
        assertEquals("SE-ON-212000-2627", ok(as(null, "GET", "/api/ocds/records/ocds-radhus-p-23310", null))
                .at("/records/0/compiledRelease/buyer/id").asText());
    }

    void grantAsEffect(ManagedChannel channel, String id, long kronor) {
        FinanceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).createGrant(
                se.radhus.proto.finance.v1.CreateGrantRequest.newBuilder().setIdempotencyKey(id).setGrantId(id).setAppropriationId("ks-klimatneutralitet")
                        .addRecipients(se.radhus.proto.finance.v1.GrantRecipient.newBuilder().setName("Förening")
                                .addAmounts(se.radhus.proto.common.v1.YearAmount.newBuilder().setYear(2024).setAmount(
                                        se.radhus.proto.common.v1.Money.newBuilder().setOre(kronor * 100).setCurrencyCode("SEK"))))
                        .setDecision(se.radhus.proto.common.v1.DecisionRef.newBuilder().setBodyId("ks-nau")
                                .setMeetingDate(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(21)).setParagraph(181))
                        .setEffectiveDate(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(21)).build());
    }

    static String pay(long ore, String on) {
        return "{\"recipient\":0,\"year\":2024,\"amount\":{\"ore\":" + ore + ",\"currency\":\"SEK\"},\"paidOn\":\"" + on + "\"}";
    }

    @Test
    @Order(3)
    void grantsAreCountedExactlyPaidWithinTheirDatesAndCorrectedByReversalsOnly() throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", suite.grpcPorts.get(Service.FINANCE)).usePlaintext()
                .intercept(suite.asService("meetings-service")).build();
        try {
            grantAsEffect(channel, "a-pp", 1_000);
            grantAsEffect(channel, "a-pp-1", 1_000);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        // the seed protocol was adjusted on 2024-05-23: a payment the day before rests on no decision yet
        problem(as("ekonom", "POST", "/api/grants/a-pp-1/payments", pay(100_000, "2024-05-22"), "law-p-0"), 409, "payment-before-decision");
        assertTrue(suite.get("/api/appropriations/ks-klimatneutralitet/balance?asOf=2024-05-22").body().contains("\"paid\":{\"ore\":0,"));
        JsonNode paid = ok(as("ekonom", "POST", "/api/grants/a-pp-1/payments", pay(100_000, "2024-06-03"), "law-p-1"));
        assertEquals("PAID", paid.get("status").asText());
        // a-pp's hold is grant-a-pp-1, a-pp-1's grant-a-pp-1-1: a-pp is paid nothing and is cancelled by a decision
        assertEquals("COMMITTED", ok(suite.get("/api/grants/a-pp")).get("status").asText());
        problem(as("ekonom", "POST", "/api/grants/a-pp/cancel", "{\"effectiveDate\":\"2024-06-10\"}"), 409, "decision-missing");
        assertEquals("CANCELLED", ok(as("ekonom", "POST", "/api/grants/a-pp/cancel", "{\"effectiveDate\":\"2024-06-10\",\"decision\":" + D181 + "}"))
                .get("status").asText());
        // a wrong payment is corrected by a reversing entry with its reason and decision
        String payment = null;
        for (JsonNode e : ok(as("ekonom", "GET", "/api/appropriations/ks-klimatneutralitet/ledger?pageSize=1000", null)).get("items")) {
            if (e.get("kind").asText().equals("PAYMENT")) {
                payment = e.get("id").asText();
            }
        }
        String path = "/api/appropriations/ks-klimatneutralitet/ledger/" + payment + "/reversal";
        String body = "{\"reason\":\"Utbetald två gånger i bokföringen\",\"decision\":" + D181 + "}";
        String june = suite.get("/api/appropriations/ks-klimatneutralitet/balance?asOf=2024-06-30").body();
        problem(as(null, "POST", path, body), 401, "unauthenticated");
        problem(as("upphandlare", "POST", path, body, "law-r-1"), 403, "forbidden");
        JsonNode reversal = ok(as("ekonom", "POST", path, body, "law-r-1"));
        assertEquals(payment, reversal.at("/0/reverses").asText());
        assertEquals(reversal, ok(as("ekonom", "POST", path, body, "law-r-1")), "a retry is the first answer");
        assertEquals(june, suite.get("/api/appropriations/ks-klimatneutralitet/balance?asOf=2024-06-30").body(), "the past stands");
        assertEquals("COMMITTED", ok(suite.get("/api/grants/a-pp-1")).get("status").asText());
    }

    void opened(String id, String type, String extra, String bids) throws Exception {
        ok(as("upphandlare", "POST", "/api/procurements", """
                {"id":"%s","number":"%s","title":"Lagtest %s","leadBuyer":"Umeå kommun","leadBuyerOrganisationNumber":"212000-2627",
                 "type":"%s","procedure":"OPEN","category":"SERVICES","startedOn":"2024-05-21"%s}""".formatted(id, id.toUpperCase(), id, type, extra)));
        ok(as("upphandlare", "POST", "/api/procurements/" + id + "/tender-documents/approval", "{\"decision\":" + D178 + "}"));
        ok(as("upphandlare", "POST", "/api/procurements/" + id + "/publication", "{\"publishedOn\":\"2024-05-27\",\"bidDeadline\":\"2024-06-28\"}"));
        ok(as("upphandlare", "POST", "/api/procurements/" + id + "/bids", "{\"bids\":" + bids + "}"));
    }

    static final String BIDS = """
            [{"id":"1","supplier":"Ett AB","organisationNumber":"556036-0793","price":{"ore":90000000,"currency":"SEK"},"qualified":true},
             {"id":"2","supplier":"Två AB","price":{"ore":80000000,"currency":"SEK"},"qualified":true}]""";

    static String award(String supplier, String value, String extra, String sentOn) {
        return "{\"suppliers\":[{\"name\":\"" + supplier + "\",\"rank\":1}]," + (value == null ? "" : "\"value\":{\"ore\":" + value
                + ",\"currency\":\"SEK\"},") + extra + "\"decision\":" + D179 + ",\"sentOn\":\"" + sentOn + "\"}";
    }

    @Test
    @Order(4)
    void eachProcurementCaseGetsTheLawsAnswer() throws Exception {
        opened("law-award", "CONTRACT", "", BIDS);
        ok(as("upphandlare", "POST", "/api/procurements/law-award/evaluation", null));
        // LOU 16 kap. 1 §: a company that never bid, a price nobody bid, not the evaluation's first
        problem(as("upphandlare", "POST", "/api/procurements/law-award/award", award("Främling AB", "80000000", "", "2024-08-22")), 409, "award-not-a-bid");
        problem(as("upphandlare", "POST", "/api/procurements/law-award/award", award("Två AB", "85000000", "", "2024-08-22")), 409, "award-value-differs");
        problem(as("upphandlare", "POST", "/api/procurements/law-award/award", award("Ett AB", null, "", "2024-08-22")), 409, "award-not-first-ranked");
        // LOU 20 kap. 1 § and lag 1930:173: the notice of Thu 2024-08-22 ends the standstill on Mon 09-02; signed that day: 409
        JsonNode awarded = ok(as("upphandlare", "POST", "/api/procurements/law-award/award", award("Två AB", null, "", "2024-08-22")));
        assertEquals("2024-09-02", awarded.at("/procurement/award/standstillEnd").asText());
        problem(as("upphandlare", "POST", "/api/procurements/law-award/contract", "{\"signedOn\":\"2024-09-02\"}"), 409, "standstill");
        ok(as("upphandlare", "POST", "/api/procurements/law-award/contract", "{\"signedOn\":\"2024-09-03\"}"));
        // LOU 19 kap. 8 §: direct awards of 800 000 kr and 3 000 000 kr are above the 700 000 kr limit
        for (long kronor : new long[] {800_000, 3_000_000}) {
            String id = "law-direct-" + kronor;
            ok(as("upphandlare", "POST", "/api/procurements", """
                    {"id":"%s","number":"%s","title":"Direktupphandling","leadBuyer":"Umeå kommun","type":"CONTRACT","procedure":"DIRECT_AWARD",
                     "category":"GOODS","startedOn":"2024-09-01"}""".formatted(id, id.toUpperCase())));
            ok(as("upphandlare", "POST", "/api/procurements/" + id + "/bids",
                    "{\"bids\":[{\"id\":\"1\",\"supplier\":\"Leverantör AB\",\"price\":{\"ore\":" + kronor * 100 + ",\"currency\":\"SEK\"},\"qualified\":true}]}"));
            problem(as("upphandlare", "POST", "/api/procurements/" + id + "/award", award("Leverantör AB", null,
                    "\"directAward\":{\"documentation\":\"En offert.\"},", "2024-09-10")), 409, "direct-award-over-limit");
            assertEquals("BIDS_OPENED", ok(as("upphandlare", "GET", "/api/procurements/" + id, null)).at("/procurement/state").asText());
        }
        // LOU 7 kap. 2 §: a framework of 3 + 1 + 1 years
        problem(as("upphandlare", "POST", "/api/procurements", """
                {"id":"law-long","number":"LAW-LONG","title":"Ramavtal","type":"FRAMEWORK_AGREEMENT","procedure":"OPEN","category":"SERVICES",
                 "startedOn":"2024-05-21","contractStart":"2024-06-01","contractEnd":"2027-05-31","extensionYears":[1,1]}"""), 409,
                "framework-over-four-years");
        // no threshold row confirmed for 2026: an error naming the missing row, not a silent UNKNOWN
        HttpResponse<String> y2026 = as("upphandlare", "POST", "/api/procurements", """
                {"id":"law-2026","number":"LAW-2026","title":"Start 2026","type":"CONTRACT","procedure":"OPEN","category":"GOODS",
                 "startedOn":"2026-03-01","estimatedTotal":{"ore":100000000,"currency":"SEK"}}""");
        problem(y2026, 409, "threshold-missing");
        assertTrue(y2026.body().contains("\"date\":\"2026-03-01\""), y2026.body());
    }

    JsonSchema schema(String file) throws Exception {
        Path ocds = suite.root.resolve("testdata/schemas/ocds-1.1.5");
        String base = "https://standard.open-contracting.org/schema/1__1__5/";
        Map<String, String> schemas = Map.of(
                base + "release-package-schema.json", Files.readString(ocds.resolve("release-package-schema.json")),
                base + "record-package-schema.json", Files.readString(ocds.resolve("record-package-schema.json")),
                base + "release-schema.json", Files.readString(ocds.resolve("release-schema.json")));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, b -> b.schemaLoaders(l -> l.schemas(schemas)))
                .getSchema(SchemaLocation.of(base + file));
    }

    @Test
    @Order(5)
    void aProcurementExtendedOnceHasAtLeastFourReleasesThatValidate() throws Exception {
        opened("law-frame", "FRAMEWORK_AGREEMENT", """
                ,"estimatedValuePerYear":{"ore":100000000,"currency":"SEK"},"contractStart":"2024-09-01","contractEnd":"2025-08-31","extensionYears":[1,1]""",
                BIDS);
        ok(as("upphandlare", "POST", "/api/procurements/law-frame/evaluation", null));
        ok(as("upphandlare", "POST", "/api/procurements/law-frame/award", """
                {"suppliers":[{"bidId":"2","rank":1}],"value":{"ore":300000000,"currency":"SEK"},"valueReason":"Ramavtalets uppskattade volym.",
                 "decision":%s,"sentOn":"2024-07-01"}""".formatted(D178)));
        ok(as("upphandlare", "POST", "/api/procurements/law-frame/contract", "{\"signedOn\":\"2024-07-15\"}"));
        JsonNode extended = ok(as("upphandlare", "POST", "/api/contracts/law-frame-1/extensions", "{\"decision\":" + D178 + ",\"date\":\"2025-03-03\"}"));
        assertEquals("2025-03-03", extended.at("/contract/extensions/0/on").asText());
        assertEquals(1, extended.at("/extensionsLeft").asInt());
        JsonNode pkg = ok(as(null, "GET", "/api/ocds/releases", null));
        Set<ValidationMessage> errors = schema("release-package-schema.json").validate(pkg);
        assertTrue(errors.isEmpty(), errors.toString());
        Set<String> ids = new HashSet<>();
        Set<String> tags = new HashSet<>();
        for (JsonNode r : pkg.get("releases")) {
            if (r.get("ocid").asText().equals("ocds-radhus-law-frame")) {
                assertTrue(ids.add(r.get("id").asText()), "each release its own id");
                tags.add(r.at("/tag/0").asText());
            }
        }
        assertTrue(ids.size() >= 4, ids.toString());
        assertEquals(Set.of("tender", "award", "contract", "contractAmendment"), tags);
        JsonNode record = ok(as(null, "GET", "/api/ocds/records/ocds-radhus-law-frame", null));
        Set<ValidationMessage> recordErrors = schema("record-package-schema.json").validate(record);
        assertTrue(recordErrors.isEmpty(), recordErrors.toString());
        assertTrue(record.at("/records/0/compiledRelease/contracts/0/dateSigned").asText().startsWith("2024-07-15"));
    }
}
