package se.radhus.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Spans leave the service only for a collector named by OTEL_EXPORTER_OTLP_ENDPOINT: with it unset or blank
 * Spring Boot makes no span exporter (and tracing still runs, for the log lines and the propagated
 * traceparent); with it set, an OTLP/HTTP exporter to its traces path.
 */
class TracingExportTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class))
            .withUserConfiguration(TracingExport.class);

    @Test
    void withoutTheVariableNoSpanIsSentAnywhere() {
        context.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c).doesNotHaveBean(SpanExporter.class);
            assertThat(c).as("tracing itself runs").hasSingleBean(SdkTracerProvider.class);
        });
    }

    @Test
    void aBlankVariableIsNoEndpoint() {
        context.withPropertyValues("OTEL_EXPORTER_OTLP_ENDPOINT=").run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c).doesNotHaveBean(SpanExporter.class);
        });
        context.withPropertyValues("OTEL_EXPORTER_OTLP_ENDPOINT=  ").run(c -> assertThat(c).doesNotHaveBean(SpanExporter.class));
    }

    @Test
    void theVariableNamesTheCollectorSpansGoTo() {
        context.withPropertyValues("OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318").run(c -> {
            assertThat(c).hasSingleBean(OtlpHttpSpanExporter.class);
            assertThat(c.getBean(OtlpHttpSpanExporter.class).toString()).contains("http://collector:4318/v1/traces");
        });
    }
}
