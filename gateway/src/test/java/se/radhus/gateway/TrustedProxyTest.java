package se.radhus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The anonymous caller's address behind a trusted proxy (here: the test itself, on 127.0.0.1) is the last
 * X-Forwarded-For address that is not a trusted proxy; each such address has its own bucket of 2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.dev-issuer.enabled=true", "radhus.security.issuer=http://gateway-test/dev", "radhus.rate-limit.per-second=0.001",
        "radhus.rate-limit.burst=2",
        "radhus.rate-limit.trusted-proxies=127.0.0.1/32, 10.0.0.0/8"})
class TrustedProxyTest extends StubbedGatewayTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    int statusVia(String forwardedFor) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/bodies"))
                .timeout(java.time.Duration.ofSeconds(30)).GET();
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return HTTP.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void eachForwardedClientHasItsOwnBucketAndTrustedHopsAreSkipped() throws Exception {
        assertThat(statusVia("203.0.113.5")).isEqualTo(200);
        assertThat(statusVia("203.0.113.5")).isEqualTo(200);
        assertThat(statusVia("203.0.113.5")).isEqualTo(429);
        // another client behind the same proxy
        assertThat(statusVia("203.0.113.6")).isEqualTo(200);
        // what a client wrote first is not taken: the last untrusted hop is (10.1.2.3 is a proxy of ours)
        assertThat(statusVia("198.51.100.1, 203.0.113.6, 10.1.2.3")).isEqualTo(200);
        assertThat(statusVia("198.51.100.2, 203.0.113.6")).isEqualTo(429);
    }

    /** A page's visitor, as the gateway takes it, reaches the portal, and nothing else a client wrote. */
    @Test
    void thePortalIsToldTheVisitorTheGatewayTookNotWhatTheClientWrote() throws Exception {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sok?q=visitor-behind-proxy"))
                .timeout(java.time.Duration.ofSeconds(30)).header("X-Forwarded-For", "198.51.100.1, 203.0.113.9, 10.1.2.3").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(UPSTREAMS.portal.received.stream().filter(x -> x.uri().equals("/sok?q=visitor-behind-proxy")).findFirst()
                .orElseThrow().forwardedFor()).isEqualTo("203.0.113.9");
    }
}
