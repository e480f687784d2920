package se.radhus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.radhus.common.security.DevTokenIssuer;

/**
 * A burst from one caller never sheds another's traffic: 256 requests at once from one subject, each held
 * by the service for a moment so that all are under way together, then 40 from another subject. With the
 * rate limit out of the way every one is 200 (no shared concurrency cap turns them into 503, and nothing
 * local opens the breaker); with a limit of 100, the first caller gets 200 or 429 with Retry-After, and the
 * second caller all 200.
 */
abstract class BurstTest extends StubbedGatewayTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Not a time the test measures: a bound so that an exchange that never ends fails the test. */
    static final java.time.Duration HANG_UP = java.time.Duration.ofSeconds(60);

    @Autowired
    DevTokenIssuer issuer;

    Map<Integer, Integer> burst(String subject, int n) {
        return burst(port, issuer, subject, n);
    }

    static Map<Integer, Integer> burst(int port, DevTokenIssuer issuer, String subject, int n) {
        String token = "Bearer " + issuer.issue(subject, List.of("handlaggare"), 600);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/bodies/slow/" + i))
                    .timeout(HANG_UP).header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (var call : calls) {
            HttpResponse<String> r = call.join();
            byStatus.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 429) {
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
        }
        return byStatus;
    }
}
