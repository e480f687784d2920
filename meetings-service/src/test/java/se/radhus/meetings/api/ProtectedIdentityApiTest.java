package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A person with a protected identity named in every text of an adjusted §, and a § marked secret: what
 * each public reading shows (JSON, HTML, PDF text, extract, search, case, effects, body), and that the
 * entitled still see it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProtectedIdentityApiTest {

    static final String NAME = "Ingrid Andreae";
    static final String MEETING = "pi-nd-2024-10-01";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestContext.register(registry);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(String method, String path, String json, String role) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (role != null) {
            b.header("Authorization", TestAuth.bearer(role));
        }
        b.header("Content-Type", "application/json").method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String pdfText(String role) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/meetings/" + MEETING + "/protocol"))
                .header("Accept", "application/pdf");
        if (role != null) {
            b.header("Authorization", TestAuth.bearer(role));
        }
        byte[] pdf = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    String html(String role) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/meetings/" + MEETING + "/protocol"))
                .header("Accept", "text/html");
        if (role != null) {
            b.header("Authorization", TestAuth.bearer(role));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String id;

    @Test
    @Order(1)
    void aProtectedPersonGetsAnOpaqueIdAndAClientChosenOneIsRefused() throws Exception {
        HttpResponse<String> chosen = send("POST", "/api/persons", "{\"id\":\"ingrid-andreae\",\"name\":\"" + NAME + "\",\"protectedIdentity\":true}", "registrator");
        assertThat(chosen.statusCode()).isEqualTo(400);
        assertThat(chosen.body()).contains("\"id\"").contains("opaque");
        id = SecurityApiTest.idOf(send("POST", "/api/persons", "{\"name\":\"" + NAME + "\",\"party\":\"S\",\"protectedIdentity\":true}", "registrator"));
        assertThat(id).matches("p-[a-z2-7]{16}").doesNotContain("ingrid").doesNotContain("andreae");
        // a namesake by surname, attending in his own right
        assertThat(send("POST", "/api/persons", "{\"id\":\"per-andreae\",\"name\":\"Per Andreae\",\"party\":\"M\"}", "registrator").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/bodies", "{\"id\":\"pi-nd\",\"name\":\"Nämnden\",\"diariumPrefix\":\"PI\",\"members\":[{\"personId\":\"" + id
                + "\",\"role\":\"LEDAMOT\"},{\"personId\":\"per-andreae\",\"role\":\"LEDAMOT\"}]}", "registrator").statusCode()).isEqualTo(201);
    }

    @Test
    @Order(2)
    void writingTheNameIntoADraftWarnsWhere() throws Exception {
        assertThat(send("POST", "/api/meetings", """
                {"bodyId":"pi-nd","date":"2024-10-01","attendance":[{"name":"Ordf Ordförande","role":"ORDFORANDE"},
                 {"personId":"%s","name":"%s","party":"S","role":"LEDAMOT"},{"personId":"per-andreae","name":"Per Andreae","party":"M","role":"LEDAMOT"}],
                 "adjusters":["Per Andreae"]}""".formatted(id, NAME), "sekreterare").statusCode()).isEqualTo(201);
        HttpResponse<String> added = send("POST", "/api/meetings/" + MEETING + "/paragraphs", """
                {"number":1,"caseNumber":"PI-2024/00001","title":"Ansökan från I. Andreae om bidrag",
                 "decisions":[{"kind":"BESLUT","decidingBody":"Nämnden","clauses":["bevilja Ingrid Andreaes ansökan"]}],
                 "description":"Ingrid Andreae (S) har ansökt. Per Andreae (M) har yttrat sig.",
                 "motions":[{"by":"%s","party":"S","type":"BIFALL","text":"Andreae yrkar bifall"}],
                 "chairFinding":"Ordföranden finner att nämnden bifaller Andreaes yrkande.",
                 "notes":["Protokollsanteckning: I Andreae deltar inte i beslutet om arvode."],
                 "recusals":["%s"],
                 "effects":[{"kind":"AWARD","procurementId":"p-pi-1","suppliers":[{"name":"%s","rank":1}],"valueOre":100000,"sentOn":"2024-10-02"}]}"""
                .formatted(NAME, NAME, NAME), "sekreterare");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String warning = added.headers().firstValue("Warning").orElse("");
        assertThat(warning).startsWith("299 ").contains("§ 1 title").contains("§ 1 description").contains("§ 1 decisions[0].clauses[0]")
                .contains("§ 1 motions[0].text").contains("§ 1 notes[0]").contains("§ 1 effects[0]").doesNotContain(NAME);
        assertThat(send("POST", "/api/meetings/" + MEETING + "/paragraphs", """
                {"number":2,"caseNumber":"PI-2024/00002","title":"Personalärende","decisions":[{"kind":"BESLUT","clauses":["godkänna överenskommelsen"]}],
                 "description":"Hemlig uppgift om hälsa.","secrecy":[{"reference":"OSL 39 kap. 3 §"}]}""", "sekreterare").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/meetings/" + MEETING + "/paragraphs", """
                {"number":3,"title":"Upphandling","decisions":[{"kind":"BESLUT","clauses":["anta anbud"]}],
                 "description":"Anbudens priser.","basis":["Tjänsteskrivelse","Anbudsöppningsprotokoll"],
                 "secrecy":[{"field":"description","reference":"OSL 19 kap. 3 §"},{"field":"basis[1]","reference":"OSL 31 kap. 16 §"}]}""",
                "sekreterare").statusCode()).isEqualTo(201);
        HttpResponse<String> wrong = send("POST", "/api/meetings/" + MEETING + "/paragraphs", """
                {"number":4,"title":"X","decisions":[{"kind":"BESLUT","clauses":["x"]}],"secrecy":[{"field":"budget"}]}""", "sekreterare");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("secrecy[0].field").contains("secrecy[0].reference");
        assertThat(send("POST", "/api/meetings/" + MEETING + "/justering", "{\"date\":\"2024-10-03\",\"signedBy\":[\"Ordf Ordförande\",\"Per Andreae\"]}",
                "sekreterare").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void noPublicReadingNamesThePersonOrShowsWhatIsSecret() throws Exception {
        String encoded = URLEncoder.encode("PI-2024/00001", StandardCharsets.UTF_8);
        List<String> readings = List.of(
                send("GET", "/api/meetings/" + MEETING, null, null).body(),
                send("GET", "/api/meetings?bodyId=pi-nd", null, null).body(),
                send("GET", "/api/meetings/" + MEETING + "/paragraphs/1", null, null).body(),
                send("GET", "/api/meetings/" + MEETING + "/paragraphs/1/extract", null, null).body(),
                send("GET", "/api/meetings/" + MEETING + "/effects", null, null).body(),
                send("GET", "/api/cases/PI-2024/00001", null, null).body(),
                send("GET", "/api/cases", null, null).body(),
                send("GET", "/api/bodies/pi-nd", null, null).body(),
                send("GET", "/api/search?q=" + URLEncoder.encode("ansökan", StandardCharsets.UTF_8), null, null).body(),
                send("GET", "/api/search?q=Andreae", null, null).body(),
                send("GET", "/api/search?q=Ingrid", null, null).body(),
                send("GET", "/api/meetings/" + MEETING, null, "handlaggare").body(),
                html(null), pdfText(null));
        for (String reading : readings) {
            String r = reading.replace("<em>", "").replace("</em>", "");
            assertThat(r).doesNotContain("Ingrid").doesNotContain(id).doesNotContain("I. Andreae").doesNotContain("I Andreae")
                    .doesNotContain("Andreaes").doesNotContain("Hemlig uppgift").doesNotContain("Anbudens priser")
                    .doesNotContain("Anbudsöppningsprotokoll").doesNotContain("(S)").doesNotContain("Personalärende");
            assertThat(r.replace("Per Andreae", "")).doesNotContain("Andreae");
        }
        String json = readings.get(0);
        assertThat(json).contains("Skyddad identitet").contains("Per Andreae (M) har yttrat sig")
                .contains("Sekretess enligt OSL 39 kap. 3 §").contains("Sekretess enligt OSL 19 kap. 3 §")
                .contains("Sekretess enligt OSL 31 kap. 16 §").contains("Tjänsteskrivelse");
        assertThat(html(null)).contains("Sekretess enligt OSL 39 kap. 3 §");
        assertThat(pdfText(null)).contains("Sekretess enligt OSL 39 kap. 3");
        assertThat(send("GET", "/api/search?q=" + URLEncoder.encode("hälsa", StandardCharsets.UTF_8), null, null).body()).contains("\"total\":0");
        assertThat(readings.get(7)).contains("per-andreae");
        assertThat(encoded).isNotEmpty();
    }

    @Test
    @Order(4)
    void theEntitledStillSeeIt() throws Exception {
        for (String role : List.of("sekreterare", "registrator", "admin")) {
            assertThat(send("GET", "/api/meetings/" + MEETING, null, role).body()).contains("Ingrid Andreae (S) har ansökt")
                    .contains("Hemlig uppgift om hälsa").contains("Anbudsöppningsprotokoll");
            assertThat(html(role)).contains("Ingrid Andreae");
            assertThat(send("GET", "/api/bodies/pi-nd", null, role).body()).contains(id);
        }
    }

    @Test
    @Order(5)
    void aNameThatCannotBeToldApartIsHeldBack() throws Exception {
        // a registered namesake of another party attends in her own right: a text naming "Ingrid Andreae" could mean either
        assertThat(send("POST", "/api/persons", "{\"id\":\"ingrid-andreae-m\",\"name\":\"Ingrid Andreae\",\"party\":\"M\"}", "registrator").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/meetings", """
                {"bodyId":"pi-nd","date":"2024-10-08","attendance":[{"name":"Ordf Ordförande","role":"ORDFORANDE"},
                 {"personId":"ingrid-andreae-m","name":"Ingrid Andreae","party":"M","role":"LEDAMOT"}],"adjusters":["Ordf Ordförande"]}""", "sekreterare").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/meetings/pi-nd-2024-10-08/paragraphs", """
                {"number":4,"title":"Val","decisions":[{"kind":"BESLUT","clauses":["välja Ingrid Andreae (M) till ombud"]}],
                 "description":"Ingrid Andreae föreslås som ombud."}""", "sekreterare").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/meetings/pi-nd-2024-10-08/justering", "{\"date\":\"2024-10-09\",\"signedBy\":[\"Ordf Ordförande\"]}",
                "sekreterare").statusCode()).isEqualTo(200);
        String pub = send("GET", "/api/meetings/pi-nd-2024-10-08", null, null).body();
        assertThat(pub).contains("visas efter granskning").contains("välja Ingrid Andreae (M) till ombud")
                .doesNotContain("Ingrid Andreae föreslås");
    }

    @Test
    @Order(6)
    void anImportedProtocolHidesTheProtectedPersonItNamesWithoutAnId() throws Exception {
        assertThat(send("POST", "/api/meetings", """
                {"bodyId":"pi-nd","date":"2024-10-15","attendance":[{"name":"Ordf Ordförande","role":"ORDFORANDE"},
                 {"name":"Ingrid Andreae","party":"S","role":"LEDAMOT","title":"ersättare för Per Andreae"}],"adjusters":["Ordf Ordförande"]}""",
                "sekreterare").statusCode()).isEqualTo(201);
        HttpResponse<String> writer = send("POST", "/api/meetings/pi-nd-2024-10-15/paragraphs", """
                {"number":5,"title":"Motion","decisions":[{"kind":"BESLUT","clauses":["bifalla motionen"]}],
                 "description":"Ingrid Andreae (S) yrkar bifall.","secrecy":[{"field":"notes","reference":"OSL 26 kap. 1 §"}],
                 "notes":["x"]}""", "handlaggare");
        assertThat(writer.statusCode()).isEqualTo(201);
        assertThat(writer.headers().firstValue("Warning")).as("no oracle for those not entitled").isEmpty();
        assertThat(writer.body()).doesNotContain("Ingrid").contains("Skyddad identitet");
        HttpResponse<String> badReference = send("POST", "/api/meetings/pi-nd-2024-10-15/paragraphs", """
                {"number":6,"title":"X","decisions":[{"kind":"BESLUT","clauses":["x"]}],
                 "secrecy":[{"reference":"OSL 26 kap. 1 § (gäller Ingrid Andreae)"}]}""", "sekreterare");
        assertThat(badReference.statusCode()).isEqualTo(400);
        assertThat(badReference.body()).contains("secrecy[0].reference");
        // a refusal naming the members who did not vote names nobody protected to a writer not entitled
        String vote = """
                {"number":6,"title":"Omröstning","decisions":[{"kind":"BESLUT","clauses":["x"]}],
                 "votes":[{"ja":"bifall","nej":"avslag","ballots":[{"member":"Ordf Ordförande","choice":"JA"}]}]}""";
        HttpResponse<String> refused = send("POST", "/api/meetings/pi-nd-2024-10-15/paragraphs", vote, "handlaggare");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).doesNotContain("Ingrid").contains("vote-totals");
        assertThat(send("POST", "/api/meetings/pi-nd-2024-10-15/paragraphs", vote, "sekreterare").body()).contains("Ingrid Andreae");
    }
}
