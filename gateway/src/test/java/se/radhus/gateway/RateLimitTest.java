package se.radhus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.radhus.common.security.DevTokenIssuer;

/**
 * The edge's rate limit: a bucket of 3 requests per caller — per signed-in subject, per address for the
 * anonymous — refilled so slowly (one request per 1000 s) that no refill happens during the test. The
 * fourth request of a caller is 429 problem+json with Retry-After and never reaches the service; other
 * callers keep their own buckets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.dev-issuer.enabled=true", "radhus.security.issuer=http://gateway-test/dev",
        "radhus.rate-limit.per-second=0.001", "radhus.rate-limit.burst=3"})
class RateLimitTest extends StubbedGatewayTest {

    // HTTP/1.1 as the services' clients speak it (no h2c upgrade attempt on a request the gateway refuses
    // before reading its body)
    /** Not a time the test measures: a bound so that an exchange that never ends fails the test, not the build. */
    static final java.time.Duration HANG_UP = java.time.Duration.ofSeconds(30);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    DevTokenIssuer issuer;

    HttpResponse<String> get(String path, String subject) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(HANG_UP).GET();
        if (subject != null) {
            b.header("Authorization", "Bearer " + issuer.issue(subject, List.of("handlaggare"), 600));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachCallerHasItsOwnBucketAndTheOneOverItIs429() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/bodies", "alice").statusCode()).isEqualTo(200);
        }
        int reached = UPSTREAMS.meetings.received.size();
        int financeBefore = UPSTREAMS.finance.received.size();
        HttpResponse<String> refused = get("/api/appropriations", "alice");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = StubUpstreams.JSON.readValue(refused.body(), Map.class);
        assertThat(problem).containsEntry("type", "urn:radhus:problem:rate-limited").containsEntry("status", 429);
        assertThat(UPSTREAMS.finance.received).hasSize(financeBefore);
        assertThat(UPSTREAMS.meetings.received).hasSize(reached);

        // a new token for the same subject is the same caller; another subject, or no token, is not
        assertThat(get("/api/bodies", "alice").statusCode()).isEqualTo(429);
        assertThat(get("/api/bodies", "bob").statusCode()).isEqualTo(200);
        assertThat(get("/api/bodies", null).statusCode()).isEqualTo(200);
    }

    @Test
    void pathsOutsideTheApiAreNotCounted() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        }
    }
}
