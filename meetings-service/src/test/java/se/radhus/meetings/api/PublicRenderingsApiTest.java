package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An adjusted protocol's public renderings are made once and revalidated by ETag: the same bytes and ETag
 * while nothing changes, 304 for If-None-Match, and a new rendering (with a new ETag) once a person named
 * in it is registered with protected identity. Entitled callers never get the kept public rendering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
class PublicRenderingsApiTest {

    static final String MEETING = "pr-2024-10-01";
    static final String NAME = "Karin Lundqvist";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("radhus.data-dir", () -> dataDir.toString());
        TestAuth.register(registry);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(String method, String path, String json, String role, String accept, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (role != null) {
            b.header("Authorization", TestAuth.bearer(role));
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        b.header("Content-Type", "application/json").method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> read(String path, String accept, String ifNoneMatch) throws Exception {
        return send("GET", path, null, null, accept, ifNoneMatch);
    }

    static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void keptWhileNothingChangesAndMadeAgainWhenSomeoneNamedGainsProtection() throws Exception {
        assertThat(send("POST", "/api/bodies", "{\"id\":\"pr\",\"name\":\"Prövningsnämnden\",\"diariumPrefix\":\"PR\"}", "registrator", null, null)
                .statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/meetings", """
                {"bodyId":"pr","date":"2024-10-01","attendance":[{"name":"Ordf Ordförande","role":"ORDFORANDE"},
                 {"name":"%s","party":"S","role":"LEDAMOT"}],"adjusters":["Ordf Ordförande"]}""".formatted(NAME), "sekreterare", null, null)
                .statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/meetings/" + MEETING + "/paragraphs", """
                {"number":1,"caseNumber":"PR-2024/00001","title":"Bidrag","decisions":[{"kind":"BESLUT","clauses":["bevilja bidraget"]}],
                 "description":"%s (S) föredrar ärendet."}""".formatted(NAME), "sekreterare", null, null).statusCode()).isEqualTo(201);
        String path = "/api/meetings/" + MEETING;
        // a draft is never kept for the public: it is not theirs to see
        assertThat(read(path, null, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", path + "/justering", "{\"date\":\"2024-10-03\",\"signedBy\":[\"Ordf Ordförande\"]}", "sekreterare", null, null)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> first = read(path, null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains(NAME);
        assertThat(etag(first)).matches("\"[0-9a-f]{32}\"");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache").contains("public").doesNotContain("immutable");
        HttpResponse<String> again = read(path, null, null);
        assertThat(etag(again)).isEqualTo(etag(first));
        assertThat(again.body()).isEqualTo(first.body());
        HttpResponse<String> notModified = read(path, null, etag(first));
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();

        HttpResponse<String> html = read(path + "/protocol", "text/html", null);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains(NAME);
        assertThat(read(path + "/protocol", "text/html", etag(html)).statusCode()).isEqualTo(304);
        HttpResponse<String> pdf = read(path + "/protocol", "application/pdf", null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(read(path + "/protocol", "application/pdf", etag(pdf)).statusCode()).isEqualTo(304);

        // the entitled get the meeting made for them, with its version as ETag, never kept for a shared cache
        HttpResponse<String> entitled = send("GET", path, null, "sekreterare", null, null);
        assertThat(etag(entitled)).matches("\"[0-9]+\"");
        assertThat(entitled.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");

        // someone named in the protocol is registered with protected identity: the kept renderings are stale
        assertThat(send("POST", "/api/persons", "{\"name\":\"" + NAME + "\",\"party\":\"S\",\"protectedIdentity\":true}", "registrator", null, null)
                .statusCode()).isEqualTo(201);
        HttpResponse<String> after = read(path, null, etag(first));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).doesNotContain(NAME).doesNotContain("Lundqvist");
        assertThat(etag(after)).isNotEqualTo(etag(first));
        HttpResponse<String> htmlAfter = read(path + "/protocol", "text/html", etag(html));
        assertThat(htmlAfter.statusCode()).isEqualTo(200);
        assertThat(htmlAfter.body()).doesNotContain("Lundqvist");
        assertThat(send("GET", path, null, "sekreterare", null, null).body()).contains(NAME);
    }
}
