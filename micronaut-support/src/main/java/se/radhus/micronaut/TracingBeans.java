package se.radhus.micronaut;

import io.grpc.ServerInterceptor;
import io.micronaut.context.annotation.Factory;
import io.micronaut.tracing.opentelemetry.OpenTelemetryBuilderCustomizer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import se.radhus.common.api.TraceExport;

/**
 * One trace across the processes, in finance-service and procurement-service: micronaut-tracing traces the
 * HTTP server; these beans trace the gRPC server (every call continues the caller's W3C traceparent) and give
 * the channel to meetings-service its client interceptor ({@code MeetingsChannel}). Spans are exported over
 * OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT names a collector; otherwise micronaut-tracing's default,
 * no exporter, stands.
 */
@Factory
public class TracingBeans {

    @Singleton
    GrpcTelemetry grpcTelemetry(OpenTelemetry openTelemetry) {
        return GrpcTelemetry.create(openTelemetry);
    }

    /** Picked up by the gRPC server with the other interceptors. */
    @Singleton
    @Named("tracing")
    ServerInterceptor tracedCalls(GrpcTelemetry telemetry) {
        return telemetry.newServerInterceptor();
    }

    @Singleton
    OpenTelemetryBuilderCustomizer otlpExport() {
        Map<String, String> export = exportProperties(System.getenv(TraceExport.ENDPOINT_VARIABLE));
        return builder -> builder.addPropertiesSupplier(() -> export);
    }

    /** The OpenTelemetry SDK settings for a collector's address: OTLP over HTTP there, or nothing (no exporter). */
    public static Map<String, String> exportProperties(String endpoint) {
        return TraceExport.tracesUrl(endpoint).map(url -> Map.of("otel.traces.exporter", "otlp",
                "otel.exporter.otlp.traces.protocol", "http/protobuf", "otel.exporter.otlp.traces.endpoint", url))
                .orElse(Map.of());
    }
}
