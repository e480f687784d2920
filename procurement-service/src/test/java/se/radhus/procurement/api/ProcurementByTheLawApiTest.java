package se.radhus.procurement.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.radhus.testsupport.MeetingsPeer;
import se.radhus.testsupport.TestIssuer;

/**
 * The law's answers through HTTP, the day fixed at 2026-06-15 by the injected clock: the standstill by the
 * calendar, direct awards held to their limit, awards tied to bids and the evaluation, frameworks within four
 * years with their extensions and call-offs, thresholds as dated data (2026 not shipped: an error naming the
 * row), and OCDS as a history of releases that validates against OCDS 1.1.5.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcurementByTheLawApiTest implements TestPropertyProvider {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path OCDS = Path.of("../testdata/schemas/ocds-1.1.5");
    static final String UPPHANDLARE = TestIssuer.bearerFor("ulla", "upphandlare");
    static final String EKONOM = TestIssuer.bearerFor("erik", "ekonom");

    @Inject
    EmbeddedServer server;

    MeetingsPeer meetings;
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        try {
            meetings = new MeetingsPeer().decision("ks-nau", 178, true).decision("ks-nau", 179, true).decision("ks-nau", 180, true)
                    .decision("ks-nau", 40, true).decision("ks-nau", 41, true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> props = new HashMap<>(TestIssuer.micronautService("procurement-law"));
        props.put("radhus.meetings.grpc", meetings.target());
        props.put("radhus.today", "2026-06-15");
        return props;
    }

    @AfterAll
    void stopPeer() {
        meetings.close();
    }

    HttpResponse<String> send(String method, String path, String auth, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(HttpResponse<String> r) throws Exception {
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    static void problem(HttpResponse<String> r, int status, String type) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"type\":\"urn:radhus:problem:" + type + "\""), r.body());
    }

    static String decision(int paragraph, String day) {
        return "{\"bodyId\":\"ks-nau\",\"meetingDate\":\"" + day + "\",\"paragraph\":" + paragraph + "}";
    }

    /** Planned (begun 2024-03-01), approved, published and its bids opened. */
    void opened(String id, String type, String extra, String bids) throws Exception {
        ok(send("POST", "/api/procurements", UPPHANDLARE, """
                {"id":"%s","number":"%s","title":"Upphandling %s","leadBuyer":"Umeå kommun","leadBuyerOrganisationNumber":"2120002627",
                 "type":"%s","procedure":"OPEN","category":"GOODS","startedOn":"2024-03-01"%s}""".formatted(id, id.toUpperCase(), id, type, extra)));
        ok(send("POST", "/api/procurements/" + id + "/tender-documents/approval", UPPHANDLARE, "{\"decision\":" + decision(180, "2024-05-21") + "}"));
        ok(send("POST", "/api/procurements/" + id + "/publication", UPPHANDLARE, "{\"publishedOn\":\"2024-06-03\",\"bidDeadline\":\"2024-07-01\"}"));
        ok(send("POST", "/api/procurements/" + id + "/bids", UPPHANDLARE, "{\"bids\":" + bids + "}"));
    }

    static final String TWO_BIDS = """
            [{"id":"1","supplier":"Dyr AB","organisationNumber":"556036-0793","price":{"ore":60000000,"currency":"SEK"},"qualified":true},
             {"id":"2","supplier":"Billig AB","price":{"ore":50000000,"currency":"SEK"},"qualified":true}]""";

    static String award(String supplier, String value, String extra, String sentOn) {
        return "{\"suppliers\":[{\"name\":\"" + supplier + "\",\"rank\":1}]," + (value == null ? "" : "\"value\":{\"ore\":" + value + ",\"currency\":\"SEK\"},")
                + extra + "\"decision\":" + decision(179, "2024-05-21") + ",\"sentOn\":\"" + sentOn + "\"}";
    }

    @Test
    void theStandstillEndsByTheCalendarAndSigningOnItsLastDayIs409() throws Exception {
        opened("p-cal", "CONTRACT", "", TWO_BIDS);
        ok(send("POST", "/api/procurements/p-cal/evaluation", UPPHANDLARE, null));
        // LOU 20 kap. 1 §: notice sent electronically Thu 2024-08-22; the tenth day, Sun 09-01, moves to Mon 09-02 (lag 1930:173)
        JsonNode awarded = ok(send("POST", "/api/procurements/p-cal/award", UPPHANDLARE, award("Billig AB", null, "", "2024-08-22")));
        assertEquals("2024-09-02", awarded.at("/procurement/award/standstillEnd").asText());
        assertEquals(50000000L, awarded.at("/procurement/award/value/ore").asLong(), "the bid's price");
        problem(send("POST", "/api/procurements/p-cal/contract", UPPHANDLARE, "{\"signedOn\":\"2024-09-02\"}"), 409, "standstill");
        problem(send("POST", "/api/procurements/p-cal/contract", UPPHANDLARE, "{\"signedOn\":\"2026-06-16\"}"), 409, "signed-in-future");
        assertEquals("CONTRACTED", ok(send("POST", "/api/procurements/p-cal/contract", UPPHANDLARE, "{\"signedOn\":\"2024-09-03\"}"))
                .at("/procurement/state").asText());
    }

    @Test
    void anAwardGoesToAQualifiedBidAtItsPriceAndTheEvaluationsFirstUnlessReasonsAreRecorded() throws Exception {
        opened("p-tie", "CONTRACT", "", TWO_BIDS);
        ok(send("POST", "/api/procurements/p-tie/evaluation", UPPHANDLARE, null));
        // LOU 16 kap. 1 §: to a company that never bid, at a price nobody bid, against the evaluation: refused
        problem(send("POST", "/api/procurements/p-tie/award", UPPHANDLARE, award("Främling AB", "55000000", "", "2024-08-22")), 409, "award-not-a-bid");
        problem(send("POST", "/api/procurements/p-tie/award", UPPHANDLARE, award("Billig AB", "55000000", "", "2024-08-22")), 409, "award-value-differs");
        problem(send("POST", "/api/procurements/p-tie/award", UPPHANDLARE, award("Dyr AB", null, "", "2024-08-22")), 409, "award-not-first-ranked");
        assertEquals("EVALUATED", ok(send("GET", "/api/procurements/p-tie", UPPHANDLARE, null)).at("/procurement/state").asText());
        JsonNode justified = ok(send("POST", "/api/procurements/p-tie/award", UPPHANDLARE, award("Dyr AB", null,
                "\"justification\":\"Billig AB återkallade sitt anbud.\",", "2024-08-22")));
        assertEquals("1", justified.at("/procurement/award/suppliers/0/bidId").asText());
        assertEquals("556036-0793", justified.at("/procurement/award/suppliers/0/organisationNumber").asText());
    }

    String direct(String id, String kind, long kronor) throws Exception {
        ok(send("POST", "/api/procurements", UPPHANDLARE, """
                {"id":"%s","number":"%s","title":"Direktupphandling %s","leadBuyer":"Umeå kommun","leadBuyerOrganisationNumber":"212000-2627",
                 "type":"CONTRACT","procedure":"DIRECT_AWARD","category":"GOODS","purchaseKind":"%s","startedOn":"2024-09-01"}"""
                .formatted(id, id.toUpperCase(), id, kind)));
        ok(send("POST", "/api/procurements/" + id + "/bids", UPPHANDLARE,
                "{\"bids\":[{\"id\":\"1\",\"supplier\":\"Leverantör AB\",\"price\":{\"ore\":" + kronor * 100 + ",\"currency\":\"SEK\"},\"qualified\":true}]}"));
        return id;
    }

    static final String DOCUMENTED = "\"directAward\":{\"documentation\":\"Tre offerter; lägst pris.\"},";

    @Test
    void aDirectAwardAboveItsLimitIs409UnlessALegalGroundIsRecorded() throws Exception {
        // LOU 19 kap. 8 §: 800 000 kr and 3 000 000 kr are above the 700 000 kr in force on 2024-09-10 (and 3 MSEK above the EU threshold)
        for (long kronor : new long[] {800_000, 3_000_000}) {
            String id = direct("d-" + kronor, "möbler", kronor);
            problem(send("POST", "/api/procurements/" + id + "/award", UPPHANDLARE, award("Leverantör AB", null, DOCUMENTED, "2024-09-10")),
                    409, "direct-award-over-limit");
            problem(send("POST", "/api/procurements/" + id + "/contract", UPPHANDLARE, "{\"signedOn\":\"2024-09-11\"}"), 409, "procurement-step");
        }
        // LOU 6 kap. 15 §: on a recorded ground it may be awarded; no mandatory standstill (LOU 20 kap. 2 §)
        JsonNode grounded = ok(send("POST", "/api/procurements/d-3000000/award", UPPHANDLARE, award("Leverantör AB", null,
                "\"directAward\":{\"documentation\":\"Vattenskada.\",\"legalGround\":\"LOU 6 kap. 15 §\",\"groundReason\":\"Synnerlig brådska.\"},",
                "2024-09-10")));
        assertTrue(grounded.at("/procurement/award/standstillEnd").isMissingNode() || grounded.at("/procurement/award/standstillEnd").isNull());
        ok(send("POST", "/api/procurements/d-3000000/contract", UPPHANDLARE, "{\"signedOn\":\"2024-09-10\"}"));
        // LOU 19 kap. 30 §: over 100 000 kr without its documentation
        direct("d-undoc", "stolar", 150_000);
        problem(send("POST", "/api/procurements/d-undoc/award", UPPHANDLARE, award("Leverantör AB", null, "", "2024-09-10")), 409,
                "direct-award-undocumented");
    }

    @Test
    void directPurchasesOfTheSameKindInTheYearAreAddedTogether() throws Exception {
        direct("d-first", "städtjänster", 400_000);
        ok(send("POST", "/api/procurements/d-first/award", UPPHANDLARE, award("Leverantör AB", null, DOCUMENTED, "2024-10-01")));
        direct("d-second", "städtjänster", 350_000);
        HttpResponse<String> together = send("POST", "/api/procurements/d-second/award", UPPHANDLARE, award("Leverantör AB", null, DOCUMENTED, "2024-11-01"));
        problem(together, 409, "direct-award-over-limit");
        assertTrue(together.body().contains("400 000 kr") && together.body().contains("750 000 kr"), together.body());
        // another kind, or the next financial year, counts apart
        direct("d-other", "trycksaker", 350_000);
        ok(send("POST", "/api/procurements/d-other/award", UPPHANDLARE, award("Leverantör AB", null, DOCUMENTED, "2024-11-01")));
        ok(send("POST", "/api/procurements/d-second/award", UPPHANDLARE, award("Leverantör AB", null, DOCUMENTED, "2025-01-08")));
        // cancelled, the first no longer counts
        ok(send("POST", "/api/procurements/d-first/cancellation", UPPHANDLARE, "{\"reason\":\"Behovet föll bort.\"}"));
        direct("d-third", "städtjänster", 650_000);
        ok(send("POST", "/api/procurements/d-third/award", UPPHANDLARE, award("Leverantör AB", null, DOCUMENTED, "2024-12-02")));
    }

    @Test
    void aFrameworkOfMoreThanFourYearsIsRefusedAndThresholdsAreDatedDataWithSources() throws Exception {
        // LOU 7 kap. 2 §: 3 + 1 + 1 years
        String framework = """
                {"id":"f-long","number":"F-LONG","title":"Ramavtal","type":"FRAMEWORK_AGREEMENT","procedure":"OPEN","category":"SERVICES",
                 "startedOn":"2024-03-01","contractStart":"2024-06-01","contractEnd":"2027-05-31","extensionYears":[1,1]%s}""";
        problem(send("POST", "/api/procurements", UPPHANDLARE, framework.formatted("")), 409, "framework-over-four-years");
        assertEquals(404, send("GET", "/api/procurements/f-long", UPPHANDLARE, null).statusCode(), "nothing stored");
        ok(send("POST", "/api/procurements", UPPHANDLARE, framework.formatted(",\"frameworkSpecialReasons\":\"Avskrivning på fem år.\"")));
        // no threshold row is shipped for 2026: the regime of a procurement begun 2026-03-01 is an error naming the row
        String y2026 = """
                {"id":"p-2026","number":"P-2026","title":"Upphandling 2026","type":"CONTRACT","procedure":"OPEN","category":"GOODS",
                 "startedOn":"2026-03-01","estimatedTotal":{"ore":100000000,"currency":"SEK"}}""";
        HttpResponse<String> unknown = send("POST", "/api/procurements", UPPHANDLARE, y2026);
        problem(unknown, 409, "threshold-missing");
        assertTrue(unknown.body().contains("\"kind\":\"DIRECT_AWARD_LIMIT\"") && unknown.body().contains("\"date\":\"2026-03-01\""), unknown.body());
        JsonNode table = ok(send("GET", "/api/thresholds", null, null));
        assertEquals(7, table.size());
        table.forEach(t -> assertTrue(t.get("source").asText().contains("https://"), t.toString()));
        String row = "{\"kind\":\"%s\",\"amount\":{\"ore\":%d,\"currency\":\"SEK\"},\"validFrom\":\"2026-01-01\",\"validTo\":\"2027-12-31\"%s}";
        problem(send("POST", "/api/thresholds", UPPHANDLARE, row.formatted("DIRECT_AWARD_LIMIT", 70_000_000, "")), 400, "validation");
        problem(send("POST", "/api/thresholds", null, row.formatted("DIRECT_AWARD_LIMIT", 70_000_000, ",\"source\":\"x\"")), 401, "unauthenticated");
        problem(send("POST", "/api/thresholds", EKONOM, row.formatted("DIRECT_AWARD_LIMIT", 70_000_000, ",\"source\":\"x\"")), 403, "forbidden");
        for (String[] r : new String[][] {{"DIRECT_AWARD_LIMIT", "70000000"}, {"EU_GOODS_SERVICES", "230000000"}, {"EU_WORKS", "5700000000"}}) {
            ok(send("POST", "/api/thresholds", UPPHANDLARE, row.formatted(r[0], Long.parseLong(r[1]), ",\"source\":\"Testets tabell\"")));
        }
        JsonNode created = ok(send("POST", "/api/procurements", UPPHANDLARE, y2026));
        assertEquals("NATIONAL", created.at("/regime/regime").asText());
        assertEquals("2026-03-01", created.at("/regime/on").asText());
        assertEquals("Testets tabell", created.at("/regime/sources/0").asText());
    }

    JsonSchema schema(String file) throws Exception {
        String base = "https://standard.open-contracting.org/schema/1__1__5/";
        Map<String, String> schemas = Map.of(
                base + "release-package-schema.json", Files.readString(OCDS.resolve("release-package-schema.json")),
                base + "record-package-schema.json", Files.readString(OCDS.resolve("record-package-schema.json")),
                base + "release-schema.json", Files.readString(OCDS.resolve("release-schema.json")));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, b -> b.schemaLoaders(l -> l.schemas(schemas)))
                .getSchema(SchemaLocation.of(base + file));
    }

    @Test
    void aFrameworkExtendedAndCalledOffIsAHistoryOfReleasesAndARecordThatValidate() throws Exception {
        opened("f-lab", "FRAMEWORK_AGREEMENT", """
                ,"estimatedValuePerYear":{"ore":1000000000,"currency":"SEK"},"contractStart":"2024-09-01","contractEnd":"2026-08-31",
                 "extensionYears":[1,1]""", """
                [{"id":"1","supplier":"Lab Ett AB","organisationNumber":"556036-0793","price":{"ore":900000000,"currency":"SEK"},"qualified":true},
                 {"id":"2","supplier":"Lab Två AB","organisationNumber":"212000-1355","price":{"ore":950000000,"currency":"SEK"},"qualified":true}]""");
        ok(send("POST", "/api/procurements/f-lab/evaluation", UPPHANDLARE, null));
        ok(send("POST", "/api/procurements/f-lab/award", UPPHANDLARE, """
                {"suppliers":[{"bidId":"1","rank":1}],"value":{"ore":4000000000,"currency":"SEK"},"valueReason":"Ramavtalets uppskattade volym.",
                 "decision":%s,"sentOn":"2024-07-10"}""".formatted(decision(178, "2024-05-21"))));
        ok(send("POST", "/api/procurements/f-lab/contract", UPPHANDLARE, "{\"signedOn\":\"2024-07-23\"}"));
        String contract = "/api/contracts/f-lab-1";
        JsonNode extended = ok(send("POST", contract + "/extensions", UPPHANDLARE,
                "{\"decision\":" + decision(40, "2026-03-03") + ",\"date\":\"2026-03-10\"}"));
        assertEquals("2027-08-31", extended.at("/currentEnd").asText());
        assertEquals("2026-03-10", extended.at("/contract/extensions/0/on").asText());
        assertEquals(40, extended.at("/contract/extensions/0/decision/paragraph").asInt());
        assertEquals(1, extended.at("/extensionsLeft").asInt());
        problem(send("POST", contract + "/extensions", UPPHANDLARE, "{\"decision\":" + decision(41, "2026-03-03") + ",\"date\":\"2026-06-16\"}"),
                409, "extension-in-future");
        // call-offs (LOU 7 kap.): who may, the volume, a retry
        String callOff = "{\"id\":\"AV-%s\",\"value\":{\"ore\":%d,\"currency\":\"SEK\"},\"calledOn\":\"%s\",\"description\":\"Vattenanalyser\"}";
        problem(send("POST", contract + "/call-offs", null, callOff.formatted("1", 100, "2025-01-15")), 401, "unauthenticated");
        problem(send("POST", contract + "/call-offs", EKONOM, callOff.formatted("1", 100, "2025-01-15")), 403, "forbidden");
        problem(send("POST", contract + "/call-offs", UPPHANDLARE, "{\"id\":\"AV-x\",\"value\":{\"ore\":100,\"currency\":\"SEK\"}}"), 400, "validation");
        JsonNode first = ok(send("POST", contract + "/call-offs", UPPHANDLARE, callOff.formatted("1", 3_000_000_000L, "2025-01-15")));
        assertEquals(1, first.at("/callOffs").size());
        assertEquals(3_000_000_000L, first.at("/calledOff/ore").asLong());
        assertEquals(4_000_000_000L, first.at("/estimatedVolume/ore").asLong());
        assertEquals(first, ok(send("POST", contract + "/call-offs", UPPHANDLARE, callOff.formatted("1", 3_000_000_000L, "2025-01-15"))), "a retry");
        problem(send("POST", contract + "/call-offs", UPPHANDLARE, callOff.formatted("2", 1_000_000_001L, "2025-02-15")), 409,
                "framework-volume-exceeded");
        ok(send("POST", contract + "/call-offs", UPPHANDLARE, callOff.formatted("2", 500_000_000L, "2025-02-15")));
        problem(send("POST", "/api/contracts/none/call-offs", UPPHANDLARE, callOff.formatted("3", 1, "2025-02-15")), 404, "not-found");

        JsonNode pkg = ok(send("GET", "/api/ocds/releases", null, null));
        Set<ValidationMessage> errors = schema("release-package-schema.json").validate(pkg);
        assertTrue(errors.isEmpty(), errors + "\n" + pkg.toPrettyString());
        List<JsonNode> history = new ArrayList<>();
        pkg.get("releases").forEach(r -> {
            if (r.get("ocid").asText().equals("ocds-radhus-f-lab")) {
                history.add(r);
            }
        });
        // tender, award, contract, the extension and two call-offs: each its own release, id and date
        assertEquals(List.of("tender", "award", "contract", "contract", "contract", "contractAmendment"),
                history.stream().map(r -> r.at("/tag/0").asText()).toList());
        Set<String> ids = new HashSet<>();
        history.forEach(r -> assertTrue(ids.add(r.get("id").asText())));
        assertEquals(List.of("2024-06-03", "2024-07-10", "2024-07-23", "2025-01-15", "2025-02-15", "2026-03-10"),
                history.stream().map(r -> r.get("date").asText().substring(0, 10)).toList());
        JsonNode award = history.get(1);
        assertEquals("SE-ON-212000-2627", award.at("/buyer/id").asText());
        List<String> partyIds = new ArrayList<>();
        award.get("parties").forEach(p -> partyIds.add(p.get("id").asText()));
        assertEquals(List.of("SE-ON-212000-2627", "SE-ON-556036-0793", "SE-ON-212000-1355"), partyIds, "one party per organisation number");
        assertEquals("[\"tenderer\",\"supplier\"]", award.at("/parties/1/roles").toString());
        assertEquals("SE-ON", award.at("/parties/1/identifier/scheme").asText());
        assertEquals("556036-0793", award.at("/parties/1/identifier/id").asText());
        assertFalse(history.get(2).at("/contracts/0/dateSigned").isMissingNode());
        assertEquals("2027-08-31", history.get(5).at("/contracts/0/period/endDate").asText().substring(0, 10));

        JsonNode record = ok(send("GET", "/api/ocds/records/ocds-radhus-f-lab", null, null));
        Set<ValidationMessage> recordErrors = schema("record-package-schema.json").validate(record);
        assertTrue(recordErrors.isEmpty(), recordErrors + "\n" + record.toPrettyString());
        JsonNode compiled = record.at("/records/0/compiledRelease");
        assertEquals("compiled", compiled.at("/tag/0").asText());
        assertEquals(3, compiled.get("contracts").size(), "the framework and its two call-offs");
        assertEquals(1, compiled.at("/contracts/0/amendments").size());
        assertEquals(6, record.at("/records/0/releases").size());
        problem(send("GET", "/api/ocds/records/ocds-radhus-none", null, null), 404, "not-found");
        problem(send("GET", "/api/ocds/records/ocds-other1-f-lab", null, null), 404, "not-found");
        // a release is never rewritten: a second read is the same history
        assertEquals(pkg.get("releases"), ok(send("GET", "/api/ocds/releases", null, null)).get("releases"));
    }
}
