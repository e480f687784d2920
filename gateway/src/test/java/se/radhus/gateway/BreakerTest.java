package se.radhus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The circuit breaker counts what the service fails at, and only that (application.yaml, resilience4j: open at
 * half of the last calls failed):
 * <ul>
 * <li>the service's 4xx answers (the caller's mistakes) and its 503s (busy, or a peer of its down: its own
 * considered answer, with its own problem) reach the caller as they are and never open it;</li>
 * <li>its 500s do: each is answered 500 problem+json naming the service and the request id, and once they are
 * half of the last calls the route is answered 503 with Retry-After without calling the service, while another
 * route's breaker is unaffected.</li>
 * </ul>
 * A context of its own (the long open state below), so no other test class meets the open breaker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.dev-issuer.enabled=true", "radhus.security.issuer=http://gateway-test/dev", "BREAKER_OPEN_WAIT=60s"})
class BreakerTest extends StubbedGatewayTest {

    @Test
    void theServicesOwnFailuresOpenTheBreakerAndItsRefusalsNever() throws Exception {
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> refused = get("/api/bodies/status-" + (i % 2 == 0 ? 404 : 503));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(i % 2 == 0 ? 404 : 503);
            assertThat(refused.body()).contains("meetings answered " + refused.statusCode());
        }
        assertThat(get("/api/bodies").statusCode()).as("answers of 404 and 503 leave the breaker closed").isEqualTo(200);

        int failed = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 40; i++) {
            last = get("/api/bodies/status-500");
            if (last.statusCode() != 500) {
                break;
            }
            assertThat(last.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            String id = last.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(last.headers().allValues("X-Request-Id")).hasSize(1);
            assertThat(last.body()).contains("\"type\":\"urn:radhus:problem:internal\"")
                    .contains("\"service\":\"meetings\"").contains(id);
            failed++;
        }
        assertThat(failed).as("500s until they are half of the last 20 calls").isBetween(10, 20);

        // a browser's call from the portal's origin: the answer keeps the gateway's CORS and security headers
        HttpResponse<String> fromBrowser = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/bodies/status-500"))
                .header("Origin", "http://localhost:3000").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fromBrowser.statusCode()).isIn(500, 503);
        assertThat(fromBrowser.headers().allValues("Access-Control-Allow-Origin")).containsExactly("http://localhost:3000");
        assertThat(fromBrowser.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(fromBrowser.headers().allValues("Content-Type")).containsExactly("application/problem+json");
        assertThat(fromBrowser.headers().firstValue("Content-Length")).hasValue(
                String.valueOf(fromBrowser.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(last.statusCode()).as(last.body()).isEqualTo(503);
        assertThat(last.body()).contains("\"service\":\"meetings\"");

        int before = UPSTREAMS.meetings.received.size();
        HttpResponse<String> open = get("/api/bodies");
        assertThat(open.statusCode()).as(open.body()).isEqualTo(503);
        assertThat(open.headers().firstValue("Retry-After")).isPresent();
        assertThat(open.body()).contains("\"service\":\"meetings\"");
        assertThat(UPSTREAMS.meetings.received.size()).as("an open breaker does not call the service").isEqualTo(before);

        HttpResponse<String> finance = get("/api/appropriations");
        assertThat(finance.statusCode()).as("finance's breaker is its own").isEqualTo(200);
    }
}
