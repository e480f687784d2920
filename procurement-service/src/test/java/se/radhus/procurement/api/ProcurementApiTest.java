package se.radhus.procurement.api;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcurementApiTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("radhus.data-dir", Files.createTempDirectory("procurement-test").toString(),
                    "grpc.server.port", "${random.port}", "micronaut.server.port", "-1");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path));
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNewProcurementStartsInPlanningWhateverTheClientSays() throws Exception {
        HttpResponse<String> created = send("POST", "/api/procurements", """
                {"id":"23310","number":"23310","title":"Stolar Aula Maja Beskowskolan",
                 "caseNumber":"KS-2024/00449","state":"AWARDED"}""");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"state\":\"PLANNING\""), created.body());
        HttpResponse<String> got = send("GET", "/api/procurements/23310", null);
        assertTrue(got.body().contains("Maja Beskowskolan"));
    }

    @Test
    void theNumberIsUnique() throws Exception {
        assertEquals(201, send("POST", "/api/procurements", """
                {"id":"p-24115","number":"24115","title":"Serviceavtal telefoniplattform"}""").statusCode());
        HttpResponse<String> again = send("POST", "/api/procurements", """
                {"id":"other","number":"24115","title":"Samma nummer"}""");
        assertEquals(409, again.statusCode());
    }

    @Test
    void invalidAndUnknownAreProblems() throws Exception {
        HttpResponse<String> bad = send("POST", "/api/procurements", """
                {"id":"","number":"","title":""}""");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"field\":\"number\""), bad.body());
        HttpResponse<String> missing = send("GET", "/api/procurements/none", null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }

    @Test
    void contractsListIsAPage() throws Exception {
        HttpResponse<String> r = send("GET", "/api/contracts", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"items\":[]"), r.body());
    }
}
