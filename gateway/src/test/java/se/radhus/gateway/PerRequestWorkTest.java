package se.radhus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Work each request did that nobody used (commons-logging.properties, application.yaml). Spring's log calls
 * check the level before they format their message, and no turbo filter runs on every level check: under load,
 * the formatting of debug messages that were never written (Spring Security's matchers log one per pattern they
 * try) and Micrometer's logback.events filter were a cost on every request. A request is timed once
 * (http.server.requests), not twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.dev-issuer.enabled=true", "radhus.security.issuer=http://gateway-test/dev"})
class PerRequestWorkTest extends StubbedGatewayTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void springsLogCallsFormatOnlyWhatIsWritten() {
        String name = "se.radhus.gateway.test.quiet";
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
        Log log = LogFactory.getLog(name);
        AtomicInteger formatted = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "a message";
            }
        };
        log.debug(message);
        log.trace(message);
        assertThat(formatted).as("debug and trace are off: the message is never made text").hasValue(0);
        log.info(message);
        assertThat(formatted.get()).as("info is on: the message is written").isPositive();
    }

    @Test
    void noFilterRunsOnEveryLevelCheck() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getTurboFilterList()).extracting(f -> f.getClass().getSimpleName())
                .doesNotContain("MetricsTurboFilter");
    }

    @Test
    void aRequestIsTimedOnce() throws Exception {
        assertThat(get("/api/bodies/timed").statusCode()).isEqualTo(200);
        // the server's timer stops as the exchange ends, which may be just after the caller has its answer
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (meters.find("http.server.requests").timers().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.find("spring.cloud.gateway.requests").meters()).isEmpty();
    }
}
