package se.radhus.finance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.radhus.micronaut.TracingBeans;

/**
 * Spans leave the service only for a collector named by OTEL_EXPORTER_OTLP_ENDPOINT: the running service's
 * SDK has no exporter, and the settings for an address make an OTLP/HTTP exporter to its traces path.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingExportTest implements TestPropertyProvider {

    @Inject
    OpenTelemetry openTelemetry;

    @Override
    public Map<String, String> getProperties() {
        return TestAuth.service("finance-test");
    }

    @Test
    void theServiceTracesButExportsNothingByDefault() {
        assertFalse(System.getenv().containsKey("OTEL_EXPORTER_OTLP_ENDPOINT") && !System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT").isBlank(),
                "this test is about the default: run it without OTEL_EXPORTER_OTLP_ENDPOINT");
        OpenTelemetrySdk sdk = (OpenTelemetrySdk) openTelemetry;
        String tracing = sdk.getSdkTracerProvider().toString();
        assertFalse(tracing.contains("Exporter"), tracing);
        var span = openTelemetry.getTracer("test").spanBuilder("x").startSpan();
        assertTrue(span.getSpanContext().isValid(), "spans are still made, and sampled, for the log lines");
        assertTrue(span.getSpanContext().isSampled());
        span.end();
    }

    @Test
    void anUnsetOrBlankEndpointAddsNoSettings() {
        assertEquals(Map.of(), TracingBeans.exportProperties(null));
        assertEquals(Map.of(), TracingBeans.exportProperties(""));
        assertEquals(Map.of(), TracingBeans.exportProperties("  "));
    }

    @Test
    void anEndpointMakesAnOtlpHttpExporterToItsTracesPath() {
        Map<String, String> settings = TracingBeans.exportProperties("http://collector:4318/");
        assertEquals("http://collector:4318/v1/traces", settings.get("otel.exporter.otlp.traces.endpoint"));
        Map<String, String> defaults = new HashMap<>(Map.of("otel.traces.exporter", "none", "otel.metrics.exporter", "none",
                "otel.logs.exporter", "none"));
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder().addPropertiesSupplier(() -> defaults)
                .addPropertiesSupplier(() -> settings).disableShutdownHook().build().getOpenTelemetrySdk();
        try {
            String tracing = sdk.getSdkTracerProvider().toString();
            assertTrue(tracing.contains("OtlpHttpSpanExporter"), tracing);
            assertTrue(tracing.contains("http://collector:4318/v1/traces"), tracing);
        } finally {
            sdk.shutdown();
        }
    }
}
