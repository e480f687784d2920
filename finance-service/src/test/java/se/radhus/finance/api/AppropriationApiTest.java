package se.radhus.finance.api;

import se.radhus.testsupport.MeetingsPeer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppropriationApiTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    MeetingsPeer meetings;

    @Override
    public Map<String, String> getProperties() {
        try {
            // the seed's § 181 (the NSSO grant) and § 183 (miljöskjutsen), adjusted
            meetings = new MeetingsPeer().decision("ks-nau", 181, true).decision("ks-nau", 183, true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> props = new java.util.HashMap<>(TestAuth.service("finance-test"));
        props.put("radhus.meetings.grpc", meetings.target());
        return props;
    }

    @org.junit.jupiter.api.AfterAll
    void stopPeer() {
        meetings.close();
    }

    static final String S183 = "\"decision\":{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2024-05-21\",\"paragraph\":183},";

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(method, path, json, Map.of());
    }

    HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Authorization", TestAuth.bearer("admin")).header("X-Request-Id", "req-42");
        headers.forEach(b::header);
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createsAndReadsAnAppropriationWithSwedishDisplay() throws Exception {
        HttpResponse<String> created = send("POST", "/api/appropriations", """
                {"id":"ks-tillvaxt","name":"Kommunstyrelsens anslag för tillväxt","ownerBodyId":"ks",
                 "amounts":[{"year":2024,"amount":{"ore":147820000,"currency":"SEK"}},
                            {"year":2025,"amount":{"ore":300740000}}]}""");
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> got = send("GET", "/api/appropriations/ks-tillvaxt", null);
        assertEquals(200, got.statusCode());
        assertTrue(got.body().contains("\"display\":\"1 478 200 kr\""), got.body());
        assertTrue(got.body().contains("\"display\":\"3 007 400 kr\""), got.body());
        assertEquals("req-42", got.headers().firstValue("X-Request-Id").orElseThrow());
        HttpResponse<String> list = send("GET", "/api/appropriations", null);
        assertTrue(list.body().contains("\"nextPageToken\":\"\""), list.body());
    }

    @Test
    void invalidAppropriationNamesTheFields() throws Exception {
        HttpResponse<String> r = send("POST", "/api/appropriations", """
                {"id":"Bad Id","name":"","ownerBodyId":"ks",
                 "amounts":[{"year":2024,"amount":{"ore":100}},{"year":2024,"amount":{"ore":-5}}]}""");
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(r.body().contains("\"field\":\"id\"") && r.body().contains("\"field\":\"amounts\""), r.body());
    }

    @Test
    void aFieldTheRequestDoesNotTakeIsRefusedNamingIt() throws Exception {
        HttpResponse<String> r = send("POST", "/api/appropriations", """
                {"id":"ks-extra","name":"Med okänt fält","ownerBodyId":"ks","approvedBy":"kf",
                 "amounts":[{"year":2024,"amount":{"ore":100}}]}""");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(r.body().contains("\"field\":\"approvedBy\""), r.body());
        assertEquals(404, send("GET", "/api/appropriations/ks-extra", null).statusCode());
    }

    @Test
    void aDuplicateIs409AndAnUnknownIs404() throws Exception {
        String json = """
                {"id":"ks-klimat","name":"Utvecklingsanslag klimatneutralitet","ownerBodyId":"ks","amounts":[]}""";
        assertEquals(201, send("POST", "/api/appropriations", json).statusCode());
        HttpResponse<String> again = send("POST", "/api/appropriations", json);
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("urn:radhus:problem:exists"));
        HttpResponse<String> missing = send("GET", "/api/appropriations/none", null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("urn:radhus:problem:not-found"));
    }

    @Test
    void malformedJsonAndUnknownPathsAreProblems() throws Exception {
        HttpResponse<String> bad = send("POST", "/api/appropriations", "{\"id\":");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("urn:radhus:problem:bad-request"), bad.body());
        HttpResponse<String> currency = send("POST", "/api/appropriations", """
                {"id":"x","name":"X","ownerBodyId":"ks","amounts":[{"year":2024,"amount":{"ore":1,"currency":"kronor"}}]}""");
        assertEquals(400, currency.statusCode());
        // no rule names it, so it is refused (deny by default), as problem+json
        HttpResponse<String> nowhere = send("GET", "/api/nowhere", null);
        assertEquals(403, nowhere.statusCode());
        assertTrue(nowhere.body().contains("urn:radhus:problem:forbidden"), nowhere.body());
    }

    static final String TILLVAXT = """
            {"id":"tillvaxt","name":"Kommunstyrelsens anslag för tillväxt","ownerBodyId":"ks","effectiveDate":"2024-01-01",
             "amounts":[{"year":2024,"amount":{"ore":147820000}},{"year":2025,"amount":{"ore":300740000}},
                        {"year":2026,"amount":{"ore":929620000}}]}""";

    static final String NSSO = """
            {"appropriationId":"tillvaxt","purpose":"Medfinansiering North Sweden Stockholm Office 2024-2027",
             "recipients":[{"name":"North Sweden Stockholm Office","amounts":[
               {"year":2024,"amount":{"ore":2000000}},{"year":2025,"amount":{"ore":10000000}},
               {"year":2026,"amount":{"ore":10000000}},{"year":2027,"amount":{"ore":8000000}}]}],
             "condition":"under förutsättning att övrig sökt medfinansiering beviljas","status":"COMMITTED",
             "decision":{"bodyId":"ks-nau","meetingDate":"2024-05-21","paragraph":181,"caseNumber":"KS-2024/00361"},
             "effectiveDate":"2024-05-21","allowPreCommitment":true}""";

    @Test
    void theSeedGrantOf181ShowsInTheBalanceFromItsDay() throws Exception {
        assertEquals(201, send("POST", "/api/appropriations", TILLVAXT).statusCode());
        String before = send("GET", "/api/appropriations/tillvaxt/balance?asOf=2024-04-29", null).body();
        assertTrue(before.contains("\"remainingTkr\":\"1 478,2 tkr\"") && before.contains("3 007,4 tkr") && before.contains("9 296,2 tkr"), before);
        HttpResponse<String> grant = send("POST", "/api/grants", NSSO, Map.of("Idempotency-Key", "nsso-1"));
        assertEquals(201, grant.statusCode(), grant.body());
        String id = grant.body().replaceAll(".*\"id\":\"(g-[0-9a-f]{16})\".*", "$1");
        assertEquals("/api/grants/" + id, grant.headers().firstValue("Location").orElseThrow());
        assertTrue(grant.body().contains("\"conditionStatus\":\"CONDITIONAL\"") && grant.body().contains("300 000 kr"), grant.body());
        String day0 = send("GET", "/api/appropriations/tillvaxt/balance?asOf=2024-05-20", null).body();
        assertTrue(day0.contains("1 478,2 tkr") && day0.contains("3 007,4 tkr") && day0.contains("9 296,2 tkr"), day0);
        String day1 = send("GET", "/api/appropriations/tillvaxt/balance?asOf=2024-05-21", null).body();
        assertTrue(day1.contains("1 458,2 tkr") && day1.contains("2 907,4 tkr") && day1.contains("9 196,2 tkr"), day1);
        assertTrue(day1.contains("\"preCommitted\":{\"ore\":8000000,\"currency\":\"SEK\",\"display\":\"80 000 kr\"}"), day1);
        // a retry of the grant with the same key writes nothing more, and answers as the first time
        HttpResponse<String> retry = send("POST", "/api/grants", NSSO, Map.of("Idempotency-Key", "nsso-1"));
        assertEquals(201, retry.statusCode());
        assertEquals(grant.body(), retry.body());
        String ledger = send("GET", "/api/appropriations/tillvaxt/ledger?pageSize=100", null).body();
        assertEquals(7, ledger.split("\"kind\":").length - 1, ledger);
        assertTrue(ledger.contains("\"paragraph\":181") && ledger.contains("KS-2024/00361"));
        // the condition lapses: the money goes back
        HttpResponse<String> lapsed = send("POST", "/api/grants/" + id + "/condition/lapse", "{\"effectiveDate\":\"2024-09-01\"}");
        assertEquals(200, lapsed.statusCode(), lapsed.body());
        assertTrue(lapsed.body().contains("\"status\":\"CANCELLED\"") && lapsed.body().contains("LAPSED"));
        String after = send("GET", "/api/appropriations/tillvaxt/balance", null).body();
        assertTrue(after.contains("1 478,2 tkr") && after.contains("3 007,4 tkr") && after.contains("9 296,2 tkr"), after);
    }

    @Test
    void theMiljoskjutsenPaysSevenAssociationsInOneDecision() throws Exception {
        send("POST", "/api/appropriations", """
                {"id":"strategisk-utveckling","name":"Strategisk utveckling","ownerBodyId":"ks",
                 "amounts":[{"year":2024,"amount":{"ore":50000000}}]}""");
        StringBuilder recipients = new StringBuilder();
        String[] names = {"Ersboda SK", "KFUM Umeå", "Stöcke IF", "Umeå Orienteringsklubb", "Friluftsfrämjandet lokalavd Umeå",
                "Södra Umeå Ryttarförening", "TegSödra Umeå IF"};
        for (String n : names) {
            recipients.append(recipients.isEmpty() ? "" : ",").append("{\"name\":\"").append(n)
                    .append("\",\"amounts\":[{\"year\":2024,\"amount\":{\"ore\":2002400}}]}");
        }
        HttpResponse<String> r = send("POST", "/api/grants", "{\"appropriationId\":\"strategisk-utveckling\"," + S183
                + "\"recipients\":[" + recipients + "],\"status\":\"COMMITTED\",\"effectiveDate\":\"2024-05-21\"}",
                Map.of("Idempotency-Key", "ms-2024"));
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"total\":{\"ore\":14016800,\"currency\":\"SEK\",\"display\":\"140 168 kr\"}"), r.body());
    }

    @Test
    void aGrantIsPaidOnceItsConditionIsConfirmedAndOnlyUpToItsCommitment() throws Exception {
        send("POST", "/api/appropriations", """
                {"id":"betalning","name":"Betalningsanslag","ownerBodyId":"ks","amounts":[{"year":2024,"amount":{"ore":1000000}}]}""");
        HttpResponse<String> created = send("POST", "/api/grants", """
                {"appropriationId":"betalning","recipients":[{"name":"Förening","amounts":[{"year":2024,"amount":{"ore":300000}}]}],
                 "decision":{"bodyId":"ks-nau","meetingDate":"2024-05-21","paragraph":183},
                 "condition":"om medfinansiering beviljas","status":"COMMITTED","effectiveDate":"2024-03-01"}""",
                Map.of("Idempotency-Key", "b-1"));
        assertEquals(201, created.statusCode(), created.body());
        String betald = "/api/grants/" + created.body().replaceAll(".*\"id\":\"(g-[0-9a-f]{16})\".*", "$1");
        String payment = "{\"recipient\":0,\"year\":2024,\"amount\":{\"ore\":200000},\"paidOn\":\"2024-06-03\"}";
        HttpResponse<String> early = send("POST", betald + "/payments", payment, Map.of("Idempotency-Key", "p-1"));
        assertEquals(409, early.statusCode());
        assertTrue(early.body().contains("grant-condition-open"));
        assertEquals(200, send("POST", betald + "/condition/confirm", "{\"effectiveDate\":\"2024-05-27\"}").statusCode());
        // dated before § 183 was adjusted (2024-05-21): no decision to pay it yet (kommunallagen 5 kap. 69 §)
        HttpResponse<String> beforeDecision = send("POST", betald + "/payments", payment.replace("2024-06-03", "2024-04-01"),
                Map.of("Idempotency-Key", "p-early"));
        assertEquals(409, beforeDecision.statusCode(), beforeDecision.body());
        assertTrue(beforeDecision.body().contains("payment-before-decision"), beforeDecision.body());
        // dated before the condition was confirmed
        HttpResponse<String> beforeCondition = send("POST", betald + "/payments", payment.replace("2024-06-03", "2024-05-24"),
                Map.of("Idempotency-Key", "p-early"));
        assertEquals(409, beforeCondition.statusCode(), beforeCondition.body());
        assertTrue(beforeCondition.body().contains("payment-before-condition"), beforeCondition.body());
        HttpResponse<String> future = send("POST", betald + "/payments", payment.replace("2024-06-03", "2999-01-01"),
                Map.of("Idempotency-Key", "p-early"));
        assertEquals(409, future.statusCode(), future.body());
        assertTrue(future.body().contains("payment-in-future"), future.body());
        assertTrue(send("GET", "/api/appropriations/betalning/balance", null).body().contains("\"paid\":{\"ore\":0,"), "nothing paid");
        assertEquals(200, send("POST", betald + "/payments", payment, Map.of("Idempotency-Key", "p-1")).statusCode());
        assertEquals(200, send("POST", betald + "/payments", payment, Map.of("Idempotency-Key", "p-1")).statusCode());
        HttpResponse<String> tooMuch = send("POST", betald + "/payments", payment, Map.of("Idempotency-Key", "p-2"));
        assertEquals(409, tooMuch.statusCode(), "only 100 000 öre of the commitment is unpaid: " + tooMuch.body());
        HttpResponse<String> rest = send("POST", betald + "/payments",
                payment.replace("200000", "100000"), Map.of("Idempotency-Key", "p-3"));
        assertTrue(rest.body().contains("\"status\":\"PAID\""), rest.body());
        String balance = send("GET", "/api/appropriations/betalning/balance", null).body();
        assertTrue(balance.contains("\"paid\":{\"ore\":300000") && balance.contains("\"committed\":{\"ore\":300000"), balance);
    }

    @Test
    void overspendingIs409NamingYearRemainingAndShortfall() throws Exception {
        send("POST", "/api/appropriations", """
                {"id":"liten","name":"Litet anslag","ownerBodyId":"ks","amounts":[{"year":2024,"amount":{"ore":100000}}]}""");
        HttpResponse<String> r = send("POST", "/api/grants", """
                {"appropriationId":"liten","recipients":[{"name":"X","amounts":[{"year":2024,"amount":{"ore":100100}}]}],
                 "status":"RESERVED","effectiveDate":"2024-03-01"}""", Map.of("Idempotency-Key", "fm"));
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("insufficient-funds") && r.body().contains("\"year\":2024")
                && r.body().contains("\"display\":\"1 kr\""), r.body());
        assertTrue(send("GET", "/api/grants?appropriationId=liten", null).body().contains("\"items\":[]"));
        HttpResponse<String> noKey = send("POST", "/api/grants", "{\"appropriationId\":\"liten\"}");
        assertEquals(400, noKey.statusCode());
        assertTrue(noKey.body().contains("Idempotency-Key"));
    }

    @Test
    void balancesAndLedgerExportAsCsv() throws Exception {
        send("POST", "/api/appropriations", """
                {"id":"csv","name":"=Formel;med semikolon","ownerBodyId":"ks","amounts":[{"year":2024,"amount":{"ore":147820050}}]}""");
        String csv = send("GET", "/api/appropriations/csv/balance.csv?asOf=2024-06-01", null).body();
        assertTrue(csv.startsWith("anslag;per datum;år;anvisat"), csv);
        assertTrue(csv.contains("csv;2024-06-01;2024;1478200,50;0,00;0,00;0,00;1478200,50;0,00"), csv);
        HttpResponse<String> viaAccept = send("GET", "/api/appropriations/csv/ledger", null, Map.of("Accept", "text/csv"));
        assertTrue(viaAccept.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(viaAccept.body().contains(";ALLOCATION;2024;1478200,50;SEK;"), viaAccept.body());
    }

    @Test
    void aBudgetIsLockedOnceAdopted() throws Exception {
        String draft = """
                {"year":2025,"taxRate":"22,80","frames":[{"bodyId":"ks","year":2025,"amount":{"ore":100000000000}},
                 {"bodyId":"ks","year":2026,"amount":{"ore":101000000000}}],
                 "investments":[{"project":"Maja Beskowskolan","year":2025,"amount":{"ore":500000000}}],"adopted":false}""";
        assertEquals(200, send("PUT", "/api/budget/2025", draft).statusCode());
        assertTrue(send("GET", "/api/budget/2025", null).body().contains("\"taxRate\":\"22,80\""));
        HttpResponse<String> badRate = send("PUT", "/api/budget/2025", draft.replace("22,80", "22.8"));
        assertEquals(400, badRate.statusCode());
        assertTrue(badRate.body().contains("taxRate"));
        String adopted = draft.replace("\"adopted\":false", "\"adopted\":true,\"decision\":{\"bodyId\":\"kf\",\"meetingDate\":\"2024-06-17\",\"paragraph\":100}");
        assertEquals(200, send("PUT", "/api/budget/2025", adopted).statusCode());
        HttpResponse<String> locked = send("PUT", "/api/budget/2025", draft);
        assertEquals(409, locked.statusCode());
        assertTrue(locked.body().contains("budget-adopted"));
    }

    @Test
    void healthAnswers() throws Exception {
        assertEquals(200, send("GET", "/health/liveness", null).statusCode());
        assertEquals(200, send("GET", "/health/readiness", null).statusCode());
    }
}
