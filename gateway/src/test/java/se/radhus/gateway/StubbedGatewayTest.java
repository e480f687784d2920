package se.radhus.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway test against stub services: the gateway on a random port, its routes pointed at one set of
 * stubs for every test class of the module (started once, their event loops are daemon threads). Each test
 * looks for what it sent by its own paths, or counts what arrived before and after.
 */
abstract class StubbedGatewayTest {

    static final StubUpstreams UPSTREAMS = StubUpstreams.shared();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAMS.register(registry);
    }

    @LocalServerPort
    int port;

    /** A plain GET of the gateway, HTTP/1.1. */
    HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
}
