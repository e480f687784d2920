package se.radhus.meetings.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The service on a random port with its own store folder and test tokens, and one way to call it. */
abstract class ApiTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestContext.register(registry);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    /** A request as a user with {@code role}; a body is sent with its content type, or none. */
    HttpResponse<String> send(String method, String path, String type, byte[] body, String role) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestAuth.bearer(role));
        if (body != null) {
            b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
