package se.radhus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** {@link BurstTest} with the rate limit out of the way: every request is answered 200. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.dev-issuer.enabled=true", "radhus.security.issuer=http://gateway-test/dev",
        "radhus.rate-limit.per-second=1000000", "radhus.rate-limit.burst=1000000"})
class BurstWithoutLimitTest extends BurstTest {

    @Test
    void everyRequestOfTheBurstAndEveryOneAfterItIsAnswered() {
        int before = UPSTREAMS.meetings.received.size();
        assertThat(burst("alice", 256)).isEqualTo(Map.of(200, 256));
        assertThat(burst("bob", 40)).isEqualTo(Map.of(200, 40));
        assertThat(UPSTREAMS.meetings.received).hasSize(before + 296);
    }
}
