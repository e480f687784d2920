package se.radhus.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the gateway not there at all, every page that needs it says so (503 in Swedish), none fails otherwise. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDownTest {

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int port = closed;
        registry.add("radhus.portal.api-url", () -> "http://127.0.0.1:" + port);
    }

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/anslagstavla", "/organ/ks", "/sammantraden/ks-nau-2024-05-21", "/arenden/KS-2024/00449",
            "/sok?q=budget", "/sok", "/upphandlingar", "/avtal", "/sammantraden/ks-nau-2024-05-21/protokoll.pdf"})
    void aPageWhoseApiIsDownIs503(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("<html lang=\"sv\">").contains("Tjänsten svarar inte just nu");
    }

    @org.junit.jupiter.api.Test
    void theAccessibilityStatementNeedsNoApi() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/tillganglighet")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Tillgänglighetsredogörelse");
    }
}
