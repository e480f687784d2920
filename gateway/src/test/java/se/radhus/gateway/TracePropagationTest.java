package se.radhus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The gateway traces every request and carries the trace on to the service behind the route as a W3C
 * traceparent: a caller's trace is continued, a request without one starts a trace; the access line names
 * the request id and the trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.dev-issuer.enabled=true", "radhus.security.issuer=http://gateway-test/dev"})
class TracePropagationTest extends StubbedGatewayTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER_SPAN = "00f067aa0ba902b7";

    StubUpstreams.Received get(String path, String requestId, String traceparent) throws Exception {
        int before = UPSTREAMS.meetings.received.size();
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(java.time.Duration.ofSeconds(30))
                .header("X-Request-Id", requestId).GET();
        if (traceparent != null) {
            b.header("traceparent", traceparent);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(UPSTREAMS.meetings.received).hasSize(before + 1);
        return UPSTREAMS.meetings.received.get(before);
    }

    /** The access line is written when the exchange ends, which may be just after the caller has its answer. */
    static void assertLogged(CapturedOutput output, String line) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!output.getOut().contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(output.getOut()).contains(line);
    }

    @Test
    void aCallersTraceGoesOnToTheServiceAndIntoTheAccessLine(CapturedOutput output) throws Exception {
        StubUpstreams.Received received = get("/api/bodies", "trace-continued", "00-" + TRACE + "-" + CALLER_SPAN + "-01");
        Matcher m = TRACEPARENT.matcher(received.traceparent());
        assertThat(m.matches()).as(received.traceparent()).isTrue();
        assertThat(m.group(1)).as("the caller's trace, continued").isEqualTo(TRACE);
        assertThat(m.group(2)).as("under a span of the gateway's own").isNotEqualTo(CALLER_SPAN);
        assertLogged(output, "[trace-continued] [" + TRACE + "] se.radhus.gateway.access - requestId=trace-continued traceId="
                + TRACE + " GET /api/bodies -> 200");
    }

    @Test
    void aRequestWithoutATraceStartsOne(CapturedOutput output) throws Exception {
        StubUpstreams.Received first = get("/api/bodies", "trace-new-1", null);
        StubUpstreams.Received second = get("/api/bodies", "trace-new-2", null);
        Matcher a = TRACEPARENT.matcher(first.traceparent());
        Matcher b = TRACEPARENT.matcher(second.traceparent());
        assertThat(a.matches() && b.matches()).as(first + " " + second).isTrue();
        assertThat(a.group(1)).as("each request its own trace").isNotEqualTo(b.group(1)).isNotEqualTo(TRACE);
        assertLogged(output, "requestId=trace-new-1 traceId=" + a.group(1) + " GET /api/bodies -> 200");
        assertLogged(output, "requestId=trace-new-2 traceId=" + b.group(1) + " GET /api/bodies -> 200");
    }

    /** A caller that hangs up before its answer is logged as gone, never with the status of an answer it did not get. */
    @Test
    void aCallerWhoLeavesIsLoggedAsCancelled(CapturedOutput output) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /api/bodies/slow HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: caller-left\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the service answers /slow after 300 ms: the caller is gone before that
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (UPSTREAMS.meetings.received.stream().noneMatch(r -> r.uri().contains("/slow")) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertLogged(output, "requestId=caller-left traceId=");
        assertLogged(output, "GET /api/bodies/slow -> " + RequestIdFilter.CANCELLED + " in ");
        assertThat(output.getOut()).doesNotContain("GET /api/bodies/slow -> 200");
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.observation.ObservationRegistry observations;

    /** A request is observed as the server's request and the routed call; Spring Security's chain adds no observations. */
    @Test
    void aRequestIsObservedWithoutSpringSecuritysOwnObservations() throws Exception {
        java.util.List<String> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        observations.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
            @Override
            public void onStart(io.micrometer.observation.Observation.Context context) {
                started.add(context.getName());
            }

            @Override
            public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
                return true;
            }
        });
        get("/api/bodies", "observed", null);
        assertThat(started).as("observations started").contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security"));
    }
}
