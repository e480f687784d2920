package se.radhus.meetings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.radhus.common.api.TraceExport;

/**
 * Spans go to an OTLP collector over HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT names one; without it
 * Spring Boot makes no span exporter, and the trace lives in the log lines and the propagated headers.
 */
@Configuration(proxyBeanMethods = false)
class TracingExport {

    @Bean
    @ConditionalOnExpression("!'${OTEL_EXPORTER_OTLP_ENDPOINT:}'.isBlank()")
    OtlpTracingConnectionDetails otlpTracing(@Value("${OTEL_EXPORTER_OTLP_ENDPOINT}") String endpoint) {
        String url = TraceExport.tracesUrl(endpoint).orElseThrow();
        return transport -> url;
    }
}
