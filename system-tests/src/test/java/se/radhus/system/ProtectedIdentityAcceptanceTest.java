package se.radhus.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The acceptance of protected identities, through the gateway: a protected person named in the
 * description, a clause, a motion, a note and as the grant recipient of an adjusted §; then every public
 * reading is searched for the name (meeting JSON, protocol HTML and PDF text, extract, search, case,
 * effects, finance's grants, a procurement and its OCDS) and it is found nowhere, while registrator,
 * sekreterare and admin still see it. A § marked secret shows only its reference.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProtectedIdentityAcceptanceTest extends RunningSuite {

    static final String NAME = "Elisabet Lann";
    static final String MEETING = "ai-2024-11-05";
    static final String GRANT = MEETING + "-1-1";

    String id;

    HttpResponse<String> as(String role, String method, String path, String body) throws Exception {
        return suite.send(method, path, body, Map.of("Authorization", role == null ? "" : "Bearer " + suite.token("pi-" + role, role)));
    }

    static HttpResponse<String> ok(HttpResponse<String> r) {
        assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
        return r;
    }

    HttpResponse<String> await(String role, String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> r = as(role, "GET", path, null);
        while (r.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            r = as(role, "GET", path, null);
        }
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r;
    }

    String protocol(String role, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(suite.gateway() + "/api/meetings/" + MEETING + "/protocol"))
                .header("Accept", accept);
        if (role != null) {
            b.header("Authorization", "Bearer " + suite.token("pi-" + role, role));
        }
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        if (accept.equals("application/pdf")) {
            try (var doc = Loader.loadPDF(r.body())) {
                return new PDFTextStripper().getText(doc);
            }
        }
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void aProtectedPersonNamedEverywhereInAnAdjustedParagraph() throws Exception {
        ok(as("registrator", "POST", "/api/bodies", "{\"id\":\"ai\",\"name\":\"Acceptansnämnden\",\"diariumPrefix\":\"AI\"}"));
        HttpResponse<String> person = ok(as("registrator", "POST", "/api/persons", "{\"name\":\"" + NAME + "\",\"party\":\"KD\",\"protectedIdentity\":true}"));
        var m = java.util.regex.Pattern.compile("\"id\":\"(p-[a-z2-7]+)\"").matcher(person.body());
        assertTrue(m.find(), person.body());
        id = m.group(1);
        ok(as("ekonom", "POST", "/api/appropriations", "{\"id\":\"ai-anslag\",\"name\":\"Acceptansanslaget\",\"ownerBodyId\":\"ai\","
                + "\"amounts\":[{\"year\":2024,\"amount\":{\"ore\":10000000,\"currency\":\"SEK\"}}]}"));
        ok(as("upphandlare", "POST", "/api/procurements", "{\"id\":\"ai-upph\",\"number\":\"AI-1\",\"title\":\"Handledning av " + NAME
                + "\",\"type\":\"CONTRACT\",\"procedure\":\"OPEN\",\"category\":\"SERVICES\"}"));
        ok(as("sekreterare", "POST", "/api/meetings", "{\"bodyId\":\"ai\",\"date\":\"2024-11-05\",\"attendance\":["
                + "{\"name\":\"Olle Ordf\",\"role\":\"ORDFORANDE\"},{\"personId\":\"" + id + "\",\"name\":\"" + NAME + "\",\"party\":\"KD\",\"role\":\"LEDAMOT\"}],"
                + "\"adjusters\":[\"Olle Ordf\"]}"));
        HttpResponse<String> draft = ok(as("sekreterare", "POST", "/api/meetings/" + MEETING + "/paragraphs", """
                {"number":1,"caseNumber":"AI-2024/00001","title":"Bidrag till föreningen",
                 "decisions":[{"kind":"BESLUT","decidingBody":"Acceptansnämnden","clauses":["bevilja Elisabet Lanns ansökan om bidrag"]}],
                 "description":"E. Lann (KD) har ansökt om bidrag för föreningens räkning.",
                 "motions":[{"by":"Elisabet Lann","party":"KD","type":"BIFALL","text":"Lann yrkar bifall"}],
                 "notes":["Protokollsanteckning: Elisabet Lann (KD) deltar inte i beslutet."],
                 "effects":[{"kind":"GRANT","appropriationId":"ai-anslag","purpose":"Bidrag enligt ansökan från Elisabet Lann",
                   "recipients":[{"name":"Elisabet Lann","amounts":[{"year":2024,"ore":500000}]}]}]}"""));
        assertTrue(draft.headers().firstValue("Warning").orElse("").contains("§ 1 description"), draft.headers().toString());
        ok(as("sekreterare", "POST", "/api/meetings/" + MEETING + "/paragraphs", """
                {"number":2,"title":"Personalärende","decisions":[{"kind":"BESLUT","clauses":["godkänna överenskommelsen"]}],
                 "description":"Uppgifter om hälsa.","secrecy":[{"reference":"OSL 39 kap. 3 §"}]}"""));
        ok(as("sekreterare", "POST", "/api/meetings/" + MEETING + "/paragraphs", """
                {"number":3,"title":"Förfrågningsunderlag","decisions":[{"kind":"BESLUT","clauses":["godkänna förfrågningsunderlaget"]}],
                 "effects":[{"kind":"TENDER_APPROVAL","procurementId":"ai-upph"}]}"""));
        ok(as("sekreterare", "POST", "/api/meetings/" + MEETING + "/paragraphs", """
                {"number":4,"title":"Ekonomiskt bistånd","decisions":[{"kind":"BESLUT","clauses":["bevilja bistånd"]}],
                 "secrecy":[{"field":"effects","reference":"OSL 26 kap. 1 §"}],
                 "effects":[{"kind":"GRANT","appropriationId":"ai-anslag","purpose":"Bistånd till familjen Hemligsson",
                   "recipients":[{"name":"Familjen Hemligsson","amounts":[{"year":2024,"ore":100000}]}]}]}"""));
        ok(as("sekreterare", "POST", "/api/meetings/" + MEETING + "/justering", "{\"date\":\"2024-11-06\",\"signedBy\":[\"Olle Ordf\"]}"));
        await("admin", "/api/grants/" + GRANT);
        await("admin", "/api/grants/" + MEETING + "-4-1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> published;
        do {
            Thread.sleep(250);
            published = as("upphandlare", "POST", "/api/procurements/ai-upph/publication", "{\"publishedOn\":\"2024-11-07\",\"bidDeadline\":\"2024-12-09\"}");
        } while (published.statusCode() != 200 && System.nanoTime() < deadline);
        ok(published);
    }

    @Test
    @Order(2)
    void theNameIsFoundInNoPublicReading() throws Exception {
        Map<String, String> readings = new LinkedHashMap<>();
        for (String path : List.of("/api/meetings/" + MEETING, "/api/meetings?bodyId=ai", "/api/meetings/" + MEETING + "/paragraphs/1",
                "/api/meetings/" + MEETING + "/paragraphs/1/extract", "/api/meetings/" + MEETING + "/effects",
                "/api/cases/AI-2024/00001", "/api/cases", "/api/search?q=bidrag", "/api/search?q=Lann", "/api/search?q=Elisabet",
                "/api/grants/" + GRANT, "/api/grants/" + MEETING + "-4-1", "/api/grants", "/api/procurements/ai-upph", "/api/procurements",
                "/api/bodies/ai", "/api/persons")) {
            HttpResponse<String> r = as(null, "GET", path, null);
            readings.put(path, r.statusCode() + " " + r.body());
        }
        readings.put("ocds", as(null, "GET", "/api/ocds/releases", null).body());
        assertTrue(readings.get("ocds").contains("ai-upph") && readings.get("/api/procurements/ai-upph").startsWith("200 "), readings.get("ocds"));
        readings.put("html", protocol(null, "text/html"));
        readings.put("pdf", protocol(null, "application/pdf"));
        for (var e : readings.entrySet()) {
            String text = e.getValue().replace("<em>", "").replace("</em>", "");
            assertFalse(text.contains("Lann") || text.contains("Elisabet") || text.contains(id) || text.contains("Uppgifter om hälsa") || text.contains("Hemligsson"),
                    e.getKey() + ": " + e.getValue());
        }
        assertTrue(readings.get("/api/meetings/" + MEETING).contains("Skyddad identitet"));
        assertTrue(readings.get("/api/grants/" + GRANT).startsWith("200 "), readings.get("/api/grants/" + GRANT));
        assertTrue(readings.get("/api/grants/" + GRANT).contains("Skyddad identitet"), readings.get("/api/grants/" + GRANT));
        assertTrue(readings.get("html").contains("Sekretess enligt OSL 39 kap. 3 §"));
        assertTrue(readings.get("/api/grants/" + MEETING + "-4-1").contains("Sekretess enligt OSL 26 kap. 1 §"), readings.get("/api/grants/" + MEETING + "-4-1"));
        assertTrue(readings.get("pdf").contains("Sekretess enligt OSL 39 kap. 3"));
        assertTrue(as(null, "GET", "/api/search?q=" + URLEncoder.encode("hälsa", StandardCharsets.UTF_8), null).body().contains("\"total\":0"));
    }

    @Test
    @Order(3)
    void registratorSekreterareAndAdminStillSeeIt() throws Exception {
        for (String role : List.of("registrator", "sekreterare", "admin")) {
            assertTrue(as(role, "GET", "/api/meetings/" + MEETING, null).body().contains("E. Lann (KD) har ansökt"), role);
            assertTrue(protocol(role, "text/html").contains("Elisabet Lann"), role);
            assertTrue(as(role, "GET", "/api/grants/" + GRANT, null).body().contains("Elisabet Lann"), role);
        }
    }
}
