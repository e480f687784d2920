package se.radhus.finance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppropriationApiTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("radhus.data-dir", Files.createTempDirectory("finance-test").toString(),
                    "grpc.server.port", "${random.port}", "micronaut.server.port", "-1");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("X-Request-Id", "req-42");
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createsAndReadsAnAppropriationWithSwedishDisplay() throws Exception {
        HttpResponse<String> created = send("POST", "/api/appropriations", """
                {"id":"ks-tillvaxt","name":"Kommunstyrelsens anslag för tillväxt","ownerBodyId":"ks",
                 "amounts":[{"year":2024,"amount":{"ore":147820000,"currency":"SEK"}},
                            {"year":2025,"amount":{"ore":300740000}}]}""");
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> got = send("GET", "/api/appropriations/ks-tillvaxt", null);
        assertEquals(200, got.statusCode());
        assertTrue(got.body().contains("\"display\":\"1 478 200 kr\""), got.body());
        assertTrue(got.body().contains("\"display\":\"3 007 400 kr\""), got.body());
        assertEquals("req-42", got.headers().firstValue("X-Request-Id").orElseThrow());
        HttpResponse<String> list = send("GET", "/api/appropriations", null);
        assertTrue(list.body().contains("\"nextPageToken\":\"\""), list.body());
    }

    @Test
    void invalidAppropriationNamesTheFields() throws Exception {
        HttpResponse<String> r = send("POST", "/api/appropriations", """
                {"id":"Bad Id","name":"","ownerBodyId":"ks",
                 "amounts":[{"year":2024,"amount":{"ore":100}},{"year":2024,"amount":{"ore":-5}}]}""");
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(r.body().contains("\"field\":\"id\"") && r.body().contains("\"field\":\"amounts\""), r.body());
    }

    @Test
    void aDuplicateIs409AndAnUnknownIs404() throws Exception {
        String json = """
                {"id":"ks-klimat","name":"Utvecklingsanslag klimatneutralitet","ownerBodyId":"ks","amounts":[]}""";
        assertEquals(201, send("POST", "/api/appropriations", json).statusCode());
        HttpResponse<String> again = send("POST", "/api/appropriations", json);
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("urn:radhus:problem:exists"));
        HttpResponse<String> missing = send("GET", "/api/appropriations/none", null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("urn:radhus:problem:not-found"));
    }

    @Test
    void malformedJsonAndUnknownPathsAreProblems() throws Exception {
        HttpResponse<String> bad = send("POST", "/api/appropriations", "{\"id\":");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("urn:radhus:problem:bad-request"), bad.body());
        HttpResponse<String> currency = send("POST", "/api/appropriations", """
                {"id":"x","name":"X","ownerBodyId":"ks","amounts":[{"year":2024,"amount":{"ore":1,"currency":"kronor"}}]}""");
        assertEquals(400, currency.statusCode());
        HttpResponse<String> nowhere = send("GET", "/api/nowhere", null);
        assertEquals(404, nowhere.statusCode());
        assertTrue(nowhere.body().contains("urn:radhus:problem:not-found"));
    }

    @Test
    void healthAnswers() throws Exception {
        assertEquals(200, send("GET", "/health/liveness", null).statusCode());
        assertEquals(200, send("GET", "/health/readiness", null).statusCode());
    }
}
