package se.radhus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A service slower than the gateway's response timeout: the connection pool's own timeout ends the call (the
 * circuit breaker adds no time limiter of its own), and the caller gets the route's 503 problem naming the
 * service, with Retry-After; a prompt answer on the same route is unaffected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.dev-issuer.enabled=true", "radhus.security.issuer=http://gateway-test/dev",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=100ms"})
class UpstreamTimeoutTest extends StubbedGatewayTest {

    @Test
    void aServiceSlowerThanTheResponseTimeoutIsAnsweredAsUnavailable() throws Exception {
        HttpResponse<String> slow = get("/api/bodies/slow");
        assertThat(slow.statusCode()).as(slow.body()).isEqualTo(503);
        assertThat(slow.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(slow.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(slow.body()).contains("\"service\":\"meetings\"");
        HttpResponse<String> prompt = get("/api/bodies");
        assertThat(prompt.statusCode()).as(prompt.body()).isEqualTo(200);
    }
}
