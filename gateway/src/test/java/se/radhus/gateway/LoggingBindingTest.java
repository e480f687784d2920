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
 * What logging costs a request when nothing is logged (commons-logging.properties, application.yaml): Spring's
 * log calls check the level before they format their message, and no turbo filter runs on every level check.
 * Under load, the formatting of debug messages that were never written (Spring Security's matchers log one per
 * pattern they try) and Micrometer's logback.events filter were a cost on every request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.dev-issuer.enabled=true", "radhus.security.issuer=http://gateway-test/dev"})
class LoggingBindingTest extends StubbedGatewayTest {

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
}
