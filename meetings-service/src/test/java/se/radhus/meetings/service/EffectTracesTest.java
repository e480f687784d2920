package se.radhus.meetings.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The trace an effect is carried out in: the justering's, stored with the effect as a W3C traceparent; a
 * new one when the effect has none (stored before traces were kept) or one that does not parse.
 */
class EffectTracesTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PARENT = "00f067aa0ba902b7";

    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build();
    final EffectTraces traces = new EffectTraces(sdk);

    @AfterEach
    void close() {
        sdk.close();
    }

    SpanContext seenWithin(Document state) {
        AtomicReference<SpanContext> seen = new AtomicReference<>();
        String answer = traces.within(state, "effect GRANT", () -> {
            seen.set(Span.current().getSpanContext());
            return "carried out";
        });
        assertThat(answer).isEqualTo("carried out");
        return seen.get();
    }

    @Test
    void anEffectIsCarriedOutInTheTraceStoredWithIt() {
        Document state = new Document("state", "PENDING").append("attempts", 3)
                .append("traceparent", "00-" + TRACE + "-" + PARENT + "-01");
        SpanContext within = seenWithin(state);
        assertThat(within.isValid()).isTrue();
        assertThat(within.getTraceId()).isEqualTo(TRACE);
        assertThat(within.getSpanId()).as("a span of its own under the justering's").isNotEqualTo(PARENT);
        assertThat(Span.current().getSpanContext().isValid()).as("the span ends with the work").isFalse();
    }

    @Test
    void theStoredTracestateIsCarriedOnAsWell() {
        Document state = new Document("traceparent", "00-" + TRACE + "-" + PARENT + "-01").append("tracestate", "radhus=1");
        SpanContext within = seenWithin(state);
        assertThat(within.getTraceId()).isEqualTo(TRACE);
        assertThat(within.getTraceState().get("radhus")).isEqualTo("1");
    }

    @Test
    void anEffectStoredWithoutATraceGetsANewOne() {
        SpanContext within = seenWithin(new Document("state", "PENDING").append("attempts", 0));
        assertThat(within.isValid()).isTrue();
        assertThat(within.getTraceId()).isNotEqualTo(TRACE);
        assertThat(seenWithin(new Document()).getTraceId()).as("each its own").isNotEqualTo(within.getTraceId());
        assertThat(seenWithin(null).isValid()).isTrue();
    }

    @Test
    void aMalformedTraceparentDoesNotStopTheEffect() {
        for (Object bad : new Object[] {"garbage", "00-" + TRACE + "-" + PARENT, "00-00000000000000000000000000000000-" + PARENT + "-01",
                "00-" + TRACE.toUpperCase() + "-" + PARENT + "-01", "", 42, new Document("x", 1)}) {
            SpanContext within = seenWithin(new Document("state", "PENDING").append("traceparent", bad));
            assertThat(within.isValid()).as("%s", bad).isTrue();
            assertThat(within.getTraceId()).as("%s", bad).isNotEqualTo(TRACE);
        }
    }

    @Test
    void aFailureLeavesTheSpanAndIsThrownOn() {
        Document state = new Document("traceparent", "00-" + TRACE + "-" + PARENT + "-01");
        assertThatThrownBy(() -> traces.within(state, "effect GRANT", () -> {
            throw new IllegalStateException("finance is down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("finance is down");
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
    }

    @Test
    void theJusteringsTraceIsWhatTheOutboxStores() {
        Span justering = sdk.getTracer("test").spanBuilder("POST justering").startSpan();
        Document stored;
        try (Scope ignored = justering.makeCurrent()) {
            stored = EffectTraces.current();
        } finally {
            justering.end();
        }
        assertThat(stored.getString("traceparent"))
                .isEqualTo("00-" + justering.getSpanContext().getTraceId() + "-" + justering.getSpanContext().getSpanId() + "-01");
        assertThat(seenWithin(stored).getTraceId()).isEqualTo(justering.getSpanContext().getTraceId());
        assertThat(EffectTraces.current()).as("outside a trace nothing is stored").isEmpty();
    }

    @Test
    void aRetryKeepsTheTraceOfTheJustering() {
        Document read = new Document("state", "PENDING").append("attempts", 1)
                .append("traceparent", "00-" + TRACE + "-" + PARENT + "-01").append("tracestate", "radhus=1");
        Document next = EffectTraces.carried(read, new Document("state", "PENDING").append("attempts", 2));
        assertThat(next.getString("traceparent")).isEqualTo(read.getString("traceparent"));
        assertThat(next.getString("tracestate")).isEqualTo("radhus=1");
        assertThat(next.getInteger("attempts")).isEqualTo(2);
        assertThat(EffectTraces.carried(new Document("state", "PENDING"), new Document("state", "DONE")))
                .as("an old effect without a trace stays without one").isEqualTo(new Document("state", "DONE"));
    }
}
