package se.radhus.common.api;

import java.util.Optional;

/**
 * Where spans go: nowhere unless {@code OTEL_EXPORTER_OTLP_ENDPOINT} names an OTLP collector (its base
 * address, as OpenTelemetry's own SDKs read it; traces go to {@code /v1/traces} under it over HTTP). Every
 * process reads it the same way: unset or blank, no exporter is made and nothing is sent anywhere.
 */
public final class TraceExport {

    /** The environment variable every OpenTelemetry SDK reads. */
    public static final String ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private TraceExport() {
    }

    /** The OTLP/HTTP traces address for a collector's base address, or empty when none is given. */
    public static Optional<String> tracesUrl(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.empty();
        }
        String base = endpoint.strip().replaceAll("/+$", "");
        return Optional.of(base.endsWith("/v1/traces") ? base : base + "/v1/traces");
    }
}
