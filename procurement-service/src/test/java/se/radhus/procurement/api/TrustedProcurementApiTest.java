package se.radhus.procurement.api;

import se.radhus.testsupport.MeetingsPeer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.radhus.testsupport.TestIssuer;

/**
 * Procurement records that can be trusted, through HTTP with each role and anonymously: an approval, an
 * award and a contract extension rest on an adjusted decision (checked with a stub meetings-service) or are
 * refused with nothing stored; planning needs none; a new procurement takes its planning facts only; the
 * public sees no unpublished procurement, and page tokens name none.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedProcurementApiTest implements TestPropertyProvider {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String UPPHANDLARE = TestIssuer.bearerFor("ulla", "upphandlare");
    static final String ADMIN = TestIssuer.bearerFor("root", "admin");
    static final String EKONOM = TestIssuer.bearerFor("erik", "ekonom");
    static final String HANDLAGGARE = TestIssuer.bearerFor("hilda", "handlaggare");

    @Inject
    EmbeddedServer server;

    MeetingsPeer meetings;
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        try {
            meetings = new MeetingsPeer().decision("ks-nau", 178, true).decision("ks-nau", 179, true).decision("ks-nau", 180, true)
                    .decision("ks-nau", 40, true).decision("ks-nau", 41, true).decision("ks-nau", 300, false).proposal("ks-nau", 185);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> props = new HashMap<>(TestIssuer.micronautService("procurement-trust"));
        props.put("radhus.meetings.grpc", meetings.target());
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

    static void problem(HttpResponse<String> r, int status, String type) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        assertTrue(r.body().contains("\"type\":\"urn:radhus:problem:" + type + "\""), r.body());
    }

    JsonNode ok(HttpResponse<String> r) throws Exception {
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    static String decision(int paragraph) {
        return "{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2024-05-21\",\"paragraph\":" + paragraph + "}";
    }

    static final String[][] WITHOUT_AN_ADJUSTED_DECISION = {
            {null, "decision-missing", "\"missing\":\"decision\""},
            {"{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2031-01-01\",\"paragraph\":9999}", "decision-unknown", "\"missing\":\"paragraph\""},
            {decision(300), "decision-not-adjusted", "\"missing\":\"justering\""},
            {decision(185), "decision-is-proposal", "\"missing\":\"decision\""}};

    String plan(String id) throws Exception {
        ok(send("POST", "/api/procurements", UPPHANDLARE, """
                {"id":"%s","number":"%s","title":"Upphandling %s","type":"CONTRACT","procedure":"OPEN","category":"SERVICES",
                 "contractStart":"2024-10-01","contractEnd":"2025-09-30","extensionYears":[1,1]}""".formatted(id, id.toUpperCase(), id)));
        return id;
    }

    String state(String id) throws Exception {
        return ok(send("GET", "/api/procurements/" + id, UPPHANDLARE, null)).at("/procurement/state").asText();
    }

    /** Planned, approved, published, bids opened and evaluated: ready for its award. */
    String evaluated(String id) throws Exception {
        plan(id);
        ok(send("POST", "/api/procurements/" + id + "/tender-documents/approval", UPPHANDLARE, "{\"decision\":" + decision(180) + "}"));
        ok(send("POST", "/api/procurements/" + id + "/publication", UPPHANDLARE, "{\"publishedOn\":\"2024-06-01\",\"bidDeadline\":\"2024-07-01\"}"));
        ok(send("POST", "/api/procurements/" + id + "/bids", UPPHANDLARE,
                "{\"bids\":[{\"id\":\"1\",\"supplier\":\"Leverantör AB\",\"price\":{\"ore\":100000,\"currency\":\"SEK\"},\"qualified\":true}]}"));
        ok(send("POST", "/api/procurements/" + id + "/evaluation", UPPHANDLARE, null));
        return id;
    }

    static String award(String decision) {
        return "{\"suppliers\":[{\"name\":\"Leverantör AB\",\"rank\":1}],\"value\":{\"ore\":100000,\"currency\":\"SEK\"},"
                + (decision == null ? "" : "\"decision\":" + decision + ",") + "\"sentOn\":\"2024-08-01\"}";
    }

    @Test
    void aNewProcurementTakesItsPlanningFactsOnlyNamingAFieldItDoesNotTake() throws Exception {
        for (String field : new String[] {"\"state\":\"AWARDED\"", "\"award\":{}", "\"tenderDocumentsDecision\":" + decision(180),
                "\"bids\":[]", "\"approvedBy\":\"kf\""}) {
            HttpResponse<String> r = send("POST", "/api/procurements", UPPHANDLARE,
                    "{\"id\":\"p-sneaky\",\"number\":\"SNEAK\",\"title\":\"T\",\"type\":\"CONTRACT\"," + field + "}");
            problem(r, 400, "validation");
            String name = field.substring(1, field.indexOf('"', 1));
            assertTrue(r.body().contains("\"field\":\"" + name + "\""), r.body());
        }
        problem(send("GET", "/api/procurements/p-sneaky", ADMIN, null), 404, "not-found");
        String body = "{\"id\":\"p-roles\",\"number\":\"ROLES\",\"title\":\"T\",\"type\":\"CONTRACT\"}";
        problem(send("POST", "/api/procurements", null, body), 401, "unauthenticated");
        problem(send("POST", "/api/procurements", EKONOM, body), 403, "forbidden");
        JsonNode created = ok(send("POST", "/api/procurements", ADMIN, body));
        assertEquals("PLANNING", created.at("/procurement/state").asText());
        assertTrue(created.at("/procurement/tenderDocumentsDecision").isNull() || created.at("/procurement/tenderDocumentsDecision").isMissingNode());
    }

    @Test
    void tenderDocumentsAreApprovedOnlyByAnAdjustedDecisionAndNothingIsStoredOtherwise() throws Exception {
        String id = plan("p-approve");
        for (String[] c : WITHOUT_AN_ADJUSTED_DECISION) {
            HttpResponse<String> r = send("POST", "/api/procurements/" + id + "/tender-documents/approval", UPPHANDLARE,
                    c[0] == null ? "{}" : "{\"decision\":" + c[0] + "}");
            problem(r, 409, c[1]);
            assertTrue(r.body().contains(c[2]), r.body());
            assertEquals("PLANNING", state(id));
        }
        String approval = "{\"decision\":" + decision(180) + "}";
        problem(send("POST", "/api/procurements/" + id + "/tender-documents/approval", null, approval), 401, "unauthenticated");
        problem(send("POST", "/api/procurements/" + id + "/tender-documents/approval", EKONOM, approval), 403, "forbidden");
        meetings.down = true;
        try {
            problem(send("POST", "/api/procurements/" + id + "/tender-documents/approval", UPPHANDLARE, approval), 503, "meetings-unavailable");
        } finally {
            meetings.down = false;
        }
        assertEquals("PLANNING", state(id));
        assertEquals("TENDER_DOCUMENTS_APPROVED", ok(send("POST", "/api/procurements/" + id + "/tender-documents/approval",
                UPPHANDLARE, approval)).at("/procurement/state").asText());
        // the retry is answered as it stands and asks nobody
        int asked = meetings.asked.get();
        assertEquals(180, ok(send("POST", "/api/procurements/" + id + "/tender-documents/approval", ADMIN, approval))
                .at("/procurement/tenderDocumentsDecision/paragraph").asInt());
        assertEquals(asked, meetings.asked.get());
        // planning and publishing need no decision
        assertEquals("PUBLISHED", ok(send("POST", "/api/procurements/" + id + "/publication", UPPHANDLARE,
                "{\"publishedOn\":\"2024-06-01\",\"bidDeadline\":\"2024-07-01\"}")).at("/procurement/state").asText());
    }

    @Test
    void anAwardRestsOnAnAdjustedDecisionAndNothingIsStoredOtherwise() throws Exception {
        String id = evaluated("p-award");
        for (String[] c : WITHOUT_AN_ADJUSTED_DECISION) {
            HttpResponse<String> r = send("POST", "/api/procurements/" + id + "/award", UPPHANDLARE, award(c[0]));
            problem(r, 409, c[1]);
            assertTrue(r.body().contains(c[2]), r.body());
        }
        problem(send("POST", "/api/procurements/" + id + "/award", null, award(decision(179))), 401, "unauthenticated");
        problem(send("POST", "/api/procurements/" + id + "/award", HANDLAGGARE, award(decision(179))), 403, "forbidden");
        meetings.down = true;
        try {
            problem(send("POST", "/api/procurements/" + id + "/award", UPPHANDLARE, award(decision(179))), 503, "meetings-unavailable");
        } finally {
            meetings.down = false;
        }
        JsonNode still = ok(send("GET", "/api/procurements/" + id, UPPHANDLARE, null));
        assertEquals("EVALUATED", still.at("/procurement/state").asText());
        assertTrue(still.at("/procurement/award").isNull() || still.at("/procurement/award").isMissingNode(), still.toString());
        JsonNode awarded = ok(send("POST", "/api/procurements/" + id + "/award", UPPHANDLARE, award(decision(179))));
        assertEquals("AWARDED", awarded.at("/procurement/state").asText());
        assertEquals(179, awarded.at("/procurement/award/decision/paragraph").asInt());
        assertEquals(awarded.at("/procurement"), ok(send("POST", "/api/procurements/" + id + "/award", UPPHANDLARE, award(decision(179))))
                .at("/procurement"), "the retry changes nothing");
    }

    @Test
    void aContractIsExtendedOnlyByAnAdjustedDecisionOnceForEachDecision() throws Exception {
        String id = evaluated("p-extend");
        ok(send("POST", "/api/procurements/" + id + "/award", UPPHANDLARE, award(decision(179))));
        ok(send("POST", "/api/procurements/" + id + "/contract", UPPHANDLARE, "{\"signedOn\":\"2024-09-01\"}"));
        String contract = "/api/contracts/" + id + "-1";
        assertEquals("2025-09-30", ok(send("GET", contract, null, null)).at("/currentEnd").asText());
        for (String[] c : WITHOUT_AN_ADJUSTED_DECISION) {
            HttpResponse<String> r = send("POST", contract + "/extensions", UPPHANDLARE, c[0] == null ? "{}" : "{\"decision\":" + c[0] + "}");
            problem(r, 409, c[1]);
            assertTrue(r.body().contains(c[2]), r.body());
        }
        String first = "{\"decision\":{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2025-03-04\",\"paragraph\":40},\"date\":\"2025-03-10\"}";
        problem(send("POST", contract + "/extensions", null, first), 401, "unauthenticated");
        problem(send("POST", contract + "/extensions", EKONOM, first), 403, "forbidden");
        problem(send("POST", contract + "/extensions", UPPHANDLARE, "{\"decision\":" + decision(40) + ",\"years\":1}"), 400, "validation");
        meetings.down = true;
        try {
            problem(send("POST", contract + "/extensions", UPPHANDLARE, first), 503, "meetings-unavailable");
        } finally {
            meetings.down = false;
        }
        JsonNode unchanged = ok(send("GET", contract, null, null));
        assertEquals(2, unchanged.at("/extensionsLeft").asInt(), "nothing used by a refusal");
        assertEquals("2026-09-30", ok(send("POST", contract + "/extensions", UPPHANDLARE, first)).at("/currentEnd").asText());
        assertEquals("2026-09-30", ok(send("POST", contract + "/extensions", UPPHANDLARE, first)).at("/currentEnd").asText(),
                "a retry by the same decision uses no second option");
        String second = "{\"decision\":{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2026-03-03\",\"paragraph\":41},\"date\":\"2026-03-09\"}";
        JsonNode twice = ok(send("POST", contract + "/extensions", ADMIN, second));
        assertEquals("2027-09-30", twice.at("/currentEnd").asText());
        assertEquals(0, twice.at("/extensionsLeft").asInt());
        assertEquals(List.of(40, 41), List.of(twice.at("/contract/extensionDecisions/0/paragraph").asInt(),
                twice.at("/contract/extensionDecisions/1/paragraph").asInt()));
        problem(send("POST", contract + "/extensions", UPPHANDLARE, "{\"decision\":" + decision(178) + ",\"date\":\"2027-03-01\"}"),
                409, "no-extension-left");
        problem(send("POST", "/api/contracts/none/extensions", UPPHANDLARE, first), 404, "not-found");
    }

    @Test
    void thePublicSeesNoUnpublishedProcurementAndPageTokensNameNone() throws Exception {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = plan("p-pub-" + i);
            ok(send("POST", "/api/procurements/" + id + "/tender-documents/approval", UPPHANDLARE, "{\"decision\":" + decision(180) + "}"));
            ok(send("POST", "/api/procurements/" + id + "/publication", UPPHANDLARE, "{\"publishedOn\":\"2024-06-01\",\"bidDeadline\":\"2024-07-01\"}"));
            published.add(id);
            plan("p-pub-" + i + "-hidden");
        }
        problem(send("GET", "/api/procurements/p-pub-0-hidden", null, null), 404, "not-found");
        assertEquals(200, send("GET", "/api/procurements/p-pub-0-hidden", UPPHANDLARE, null).statusCode());
        List<String> seen = new ArrayList<>();
        String token = "";
        do {
            JsonNode page = ok(send("GET", "/api/procurements?pageSize=1&pageToken=" + token, null, null));
            page.get("items").forEach(p -> seen.add(p.get("id").asText()));
            token = page.get("nextPageToken").asText();
            assertTrue(page.get("items").size() == 1 || token.isEmpty(), "full pages: a hidden one leaves no gap");
            String raw = new String(java.util.Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains("p-pub"), "the token names no id");
        } while (!token.isEmpty());
        assertTrue(seen.containsAll(published), seen.toString());
        assertFalse(seen.stream().anyMatch(s -> s.endsWith("-hidden")), seen.toString());
        String ocds = send("GET", "/api/ocds/releases", null, null).body();
        assertTrue(ocds.contains("P-PUB-0") && !ocds.contains("HIDDEN"), ocds);

        String next = ok(send("GET", "/api/procurements?pageSize=1", null, null)).get("nextPageToken").asText();
        String tampered = next.substring(0, 5) + (next.charAt(5) == 'A' ? 'B' : 'A') + next.substring(6);
        for (String path : new String[] {"/api/procurements?pageToken=", "/api/contracts?pageToken="}) {
            for (String t : new String[] {tampered, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("p-pub-0-hidden".getBytes())}) {
                problem(send("GET", path + t, null, null), 400, "bad-request");
                problem(send("GET", path + t, UPPHANDLARE, null), 400, "bad-request");
            }
        }
    }
}
