package se.radhus.meetings.service;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The trace an effect belongs to. A justering records its effects in the outbox with the W3C trace context
 * it ran in ({@code traceparent}, and {@code tracestate} if any); the dispatcher carries each effect out,
 * later and perhaps after a restart, in a span whose parent is that stored context, so the calls to
 * finance and procurement continue the justering's trace. An effect stored without one (before traces were
 * kept), or with one that does not parse, is carried out in a trace of its own.
 */
@Component
public class EffectTraces {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private static final TextMapGetter<Document> FROM_STATE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Document carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(Document carrier, String key) {
            return carrier == null || !(carrier.get(key) instanceof String s) ? null : s;
        }
    };

    private final Tracer tracer;

    public EffectTraces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("se.radhus.meetings.effects");
    }

    /** The current trace context as fields of an effect's state (none outside a trace). */
    static Document current() {
        Document fields = new Document();
        if (Span.current().getSpanContext().isValid()) {
            W3CTraceContextPropagator.getInstance().inject(Context.current(), fields, Document::append);
        }
        return fields;
    }

    /** {@code to} with the trace context fields of {@code from}, so a retry's state keeps the justering's trace. */
    static Document carried(Document from, Document to) {
        for (String key : List.of(TRACEPARENT, TRACESTATE)) {
            if (from != null && from.get(key) instanceof String value) {
                to.append(key, value);
            }
        }
        return to;
    }

    /**
     * Runs {@code work} in a new span named {@code name}, the child of the trace context stored in
     * {@code state} (a new trace when it holds none or a malformed one); the span records a failure.
     */
    public <T> T within(Document state, String name, Supplier<T> work) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), state, FROM_STATE);
        Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.INTERNAL).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.toString());
            throw e;
        } finally {
            span.end();
        }
    }
}
