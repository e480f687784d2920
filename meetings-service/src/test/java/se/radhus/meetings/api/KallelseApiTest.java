package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Kallelse and agenda through the API: case documents (size and type checked), the agenda of a planned
 * meeting, its publication (fullmäktige's week, kommunallagen 5 kap., which configuration cannot lower;
 * late recorded), KF's notice on the anslagstavla, the items drawn into the protocol as its §.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.grpc.server.port=0", "radhus.kallelse.notice-days=kf=2,ks-nau=3", "radhus.limits.document=64KB"},
        classes = {se.radhus.meetings.MeetingsApplication.class, PublicSideApiTestBase.Today.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KallelseApiTest extends PublicSideApiTestBase {

    static final String KF = "kf-2024-06-10";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static String pdfId;
    static String secretTextId;
    static String namingTextId;

    HttpResponse<String> upload(String meeting, String name, String type, byte[] content, String role) throws Exception {
        String path = "/api/meetings/" + meeting + "/documents" + (name == null ? "" : "?name=" + name);
        if (type != null) {
            return send("POST", path, type, content, role);
        }
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", TestAuth.bearer(role)).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static void problem(HttpResponse<String> r, int status, String contains) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(r.body()).contains(contains);
    }

    @Test
    @Order(1)
    void caseDocumentsAreCheckedForSizeAndType() throws Exception {
        seed();
        today("2024-06-01");
        expect(201, post("/api/persons", Map.of("name", "Sara Skyddad", "party", "V", "protectedIdentity", true), "registrator"));
        expect(201, post("/api/meetings", Map.of("bodyId", "kf", "date", "2024-06-10", "startTime", "18:00",
                "place", "Sessionssalen, Stadshuset", "attendance", List.of(
                        Map.of("personId", "hans-lindberg", "name", "Hans Lindberg", "party", "S", "role", "ORDFORANDE"),
                        Map.of("personId", "anders-agren", "name", "Anders Ågren", "party", "M", "role", "LEDAMOT")),
                "adjusters", List.of("Anders Ågren")), "sekreterare"));

        JsonNode pdf = json(expect(201, upload(KF, "tjansteskrivelse.pdf", "application/pdf", PDF, "handlaggare")));
        pdfId = pdf.get("id").asString();
        assertThat(pdf.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(pdf.get("url").asString()).isEqualTo("/api/meetings/" + KF + "/documents/" + pdfId);
        // the same bytes under the same name are the same document
        assertThat(json(expect(201, upload(KF, "tjansteskrivelse.pdf", "application/pdf", PDF, "sekreterare"))).get("id").asString())
                .isEqualTo(pdfId);
        secretTextId = json(expect(201, upload(KF, "utredning.txt", "text/plain; charset=utf-8",
                "Utredningen om fastigheten.".getBytes(StandardCharsets.UTF_8), "sekreterare"))).get("id").asString();
        namingTextId = json(expect(201, upload(KF, "skrivelse.txt", "text/plain",
                "Skrivelse från Sara Skyddad (V) om parken.".getBytes(StandardCharsets.UTF_8), "sekreterare"))).get("id").asString();

        problem(upload(KF, "x.exe", "application/octet-stream", new byte[]{1, 2, 3}, "sekreterare"), 415, "unsupported-media-type");
        problem(upload(KF, "x.pdf", null, PDF, "sekreterare"), 415, "application/pdf");
        problem(upload(KF, "fake.pdf", "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8), "sekreterare"), 400, "content");
        problem(upload(KF, "x.png", "image/png", PDF, "sekreterare"), 400, "content");
        problem(upload(KF, "bin.txt", "text/plain", new byte[]{'a', 0, 'b'}, "sekreterare"), 400, "content");
        problem(upload(KF, null, "application/pdf", PDF, "sekreterare"), 400, "\"name\"");
        problem(upload(KF, "a%2Fb.pdf", "application/pdf", PDF, "sekreterare"), 400, "name");
        problem(upload(KF, "empty.pdf", "application/pdf", new byte[0], "sekreterare"), 400, "content");
        byte[] big = new byte[65 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        problem(upload(KF, "big.pdf", "application/pdf", big, "sekreterare"), 413, "too-large");
        problem(upload(KF, "x.pdf", "application/pdf", PDF, "ekonom"), 403, "forbidden");
        problem(upload("kf-1999-01-01", "x.pdf", "application/pdf", PDF, "sekreterare"), 404, "kf-1999-01-01");
        // the public reads no document of an unpublished agenda
        expect(404, anonymous("/api/meetings/" + KF + "/documents/" + pdfId));
        expect(200, send("GET", "/api/meetings/" + KF + "/documents/" + pdfId, null, null, "handlaggare"));
    }

    static Map<String, Object> item(String caseNumber, String title, List<String> proposal, List<String> docs, String secrecy) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("caseNumber", caseNumber);
        m.put("title", title);
        m.put("proposedDecision", proposal);
        m.put("documents", docs);
        m.put("secrecy", secrecy);
        return m;
    }

    List<Map<String, Object>> items() {
        return List.of(
                item("KS-2024/00449", "Upphandling av stolar till aulan", List.of("godkänna förfrågningsunderlaget."), List.of(pdfId), null),
                item("KS-2024/00500", "Förvärv av fastighet", List.of("förvärva fastigheten."), List.of(secretTextId), "OSL 19 kap. 1 §"),
                item(null, "Medborgarförslag om parken", List.of("besvara medborgarförslaget."), List.of(namingTextId), null));
    }

    @Test
    @Order(2)
    void thePlannedMeetingGetsItsAgendaWithBadInputNamed() throws Exception {
        problem(put("/api/meetings/" + KF + "/agenda", Map.of("items", List.of(item("KS-24", "T", List.of(), List.of(), null))),
                "sekreterare"), 400, "items[0].caseNumber");
        problem(put("/api/meetings/" + KF + "/agenda", Map.of("items", List.of(item(null, "T", List.of(), List.of("d-none"), null))),
                "sekreterare"), 400, "items[0].documents");
        problem(put("/api/meetings/" + KF + "/agenda", Map.of("items", List.of(item(null, "T", List.of(), List.of(), null),
                item(null, "", List.of(), List.of(), "hemligt"))), "sekreterare"), 400, "items[1].secrecy");
        problem(put("/api/meetings/" + KF + "/agenda", Map.of("items", List.of(item(null, "", List.of(), List.of(), null))),
                "sekreterare"), 400, "items[0].title");
        problem(put("/api/meetings/" + KF + "/agenda", Map.of("items", items()), "handlaggare"), 403, "forbidden");

        HttpResponse<String> set = expect(200, put("/api/meetings/" + KF + "/agenda", Map.of("items", items()), "sekreterare"));
        JsonNode agenda = json(set);
        assertThat(agenda.get("items").size()).isEqualTo(3);
        assertThat(agenda.get("items").get(1).get("secrecy").asString()).isEqualTo("OSL 19 kap. 1 §");
        // fullmäktige: the week of kommunallagen 5 kap., though configuration says 2
        assertThat(agenda.get("noticeDays").asInt()).isEqualTo(7);
        assertThat(agenda.get("due").asString()).isEqualTo("2024-06-03");
        // a stale If-Match is 412
        assertThat(set.headers().firstValue("ETag").orElseThrow()).isEqualTo("\"1\"");
        HttpResponse<String> stale = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/meetings/" + KF + "/agenda")).header("Authorization", TestAuth.bearer("sekreterare"))
                .header("Content-Type", "application/json").header("If-Match", "\"7\"")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("items", items())))).build(),
                HttpResponse.BodyHandlers.ofString());
        problem(stale, 412, "precondition-failed");
    }

    @Test
    @Order(3)
    void beforeTheKallelseThePublicSeesNoAgenda() throws Exception {
        problem(anonymous("/api/meetings/" + KF + "/agenda"), 404, "not published");
        JsonNode staff = json(expect(200, send("GET", "/api/meetings/" + KF + "/agenda", null, null, "handlaggare")));
        // not entitled to what is secret: the provision only
        assertThat(staff.get("items").get(1).get("title").asString()).isEqualTo("Sekretess enligt OSL 19 kap. 1 §");
        assertThat(staff.get("items").get(2).get("documents").get(0).get("name").asString()).isEqualTo("skrivelse.txt");
        problem(post("/api/meetings/" + KF + "/kallelse", Map.of("publishedOn", "2024-06-02"), "sekreterare"), 409, "kallelse-future");
        problem(post("/api/meetings/" + KF + "/kallelse", Map.of(), "sekreterare"), 400, "publishedOn");
        problem(post("/api/meetings/" + KF + "/kallelse", Map.of("publishedOn", "2024-06-01"), "handlaggare"), 403, "forbidden");
    }

    @Test
    @Order(4)
    void aKallelsePublishedAfterItsDueDayIsRecordedAsLate() throws Exception {
        today("2024-06-05");
        JsonNode agenda = json(expect(200, post("/api/meetings/" + KF + "/kallelse",
                Map.of("publishedOn", "2024-06-05", "lateReason", "Ordföranden var sjuk."), "sekreterare")));
        assertThat(agenda.get("kallelse").get("publishedOn").asString()).isEqualTo("2024-06-05");
        assertThat(agenda.get("kallelse").get("due").asString()).isEqualTo("2024-06-03");
        assertThat(agenda.get("kallelse").get("late").asBoolean()).isTrue();
        assertThat(agenda.get("kallelse").get("lateReason").asString()).isEqualTo("Ordföranden var sjuk.");
        problem(post("/api/meetings/" + KF + "/kallelse", Map.of("publishedOn", "2024-06-05"), "sekreterare"), 409, "kallelse-published");
        problem(put("/api/meetings/" + KF + "/agenda", Map.of("items", items()), "sekreterare"), 409, "kallelse-published");
    }

    @Test
    @Order(5)
    void thePublicSeesThePublishedAgendaWithWhatIsPublic() throws Exception {
        String body = expect(200, anonymous("/api/meetings/" + KF + "/agenda")).body();
        JsonNode agenda = JSON.readTree(body);
        assertThat(agenda.get("items").get(0).get("title").asString()).isEqualTo("Upphandling av stolar till aulan");
        assertThat(agenda.get("items").get(0).get("documents").get(0).get("id").asString()).isEqualTo(pdfId);
        JsonNode secret = agenda.get("items").get(1);
        assertThat(secret.get("title").asString()).isEqualTo("Sekretess enligt OSL 19 kap. 1 §");
        assertThat(secret.get("proposedDecision").size()).isZero();
        assertThat(secret.get("documents").size()).isZero();
        assertThat(body).doesNotContain("Förvärv av fastighet").doesNotContain("förvärva").doesNotContain("Sara Skyddad");

        HttpResponse<String> doc = expect(200, anonymous("/api/meetings/" + KF + "/documents/" + pdfId));
        assertThat(doc.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(doc.headers().firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");
        assertThat(doc.body()).startsWith("%PDF-");
        expect(404, anonymous("/api/meetings/" + KF + "/documents/" + secretTextId));
        expect(200, send("GET", "/api/meetings/" + KF + "/documents/" + secretTextId, null, null, "sekreterare"));
        // a text document names the protected person: not to the public
        String text = expect(200, anonymous("/api/meetings/" + KF + "/documents/" + namingTextId)).body();
        assertThat(text).doesNotContain("Sara").doesNotContain("Skyddad (V)").contains("om parken");
        assertThat(expect(200, send("GET", "/api/meetings/" + KF + "/documents/" + namingTextId, null, null, "sekreterare")).body())
                .contains("Sara Skyddad");
        expect(404, anonymous("/api/meetings/" + KF + "/documents/d-0000000000000000"));
    }

    @Test
    @Order(6)
    void fullmaktigesNoticeIsOnTheAnslagstavlaUntilTheMeeting() throws Exception {
        for (String day : List.of("2024-06-05", "2024-06-10")) {
            today(day);
            JsonNode n = AnslagstavlaApiTest.notice(json(expect(200, anonymous("/api/anslagstavla"))), "kungorelse-" + KF);
            assertThat(n).as(day).isNotNull();
            assertThat(n.get("kind").asString()).isEqualTo("MEETING_NOTICE");
            assertThat(n.get("bodyName").asString()).isEqualTo("Kommunfullmäktige");
            assertThat(n.get("startsAt").asString()).isEqualTo("2024-06-10T18:00");
            assertThat(n.get("place").asString()).isEqualTo("Sessionssalen, Stadshuset");
            assertThat(n.get("postedOn").asString()).isEqualTo("2024-06-05");
            assertThat(n.get("takenDownOn").asString()).isEqualTo("2024-06-11");
            assertThat(n.get("late").asBoolean()).isTrue();
            assertThat(n.get("cases").get(0).get("title").asString()).isEqualTo("Upphandling av stolar till aulan");
            assertThat(n.get("cases").get(0).get("diarienummer").asString()).isEqualTo("KS-2024/00449");
            assertThat(n.get("cases").get(1).get("title").asString()).isEqualTo("Sekretess enligt OSL 19 kap. 1 §");
        }
        today("2024-06-11");
        assertThat(AnslagstavlaApiTest.notice(json(expect(200, anonymous("/api/anslagstavla"))), "kungorelse-" + KF)).isNull();
        assertThat(AnslagstavlaApiTest.notice(json(expect(200, anonymous("/api/anslagstavla/arkiv"))), "kungorelse-" + KF)).isNotNull();
    }

    @Test
    @Order(7)
    void theAgendaItemsBecomeTheProtocolsParagraphs() throws Exception {
        today("2024-06-10");
        problem(post("/api/meetings/" + KF + "/agenda/paragraphs", Map.of(), "sekreterare"), 409, "agenda-before-meeting");
        expect(200, post("/api/meetings/" + KF + "/state", Map.of("state", "HELD"), "sekreterare"));
        JsonNode agenda = json(expect(200, post("/api/meetings/" + KF + "/agenda/paragraphs", Map.of(), "sekreterare")));
        assertThat(agenda.get("items").get(0).get("paragraph").asInt()).isEqualTo(1);
        assertThat(agenda.get("items").get(2).get("paragraph").asInt()).isEqualTo(3);
        JsonNode meeting = json(expect(200, send("GET", "/api/meetings/" + KF, null, null, "sekreterare")));
        JsonNode p1 = meeting.get("paragraphs").get(0);
        assertThat(p1.get("number").asInt()).isEqualTo(1);
        assertThat(p1.get("caseNumber").asString()).isEqualTo("KS-2024/00449");
        assertThat(p1.get("title").asString()).isEqualTo("Upphandling av stolar till aulan");
        assertThat(p1.get("decisions").get(0).get("clauses").get(0).asString()).isEqualTo("godkänna förfrågningsunderlaget.");
        assertThat(p1.get("basis").get(0).asString()).isEqualTo("tjansteskrivelse.pdf");
        assertThat(meeting.get("paragraphs").get(1).get("secrecy").get(0).get("reference").asString()).isEqualTo("OSL 19 kap. 1 §");
        // drawing again draws nothing twice
        expect(200, post("/api/meetings/" + KF + "/agenda/paragraphs", Map.of(), "sekreterare"));
        assertThat(json(expect(200, send("GET", "/api/meetings/" + KF, null, null, "sekreterare"))).get("paragraphs").size()).isEqualTo(3);
    }

    @Test
    @Order(8)
    void aNamndFollowsItsConfiguredDaysAndAnOnTimeKallelseIsNotLate() throws Exception {
        today("2024-06-20");
        expect(201, post("/api/meetings", Map.of("bodyId", "ks-nau", "date", "2024-06-25"), "sekreterare"));
        expect(200, put("/api/meetings/ks-nau-2024-06-25/agenda", Map.of("items", List.of(
                item(null, "Information", List.of(), List.of(), null))), "sekreterare"));
        JsonNode agenda = json(expect(200, post("/api/meetings/ks-nau-2024-06-25/kallelse", Map.of("publishedOn", "2024-06-20"),
                "sekreterare")));
        assertThat(agenda.get("noticeDays").asInt()).isEqualTo(3);
        assertThat(agenda.get("kallelse").get("due").asString()).isEqualTo("2024-06-22");
        assertThat(agenda.get("kallelse").get("late").asBoolean()).isFalse();
        // a nämnd's meeting notice is not fullmäktige's: not on the anslagstavla
        assertThat(AnslagstavlaApiTest.notice(json(expect(200, anonymous("/api/anslagstavla"))), "kungorelse-ks-nau-2024-06-25")).isNull();
    }
}
