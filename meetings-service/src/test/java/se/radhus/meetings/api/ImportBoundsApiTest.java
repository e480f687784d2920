package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * What an import may cost and what it lands: many paragraphs in one write, caps refused with 413 and a
 * detail, a PDF whose pages share one huge compressed stream refused before its text is read, the
 * meeting's date from the text or from date=, and a refused import that leaves nothing for its retry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.grpc.server.port=0", "radhus.diarium.forms=SLK=PREFIX-YYYY-NNNNN,MS=NNNNN/YYYY"})
class ImportBoundsApiTest extends ApiTestBase {

    HttpResponse<String> post(String query, byte[] body, String type) throws Exception {
        return send("POST", "/api/imports?" + query, type, body, "sekreterare");
    }

    int status(String path) throws Exception {
        return send("GET", path, null, null, "admin").statusCode();
    }

    @BeforeEach
    void bodies() throws Exception {
        for (String id : new String[] {"bn", "big", "over", "pdf", "dated", "undated", "retry", "held", "gbg", "mdl"}) {
            send("POST", "/api/bodies", "application/json", JSON.writeValueAsBytes(Map.of("id", id, "name", "Byggnadsnämnden",
                    "diariumPrefix", id.equals("gbg") ? "SLK" : id.equals("mdl") ? "MS" : "BN")), "admin");
        }
    }

    /** A protocol of {@code n} paragraphs from § {@code first}, with a dated page header unless {@code date} is null. */
    static byte[] protocol(String date, int first, int n) {
        StringBuilder b = new StringBuilder();
        if (date != null) {
            b.append("Byggnadsnämnden ").append(date).append(" Sida 1 av 1\n\n");
        }
        for (int i = 0; i < n; i++) {
            b.append("§ ").append(first + i).append("\n\nDnr BN-2024/").append(String.format("%05d", i + 1))
                    .append("\n\nBygglov nummer ").append(i + 1).append("\n\nByggnadsnämnden beslutar\n\natt bevilja bygglov.\n\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twoThousandParagraphsLandInOneImportAndOneMoreIsRefused() throws Exception {
        HttpResponse<String> r = post("bodyId=big", protocol("2024-03-01", 1, 2_000), "text/plain");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(JSON.readTree(r.body()).get("paragraphs").asInt()).isEqualTo(2_000);
        HttpResponse<String> over = post("bodyId=over", protocol("2024-03-01", 1, 2_001), "text/plain");
        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(over.body()).contains("2001 paragraphs").contains("at most 2000");
        assertThat(status("/api/meetings/over-2024-03-01")).isEqualTo(404);
    }

    @Test
    void aPdfOfTooManyPagesOrWhosePagesShareOneHugeStreamIsRefused() throws Exception {
        // 120 pages that all draw the same stream of 1 MB decompressed: 120 MB of content from a small file
        byte[] bomb;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDStream shared = new PDStream(doc);
            try (OutputStream s = shared.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] line = "0 0 m 1 1 l S\n".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 1024 * 1024 / line.length; i++) {
                    s.write(line);
                }
            }
            for (int i = 0; i < 120; i++) {
                PDPage page = new PDPage();
                page.setContents(shared);
                doc.addPage(page);
            }
            doc.save(out);
            bomb = out.toByteArray();
        }
        assertThat(bomb.length).isLessThan(1024 * 1024);
        HttpResponse<String> r = post("bodyId=pdf&date=2024-03-01", bomb, "application/pdf");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.body()).contains("once decompressed");

        byte[] many;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 501; i++) {
                doc.addPage(new PDPage());
            }
            doc.save(out);
            many = out.toByteArray();
        }
        HttpResponse<String> pages = post("bodyId=pdf&date=2024-03-01", many, "application/pdf");
        assertThat(pages.statusCode()).isEqualTo(413);
        assertThat(pages.body()).contains("501 pages").contains("at most 500");
        assertThat(status("/api/meetings/pdf-2024-03-01")).isEqualTo(404);
    }

    @Test
    void theDateIsThePrintedOneOrDateWhereNoneIsPrinted() throws Exception {
        HttpResponse<String> disagree = post("bodyId=dated&date=2024-03-02", protocol("2024-03-01", 1, 1), "text/plain");
        assertThat(disagree.statusCode()).isEqualTo(400);
        assertThat(disagree.body()).contains("prints its meeting date 2024-03-01").contains("date=2024-03-02");
        HttpResponse<String> none = post("bodyId=undated", protocol(null, 1, 1), "text/plain");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("prints no meeting date").contains("no date= was given");
        assertThat(post("bodyId=undated&date=1%20mars", protocol(null, 1, 1), "text/plain").statusCode()).isEqualTo(400);
        HttpResponse<String> given = post("bodyId=undated&date=2024-03-05", protocol(null, 1, 1), "text/plain");
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        assertThat(JSON.readTree(given.body()).get("meetingId").asString()).isEqualTo("undated-2024-03-05");
        HttpResponse<String> same = post("bodyId=dated&date=2024-03-01", protocol("2024-03-01", 1, 1), "text/plain");
        assertThat(same.statusCode()).as(same.body()).isEqualTo(201);
    }

    @Test
    void aRefusedImportLeavesNothingAndItsRetryWorks() throws Exception {
        // § 5-6 of "held" 2024 belong to another meeting already: the second protocol cannot land whole
        assertThat(post("bodyId=held", protocol("2024-02-01", 5, 2), "text/plain").statusCode()).isEqualTo(201);
        HttpResponse<String> clash = post("bodyId=held", protocol("2024-03-01", 4, 3), "text/plain");
        assertThat(clash.statusCode()).as(clash.body()).isEqualTo(409);
        assertThat(clash.body()).contains("§ 5 of held 2024 is held by another meeting").contains("partial=true");
        assertThat(status("/api/meetings/held-2024-03-01")).isEqualTo(404);
        // with partial=true the free § lands, and the ones held elsewhere are listed
        HttpResponse<String> partly = post("bodyId=held&partial=true", protocol("2024-03-01", 4, 3), "text/plain");
        assertThat(partly.statusCode()).as(partly.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(partly.body());
        assertThat(answer.get("paragraphs").asInt()).isEqualTo(1);
        assertThat(answer.get("notImported")).hasSize(2);

        // a protocol refused for a § that cannot be read is imported once it is fixed
        byte[] broken = new String(protocol("2024-04-01", 1, 2), StandardCharsets.UTF_8).replace("Bygglov nummer 2\n\n", "")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = post("bodyId=retry", broken, "text/plain");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing was imported").contains("§ 2 not added");
        assertThat(status("/api/meetings/retry-2024-04-01")).isEqualTo(404);
        HttpResponse<String> fixed = post("bodyId=retry", protocol("2024-04-01", 1, 2), "text/plain");
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(201);
        assertThat(JSON.readTree(fixed.body()).get("paragraphs").asInt()).isEqualTo(2);
        assertThat(post("bodyId=retry", protocol("2024-04-01", 1, 2), "text/plain").statusCode()).as("the same meeting twice").isEqualTo(409);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null, "registrator");
    }

    @Test
    void importedNumbersAreKeptAsPrintedFoundInAnySpellingAndNewOnesFollowTheRegistrysForm() throws Exception {
        String text = "Kommunstyrelsen\n\nProtokoll nr 14\nSammanträdesdatum: 2024-05-08\n\n§ 379 Ärendenummer SLK-2024-00062\n"
                + "Val av justerare\nBeslut\n\nHampus Magnusson (M) utses att justera dagens protokoll.\n\n"
                + "§ 380 Diarienummer 00190/20241.1.1.\nÅrsredovisning 2023\nBeslut\nÅrsredovisningen godkänns.\n\n"
                + "§ 381 Diarienummer 78990\nFörändring av ärendelistan\nBeslut\nÄrendelistan fastställs.\n";
        HttpResponse<String> r = post("bodyId=gbg", text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode meeting = JSON.readTree(get("/api/meetings/gbg-2024-05-08").body());
        assertThat(meeting.get("paragraphs").get(0).get("caseNumber").asString()).isEqualTo("SLK-2024-00062");
        assertThat(meeting.get("paragraphs").get(1).get("caseNumber").asString()).isEqualTo("00190/2024");
        assertThat(meeting.get("paragraphs").get(2).get("caseNumber").asString()).isEqualTo("78990");
        for (String spelling : new String[] {"SLK-2024-00062", "slk%202024-62", "SLK%E2%80%902024%E2%80%9062"}) {
            HttpResponse<String> c = get("/api/cases/" + spelling);
            assertThat(c.statusCode()).as(spelling + ": " + c.body()).isEqualTo(200);
            assertThat(c.body()).contains("SLK-2024-00062");
        }
        assertThat(get("/api/cases/190/2024").statusCode()).isEqualTo(200);
        assertThat(get("/api/cases/00190/2024").statusCode()).isEqualTo(200);
        assertThat(get("/api/cases/78990").statusCode()).isEqualTo(200);
        assertThat(get("/api/cases/SLK-2024-00063").statusCode()).isEqualTo(404);
        assertThat(get("/api/cases/inget-nummer").statusCode()).isEqualTo(400);
        // a new case of the Göteborg registry follows its form, past the imported numbers
        for (String[] body : new String[][] {{"gbg", "SLK-2024-00063"}, {"mdl", "00001/2024"}}) {
            HttpResponse<String> created = send("POST", "/api/cases", "application/json", JSON.writeValueAsBytes(Map.of("bodyId", body[0],
                    "title", "Nytt ärende", "registeredOn", "2024-06-01")), "registrator");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).get("number").asString()).isEqualTo(body[1]);
        }
    }
}
