package se.radhus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link BurstTest} under a limit of 100 requests a caller (refilled too slowly to matter here): the first
 * caller gets 100 answers and 429 for the rest; the second caller, after it, all 200.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.dev-issuer.enabled=true", "radhus.security.issuer=http://gateway-test/dev",
        "radhus.rate-limit.per-second=0.001", "radhus.rate-limit.burst=100"})
class BurstUnderLimitTest extends BurstTest {

    @Test
    void theBurstingCallerIsLimitedAndTheOtherIsNot() {
        int before = UPSTREAMS.meetings.received.size();
        assertThat(burst("alice", 256)).isEqualTo(Map.of(200, 100, 429, 156));
        assertThat(burst("bob", 40)).isEqualTo(Map.of(200, 40));
        assertThat(UPSTREAMS.meetings.received).hasSize(before + 140);
    }
}
