package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * What the public sees of the diarium: a case only once a decision about it is adjusted. A case whose
 * decisions are all drafts, or that has none yet, is in no public list, and neither the pages nor their
 * tokens give it away; staff see every case. A token that was changed is a 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.grpc.server.port=0", "radhus.today=2024-06-01"})
class CaseListApiTest extends ApiTestBase {

    static final String FIVE = "[{\"name\":\"Ordf\",\"role\":\"ORDFORANDE\"},{\"name\":\"A\",\"role\":\"LEDAMOT\"},"
            + "{\"name\":\"B\",\"role\":\"LEDAMOT\"},{\"name\":\"C\",\"role\":\"LEDAMOT\"},{\"name\":\"D\",\"role\":\"LEDAMOT\"}]";

    /** Cases 1 and 5 have an adjusted decision; 2 only a draft (beside an adjusted § of its meeting), 3 none, 4 a draft meeting's. */
    static final List<String> PUBLIC = List.of("CL-2024/00001", "CL-2024/00005");
    static final List<String> ALL = List.of("CL-2024/00001", "CL-2024/00002", "CL-2024/00003", "CL-2024/00004", "CL-2024/00005");

    /** A request as {@code role}, or anonymous when it is null. */
    HttpResponse<String> as(String role, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (role != null) {
            b.header("Authorization", TestAuth.bearer(role));
        }
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return r;
    }

    static String para(int n, String caseNumber) {
        return "{\"number\":" + n + ",\"caseNumber\":\"" + caseNumber + "\",\"title\":\"Ärende " + n + "\",\"decisions\":[{\"kind\":\"BESLUT\","
                + "\"decidingBody\":\"Nämnden\",\"clauses\":[\"bifalla förslaget\"]}]}";
    }

    static boolean written;

    /** Once for the class (the context and its store live as long): the diarium and three meetings. */
    @BeforeEach
    void diarium() throws Exception {
        if (written) {
            return;
        }
        written = true;
        ok(as("admin", "POST", "/api/bodies", "{\"id\":\"cl\",\"name\":\"Caselistnämnden\",\"diariumPrefix\":\"CL\",\"seats\":5}"));
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> c = ok(as("registrator", "POST", "/api/cases",
                    "{\"bodyId\":\"cl\",\"title\":\"Ärende " + i + "\",\"registeredOn\":\"2024-05-01\"}"));
            assertThat(JSON.readTree(c.body()).get("number").asString()).isEqualTo(ALL.get(i - 1));
        }
        // 2024-05-21: § 1 (case 1) adjusted on its own, § 2 (case 2) still a draft
        ok(as("sekreterare", "POST", "/api/meetings", "{\"bodyId\":\"cl\",\"date\":\"2024-05-21\",\"attendance\":" + FIVE + ",\"adjusters\":[\"A\"]}"));
        ok(as("handlaggare", "POST", "/api/meetings/cl-2024-05-21/paragraphs", para(1, ALL.get(0))));
        ok(as("handlaggare", "POST", "/api/meetings/cl-2024-05-21/paragraphs", para(2, ALL.get(1))));
        ok(as("sekreterare", "POST", "/api/meetings/cl-2024-05-21/paragraphs/1/justering", "{\"date\":\"2024-05-21\",\"signedBy\":[\"Ordf\",\"A\"]}"));
        // 2024-05-28: § 3 (case 5), adjusted; 2024-05-30: § 4 (case 4), a draft meeting
        ok(as("sekreterare", "POST", "/api/meetings", "{\"bodyId\":\"cl\",\"date\":\"2024-05-28\",\"attendance\":" + FIVE + ",\"adjusters\":[\"A\"]}"));
        ok(as("handlaggare", "POST", "/api/meetings/cl-2024-05-28/paragraphs", para(3, ALL.get(4))));
        ok(as("sekreterare", "POST", "/api/meetings/cl-2024-05-28/justering", "{\"date\":\"2024-05-29\",\"signedBy\":[\"Ordf\",\"A\"]}"));
        ok(as("sekreterare", "POST", "/api/meetings", "{\"bodyId\":\"cl\",\"date\":\"2024-05-30\",\"attendance\":" + FIVE + ",\"adjusters\":[\"A\"]}"));
        ok(as("handlaggare", "POST", "/api/meetings/cl-2024-05-30/paragraphs", para(4, ALL.get(3))));
    }

    List<String> numbers(HttpResponse<String> r) throws Exception {
        List<String> out = new ArrayList<>();
        JSON.readTree(ok(r).body()).get("items").forEach(c -> {
            String n = c.get("number").asString();
            if (n.startsWith("CL-")) {
                out.add(n);
            }
        });
        return out;
    }

    @Test
    void thePublicListsOnlyCasesWithAnAdjustedDecisionAndStaffEveryCase() throws Exception {
        assertThat(numbers(as(null, "GET", "/api/cases?pageSize=1000", null))).isEqualTo(PUBLIC);
        for (String staff : new String[] {"registrator", "sekreterare", "handlaggare", "ekonom", "upphandlare", "admin"}) {
            assertThat(numbers(as(staff, "GET", "/api/cases?pageSize=1000", null))).as(staff).isEqualTo(ALL);
        }
        for (String hidden : new String[] {"CL-2024/00002", "CL-2024/00003", "CL-2024/00004"}) {
            HttpResponse<String> r = as(null, "GET", "/api/cases/" + hidden, null);
            assertThat(r.statusCode()).as(hidden).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain("Ärende");
            assertThat(as("registrator", "GET", "/api/cases/" + hidden, null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> one = ok(as(null, "GET", "/api/cases/CL-2024/00001", null));
        assertThat(one.body()).contains("\"paragraph\":1").doesNotContain("\"paragraph\":2");
    }

    @Test
    void thePublicsPagesAreFullAndTheirTokensNameNoCase() throws Exception {
        List<String> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            JsonNode page = JSON.readTree(ok(as(null, "GET", "/api/cases?pageSize=1&pageToken=" + token, null)).body());
            token = page.get("nextPageToken").asString();
            assertThat(page.get("items").size()).as("a hidden case leaves no short page").isEqualTo(token.isEmpty() && page.get("items").isEmpty() ? 0 : 1);
            page.get("items").forEach(c -> seen.add(c.get("number").asString()));
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain("CL-").doesNotContain("2024/");
            pages++;
        } while (!token.isEmpty() && pages < 100);
        assertThat(seen.stream().filter(n -> n.startsWith("CL-")).toList()).isEqualTo(PUBLIC);
    }

    @Test
    void aChangedOrMadeUpPageTokenIs400() throws Exception {
        String next = JSON.readTree(ok(as("registrator", "GET", "/api/cases?pageSize=1", null)).body()).get("nextPageToken").asString();
        assertThat(next).isNotEmpty();
        String changed = next.substring(0, 4) + (next.charAt(4) == 'A' ? 'B' : 'A') + next.substring(5);
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString("CL-2024/00002".getBytes(StandardCharsets.UTF_8));
        for (String token : new String[] {changed, plain, "not-a-token"}) {
            for (String role : new String[] {null, "registrator"}) {
                HttpResponse<String> r = as(role, "GET", "/api/cases?pageToken=" + token, null);
                assertThat(r.statusCode()).as(token + " " + r.body()).isEqualTo(400);
                assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
                assertThat(r.body()).contains("pageToken");
            }
        }
    }
}
