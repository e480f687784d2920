package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Roles per endpoint, drafts hidden from the public, protected identities hidden from the unentitled. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
class SecurityApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestContext.register(registry);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    static String idOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    HttpResponse<String> send(String method, String path, String json, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        b.header("Content-Type", "application/json").method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void writesNeedATokenWithTheRightRole() throws Exception {
        String body = "{\"id\":\"sec-a\",\"name\":\"Nämnd A\"}";
        HttpResponse<String> anonymous = send("POST", "/api/bodies", body, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(send("POST", "/api/bodies", body, TestAuth.bearer("ekonom")).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/bodies", body, "Bearer not.a.token").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/bodies", body, TestAuth.bearer("registrator")).statusCode()).isEqualTo(201);
    }

    @Test
    void draftsAre404ToThePublicAndProtectedIdentitiesAreHidden() throws Exception {
        String registrator = TestAuth.bearer("registrator");
        send("POST", "/api/bodies", "{\"id\":\"sec-b\",\"name\":\"Nämnd B\",\"diariumPrefix\":\"SB\"}", registrator);
        String hemlig = idOf(send("POST", "/api/persons", "{\"name\":\"Hemlig Person\",\"protectedIdentity\":true}", registrator));
        String secretary = TestAuth.bearer("sekreterare");
        assertThat(send("POST", "/api/meetings", """
                {"bodyId":"sec-b","date":"2024-09-01","attendance":[{"name":"Ordf","role":"ORDFORANDE"},
                 {"personId":"%s","name":"Hemlig Person","role":"LEDAMOT"}],"adjusters":["Hemlig Person"]}""".formatted(hemlig), secretary).statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/api/meetings/sec-b-2024-09-01/paragraphs", """
                {"number":1,"title":"Ett ärende","decisions":[{"kind":"BESLUT","decidingBody":"Nämnd B","clauses":["besluta"]}],
                 "motions":[{"by":"Hemlig Person","type":"BIFALL","text":"Bifall"}]}""", secretary).statusCode()).isEqualTo(201);
        assertThat(send("GET", "/api/meetings/sec-b-2024-09-01", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/meetings/sec-b-2024-09-01/paragraphs/1/extract", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/meetings?bodyId=sec-b", null, null).body()).doesNotContain("sec-b-2024-09-01");
        assertThat(send("GET", "/api/meetings/sec-b-2024-09-01", null, TestAuth.bearer("handlaggare")).statusCode()).isEqualTo(200);

        assertThat(send("POST", "/api/meetings/sec-b-2024-09-01/justering",
                "{\"date\":\"2024-09-02\",\"signedBy\":[\"Ordf\",\"Hemlig Person\"]}", TestAuth.bearer("handlaggare")).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/meetings/sec-b-2024-09-01/justering",
                "{\"date\":\"2024-09-02\",\"signedBy\":[\"Ordf\",\"Hemlig Person\"]}", secretary).statusCode()).isEqualTo(200);
        HttpResponse<String> published = send("GET", "/api/meetings/sec-b-2024-09-01", null, null);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).doesNotContain("Hemlig Person").doesNotContain(hemlig).contains("Skyddad identitet");
        assertThat(send("GET", "/api/meetings/sec-b-2024-09-01/paragraphs/1/extract", null, null).body()).doesNotContain("Hemlig");
        assertThat(send("GET", "/api/persons", null, null).body()).doesNotContain("Hemlig");
        assertThat(send("GET", "/api/persons/" + hemlig, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/meetings/sec-b-2024-09-01", null, secretary).body()).contains("Hemlig Person");
    }

    @Test
    void thePublicListOfMeetingsHasFullPagesAndNoDrafts() throws Exception {
        String registrator = TestAuth.bearer("registrator");
        String secretary = TestAuth.bearer("sekreterare");
        send("POST", "/api/bodies", "{\"id\":\"sec-p\",\"name\":\"Nämnd P\"}", registrator);
        // five meetings: drafts on the 1st, 3rd and 5th; adjusted on the 2nd; one § adjusted at once on the 4th
        for (int day = 1; day <= 5; day++) {
            String id = "sec-p-2024-03-0" + day;
            assertThat(send("POST", "/api/meetings", "{\"bodyId\":\"sec-p\",\"date\":\"2024-03-0" + day
                    + "\",\"attendance\":[{\"name\":\"Ordf\",\"role\":\"ORDFORANDE\"}],\"adjusters\":[\"Ordf\"]}", secretary).statusCode()).isEqualTo(201);
            assertThat(send("POST", "/api/meetings/" + id + "/paragraphs", "{\"number\":" + day + ",\"title\":\"Ärende\",\"decisions\":"
                    + "[{\"kind\":\"BESLUT\",\"clauses\":[\"besluta\"]}]}", secretary).statusCode()).isEqualTo(201);
            if (day == 2) {
                assertThat(send("POST", "/api/meetings/" + id + "/justering", "{\"date\":\"2024-03-03\",\"signedBy\":[\"Ordf\"]}", secretary).statusCode()).isEqualTo(200);
            }
            if (day == 4) {
                assertThat(send("POST", "/api/meetings/" + id + "/paragraphs/4/justering", "{\"date\":\"2024-03-04\",\"signedBy\":[\"Ordf\"]}", secretary).statusCode()).isEqualTo(200);
            }
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        String token = "";
        do {
            HttpResponse<String> page = send("GET", "/api/meetings?bodyId=sec-p&pageSize=1&pageToken=" + token, null, null);
            assertThat(page.statusCode()).isEqualTo(200);
            var ids = java.util.regex.Pattern.compile("\"id\":\"(sec-p-[0-9-]+)\"").matcher(page.body()).results().map(r -> r.group(1)).toList();
            var next = java.util.regex.Pattern.compile("\"nextPageToken\":\"([^\"]*)\"").matcher(page.body());
            assertThat(next.find()).isTrue();
            token = next.group(1);
            assertThat(ids).as("a page is full: " + page.body()).hasSize(token.isEmpty() && ids.isEmpty() ? 0 : 1);
            seen.addAll(ids);
        } while (!token.isEmpty());
        assertThat(seen).containsExactly("sec-p-2024-03-02", "sec-p-2024-03-04");
        String all = send("GET", "/api/meetings?bodyId=sec-p&pageSize=100", null, secretary).body();
        assertThat(all).contains("sec-p-2024-03-01").contains("sec-p-2024-03-05");
        // a list gives summaries, never the protocols themselves
        assertThat(all).doesNotContain("\"paragraphs\"").doesNotContain("\"attendance\"")
                .contains("\"paragraphCount\"").contains("\"href\":\"/api/meetings/sec-p-2024-03-01\"");
    }

    @Test
    void theAuditTrailRecordsWritesAndIsForAdminOnly() throws Exception {
        send("POST", "/api/bodies", "{\"id\":\"sec-c\",\"name\":\"Nämnd C\"}", TestAuth.bearer("registrator"));
        assertThat(send("GET", "/api/audit/meetings", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/audit/meetings", null, TestAuth.bearer("registrator")).statusCode()).isEqualTo(403);
        HttpResponse<String> audit = send("GET", "/api/audit/meetings?pageSize=1000", null, TestAuth.bearer("admin"));
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("\"path\":\"/api/bodies\"").contains("\"subject\":\"test-registrator\"").contains("requestId");
    }
}
