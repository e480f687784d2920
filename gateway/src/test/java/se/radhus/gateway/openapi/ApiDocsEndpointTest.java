package se.radhus.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The document's endpoints when a service does not answer (503 problem+json naming it), and the docs
 * page: public, its own strict policy, and no file of the webjar but the ones it loads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.security.issuer=http://gateway-test/dev", "radhus.dev-issuer.enabled=true",
        "radhus.openapi.sources.meetings.url=http://127.0.0.1:1/api/openapi/meetings"})
class ApiDocsEndpointTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aServiceThatDoesNotAnswerMakesTheDocument503NamingIt() throws Exception {
        for (String path : new String[]{"/api/openapi.json", "/api/openapi.yaml"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).contains("urn:radhus:problem:service-unavailable").contains("\"service\":\"meetings\"");
        }
    }

    @Test
    void theDocsPageIsPublicWithItsOwnPolicy() throws Exception {
        HttpResponse<String> page = get("/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/api/docs/swagger-ui-bundle.js").doesNotContain("http");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ApiDocsController.DOCS_CSP);
        assertThat(get("/api/docs/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        assertThat(get("/api/docs/docs.js").body()).contains("/api/openapi.json");
    }

    @Test
    void noOtherFileOfTheWebjar() throws Exception {
        HttpResponse<String> r = get("/api/docs/index.html");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("urn:radhus:problem:not-found");
        assertThat(get("/api/docs/swagger-initializer.js").statusCode()).isEqualTo(404);
    }
}
