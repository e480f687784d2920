package se.radhus.gateway.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code radhus.openapi}: where each service serves its own document (its URL, and the path the gateway
 * routes to it), the project's version, the public base URL (the document's server) and the Swagger UI
 * webjar's version.
 */
@ConfigurationProperties("radhus.openapi")
record ApiDocsProperties(Map<String, Source> sources, String version, String publicBaseUrl, String swaggerUiVersion) {

    ApiDocsProperties {
        sources = sources == null ? Map.of() : new LinkedHashMap<>(sources);
    }

    record Source(String url, String path) {
    }
}
