package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed protocol (KS NAU 2024-05-21, § 177-190) entered through the REST API from the seed's data and
 * read back equal; then adjusted and posted, after which every write is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedMeetingApiTest {

    static final Path SEED = Path.of("../seed/ks-nau-2024-05-21.json");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestContext.register(registry);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestAuth.bearer("admin"));
        if (body != null) {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The seed without its effects: carrying them out needs finance and procurement (the system tests do). */
    static JsonNode seed() throws Exception {
        JsonNode seed = JSON.readTree(Files.readString(SEED));
        for (JsonNode p : seed.get("paragraphs")) {
            ((tools.jackson.databind.node.ObjectNode) p).remove("effects");
        }
        return seed;
    }

    @Test
    @Order(1)
    void theWholeSeedMeetingIsEnteredAndReadBackEqual() throws Exception {
        JsonNode seed = seed();
        for (JsonNode body : seed.get("bodies")) {
            assertThat(send("POST", "/api/bodies", body).statusCode()).isEqualTo(201);
        }
        for (JsonNode person : seed.get("persons")) {
            assertThat(send("POST", "/api/persons", person).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> planned = send("POST", "/api/meetings", seed.get("meeting"));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String id = JSON.readTree(planned.body()).get("id").asString();
        assertThat(id).isEqualTo("ks-nau-2024-05-21");

        for (JsonNode p : seed.get("paragraphs")) {
            HttpResponse<String> next = send("GET", "/api/meetings/" + id + "/paragraphs/next", null);
            if (p.get("number").asInt() > 177) {
                assertThat(JSON.readTree(next.body()).get("next").asInt()).isEqualTo(p.get("number").asInt());
            }
            HttpResponse<String> added = send("POST", "/api/meetings/" + id + "/paragraphs", p);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        }

        JsonNode protocol = JSON.readTree(send("GET", "/api/meetings/" + id, null).body());
        assertThat(protocol.get("state").asString()).isEqualTo("PROTOCOL_DRAFT");
        JsonNode paragraphs = protocol.get("paragraphs");
        assertThat(paragraphs.size()).isEqualTo(14);
        for (int i = 0; i < 14; i++) {
            JsonNode expected = seed.get("paragraphs").get(i);
            JsonNode actual = paragraphs.get(i);
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                assertThat(actual.get(field.getKey())).as("§ %s %s", expected.get("number"), field.getKey())
                        .isEqualTo(field.getValue());
            }
        }
        // the officials and the paragraphs they attended
        JsonNode urban = find(protocol.get("attendance"), "Urban Helmersson");
        assertThat(urban.get("paragraphs").get("from").asInt()).isEqualTo(178);
        assertThat(urban.get("paragraphs").get("to").asInt()).isEqualTo(180);
        assertThat(find(protocol.get("attendance"), "Malin Blom").get("title").asString()).isEqualTo("redovisningschef");
        // § 185's motions and voting order
        JsonNode p185 = paragraphs.get(8);
        assertThat(p185.get("motions").size()).isEqualTo(3);
        assertThat(p185.get("motions").get(1).get("party").asString()).isEqualTo("M");
        assertThat(p185.get("votingOrder").get(0).asString()).contains("mot bifall till motionen");
    }

    static JsonNode find(JsonNode attendance, String name) {
        for (JsonNode a : attendance) {
            if (a.get("name").asString().equals(name)) {
                return a;
            }
        }
        throw new AssertionError(name + " not in attendance");
    }

    @Test
    @Order(2)
    void theCasesAreInTheDiariumWithTheirHistory() throws Exception {
        HttpResponse<String> c = send("GET", "/api/cases/KS-2024/00449", null);
        assertThat(c.statusCode()).as(c.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(c.body());
        assertThat(view.get("number").asString()).isEqualTo("KS-2024/00449");
        assertThat(view.get("history").get(0).get("paragraph").asInt()).isEqualTo(179);
        // the spelling of a real protocol finds it too
        assertThat(send("GET", "/api/cases/KS%202024/449", null).statusCode()).isEqualTo(200);
        HttpResponse<String> bad = send("GET", "/api/cases/KS-24/449", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("KS-2024/00449");
    }

    @Test
    @Order(3)
    void numberingGapsAndReuseAreRefused() throws Exception {
        JsonNode seed = seed();
        String p = JSON.writeValueAsString(seed.get("paragraphs").get(13)).replace("\"number\":190", "\"number\":192");
        HttpResponse<String> gap = send("POST", "/api/meetings/ks-nau-2024-05-21/paragraphs", p);
        assertThat(gap.statusCode()).isEqualTo(409);
        assertThat(gap.body()).contains("paragraph-number-gap").contains("§ 191");
        HttpResponse<String> reuse = send("POST", "/api/meetings/ks-nau-2024-05-21/paragraphs", seed.get("paragraphs").get(3));
        assertThat(reuse.statusCode()).isEqualTo(409);
    }

    @Test
    @Order(4)
    void justeringThenAnslagGiveTheAppealDeadline() throws Exception {
        JsonNode seed = seed();
        HttpResponse<String> incomplete = send("POST", "/api/meetings/ks-nau-2024-05-21/justering",
                Map.of("date", "2024-05-23", "signedBy", List.of("Hans Lindberg")));
        assertThat(incomplete.statusCode()).isEqualTo(409);
        assertThat(incomplete.body()).contains("Anders Ågren");
        HttpResponse<String> adjusted = send("POST", "/api/meetings/ks-nau-2024-05-21/justering", seed.get("justering"));
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(200);
        HttpResponse<String> posted = send("POST", "/api/meetings/ks-nau-2024-05-21/anslag", seed.get("anslag"));
        assertThat(posted.statusCode()).isEqualTo(200);
        JsonNode p = JSON.readTree(posted.body());
        assertThat(p.get("appealDeadline").asString()).isEqualTo("2024-06-14");
        assertThat(p.get("warnings").size()).isZero();
    }

    @Test
    @Order(5)
    void everyWriteAfterJusteringIsRefusedNamingTheRule() throws Exception {
        JsonNode seed = seed();
        String id = "ks-nau-2024-05-21";
        String next = JSON.writeValueAsString(seed.get("paragraphs").get(13)).replace("\"number\":190", "\"number\":191");
        List<HttpResponse<String>> writes = List.of(
                send("POST", "/api/meetings/" + id + "/paragraphs", next),
                send("PUT", "/api/meetings/" + id + "/paragraphs/181", seed.get("paragraphs").get(4)),
                send("POST", "/api/meetings/" + id + "/justering", seed.get("justering")),
                send("POST", "/api/meetings/" + id + "/paragraphs/181/justering", seed.get("justering")),
                send("POST", "/api/meetings/" + id + "/state", Map.of("state", "HELD")));
        for (HttpResponse<String> w : writes) {
            assertThat(w.statusCode()).as(w.body()).isEqualTo(409);
            assertThat(w.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(w.body()).contains("protocol-adjusted");
        }
    }

    @Test
    @Order(6)
    void theExtractOfAnAdjustedParagraphIsCertified() throws Exception {
        HttpResponse<String> json = send("GET", "/api/meetings/ks-nau-2024-05-21/paragraphs/181/extract", null);
        assertThat(JSON.readTree(json.body()).get("certified").asBoolean()).isTrue();
        HttpRequest text = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/meetings/ks-nau-2024-05-21/paragraphs/181/extract")).header("Accept", "text/plain").build();
        String body = http.send(text, HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).contains("§ 181").contains("Diarienr: KS-2024/00361").contains("att bevilja North Sweden")
                .contains("Utdraget bestyrks");
    }

    JsonNode search(String q) throws Exception {
        return JSON.readTree(send("GET", "/api/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), null).body());
    }

    @Test
    @Order(8)
    void swedishFullTextSearchFindsTheAdjustedParagraphs() throws Exception {
        assertThat(search("upphandling laboratorietjänster").get("items").get(0).get("paragraph").asInt()).isEqualTo(178);
        assertThat(search("skyddade personuppgifter").get("items").get(0).get("paragraph").asInt()).isEqualTo(187);
        JsonNode stemmed = search("upphandlingar");
        java.util.List<Integer> found = new java.util.ArrayList<>();
        stemmed.get("items").forEach(i -> found.add(i.get("paragraph").asInt()));
        assertThat(found).contains(178, 179, 180);
        JsonNode exact = search("Dnr KS\u20102024/449");
        assertThat(exact.get("total").asInt()).isEqualTo(1);
        assertThat(exact.get("items").get(0).get("paragraph").asInt()).isEqualTo(179);
        JsonNode first = search("upphandling laboratorietjänster");
        assertThat(first.get("items").get(0).get("snippets").toString()).contains("<em>");
        assertThat(first.get("facets").get("body").get("ks-nau").asInt()).isEqualTo(first.get("total").asInt());
        JsonNode paged = JSON.readTree(send("GET", "/api/search?q=upphandling&pageSize=2", null).body());
        assertThat(paged.get("items").size()).isEqualTo(2);
        assertThat(paged.get("nextPageToken").asString()).isNotEmpty();
        assertThat(send("GET", "/api/search?q=", null).statusCode()).isEqualTo(400);
        assertThat(search("((( AND OR").get("total")).isNotNull();
    }

    @Test
    @Order(9)
    void theProtocolDocumentComesAsHtmlOrPdf() throws Exception {
        HttpRequest html = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/meetings/ks-nau-2024-05-21/protocol"))
                .header("Accept", "text/html").build();
        String page = http.send(html, HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("<h1>Sammanträdesprotokoll</h1>").contains("§ 181").contains("Diarienr: KS-2024/00361")
                .contains("att bevilja North Sweden Stockholm Office").contains("Urban Helmersson, upphandlingschef, § 178-180")
                .contains("Justerat 2024-05-23: Hans Lindberg, Anders Ågren").contains("2024-06-14");
        HttpRequest pdf = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/meetings/ks-nau-2024-05-21/protocol"))
                .header("Accept", "application/pdf").build();
        HttpResponse<byte[]> r = http.send(pdf, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(r.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            assertThat(text).contains("Sida 1 av " + doc.getNumberOfPages()).contains("§ 187")
                    .contains("Revisionsrapport: Granskning av kommunens hantering av skyddade personuppgifter");
        }
    }

    HttpResponse<String> importText(String bodyId, byte[] body, String type) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports?bodyId=" + bodyId))
                .header("Authorization", TestAuth.bearer("sekreterare")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(10)
    void theSeedTextImportsAsADraftMeetingOfAnotherBody() throws Exception {
        send("POST", "/api/bodies", Map.of("id", "ks-nau-import", "name", "Importnämnden", "diariumPrefix", "KS"));
        HttpResponse<String> r = importText("ks-nau-import", Files.readAllBytes(Path.of("../testdata/seed/ks-nau-2024-05-21.txt")), "text/plain");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode result = JSON.readTree(r.body());
        assertThat(result.get("paragraphs").asInt()).isEqualTo(14);
        assertThat(result.get("warnings").size()).isZero();
        JsonNode imported = JSON.readTree(send("GET", "/api/meetings/ks-nau-import-2024-05-21", null).body());
        JsonNode seed = seed();
        for (int i = 0; i < 14; i++) {
            JsonNode expected = seed.get("paragraphs").get(i);
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                assertThat(imported.get("paragraphs").get(i).get(field.getKey())).as("§ %s %s", expected.get("number"), field.getKey())
                        .isEqualTo(field.getValue());
            }
        }
        // importing the same protocol again is refused, and doubles nothing
        HttpResponse<String> twice = importText("ks-nau-import", Files.readAllBytes(Path.of("../testdata/seed/ks-nau-2024-05-21.txt")), "text/plain");
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
        assertThat(JSON.readTree(send("GET", "/api/meetings/ks-nau-import-2024-05-21", null).body()).get("paragraphs").size()).isEqualTo(14);
        // the rendered protocol (PDF) imports back to the same paragraphs: the round trip
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/meetings/ks-nau-import-2024-05-21/protocol")).header("Accept", "application/pdf")
                .header("Authorization", TestAuth.bearer("sekreterare")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        send("POST", "/api/bodies", Map.of("id", "ks-nau-rt", "name", "Kommunstyrelsens näringslivs- och arbetsutskott", "diariumPrefix", "KS"));
        HttpResponse<String> again = importText("ks-nau-rt", pdf.body(), "application/pdf");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(JSON.readTree(again.body()).get("warnings").size()).as(again.body()).isZero();
        JsonNode roundTrip = JSON.readTree(send("GET", "/api/meetings/ks-nau-rt-2024-05-21", null).body());
        for (int i = 0; i < 14; i++) {
            JsonNode expected = seed.get("paragraphs").get(i);
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                assertThat(roundTrip.get("paragraphs").get(i).get(field.getKey())).as("round trip § %s %s", expected.get("number"), field.getKey())
                        .isEqualTo(field.getValue());
            }
        }
    }

    @Test
    @Order(11)
    void badFilesAreRefusedClearly() throws Exception {
        assertThat(importText("kf", new byte[0], "text/plain").statusCode()).isEqualTo(400);
        HttpResponse<String> notAProtocol = importText("kf", "Inköpslista: mjölk, bröd".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
        assertThat(notAProtocol.statusCode()).isEqualTo(400);
        assertThat(notAProtocol.body()).contains("not a protocol");
        assertThat(importText("kf", new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE}, "application/octet-stream").statusCode()).isEqualTo(400);
        assertThat(importText("kf", "%PDF-broken".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "application/pdf").statusCode()).isEqualTo(400);
        assertThat(importText("kf", new byte[6 * 1024 * 1024], "text/plain").statusCode()).isEqualTo(413);
        byte[] seedText = Files.readAllBytes(Path.of("../testdata/seed/ks-nau-2024-05-21.txt"));
        HttpRequest.Builder anonymous = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports?bodyId=kf"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(seedText));
        assertThat(http.send(anonymous.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(anonymous.header("Authorization", TestAuth.bearer("ekonom")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/meetings/kf-2024-05-21", null).statusCode()).as("nothing imported").isEqualTo(404);
        // a § the meeting cannot take (here: one without a title) refuses the whole import, which leaves nothing
        String bad = "Kommunfullmäktige 2025-03-12 Sida 1 av 1\n\n§ 14\n\nDnr KF-2025/00001\n\nTaxa\n\nKommunfullmäktige beslutar\n\n"
                + "att anta taxan.\n\n§ 15\n\nDnr KF-2025/00002\n\nKommunfullmäktige beslutar\n\natt anta avgiften.\n";
        HttpResponse<String> refused = importText("kf", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("notImported").get(0).asString()).startsWith("§ 15 not added: ");
        assertThat(send("GET", "/api/meetings/kf-2025-03-12", null).statusCode()).as("nothing imported").isEqualTo(404);
        // with partial=true the rest lands, and the § left out is listed; the retry is not refused as a duplicate
        HttpResponse<String> partly = importText("kf&partial=true", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/plain; charset=utf-8");
        assertThat(partly.statusCode()).as(partly.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(partly.body());
        assertThat(answer.get("paragraphs").asInt()).isEqualTo(1);
        assertThat(answer.get("notImported").get(0).asString()).startsWith("§ 15 not added: ");
        assertThat(JSON.readTree(send("GET", "/api/meetings/kf-2025-03-12", null).body()).get("paragraphs").get(0).get("title").asString())
                .isEqualTo("Taxa");
    }

    @Test
    @Order(7)
    void aHundredConcurrentRegistrationsGetAHundredConsecutiveNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            calls.add(pool.submit(() -> send("POST", "/api/cases",
                    Map.of("bodyId", "kf", "title", "Ärende " + n, "registeredOn", "2025-02-01"))));
        }
        Set<Integer> numbers = new HashSet<>();
        for (Future<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            String number = JSON.readTree(r.body()).get("number").asString();
            assertThat(number).startsWith("KF-2025/");
            numbers.add(Integer.parseInt(number.substring(8)));
        }
        pool.shutdown();
        assertThat(numbers).hasSize(100);
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList());
    }
}
