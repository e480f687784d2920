package se.radhus.portal.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API as any portal reads it: through the gateway, anonymously (no token is ever sent), so
 * the portal shows exactly what the public may see: no drafts, no protected identity. A 404 from the
 * API is {@link NotFound}; a refusal, a 5xx or no answer at all is {@link Unavailable}.
 */
@Component
public class PublicApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GENERAL = "Frågan godtogs inte.";

    private final RestClient http;
    private final String base;

    public PublicApi(RestClient.Builder builder, @Value("${radhus.portal.api-url}") String base,
                     @Value("${radhus.portal.api-timeout:10s}") Duration timeout) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(timeout);
        this.http = builder.requestFactory(factory).requestInterceptor(new VisitorAddress()).build();
    }

    /** A JSON object at {@code path} (relative to the gateway, e.g. {@code /api/bodies}) with query parameters. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> get(String path, Map<String, ?> query) {
        return (Map<String, Object>) JsonRecord.of(call(path, query, MediaType.APPLICATION_JSON, Map.class));
    }

    /** A JSON object at {@code path}. */
    public Map<String, Object> get(String path) {
        return get(path, Map.of());
    }

    /** The bytes at {@code path} in the given media type (a protocol's PDF). */
    public byte[] bytes(String path, MediaType accept) {
        return call(path, Map.of(), accept, byte[].class);
    }

    private <T> T call(String path, Map<String, ?> query, MediaType accept, Class<T> type) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(base).path(path);
        query.forEach((k, v) -> {
            if (v != null && !v.toString().isEmpty()) {
                uri.queryParam(k, v);
            }
        });
        URI target = uri.encode().build().toUri();
        try {
            return http.get().uri(target).accept(accept)
                    .retrieve()
                    .onStatus(s -> s.value() == 404, (req, res) -> {
                        throw new NotFound(path);
                    })
                    .onStatus(s -> s.value() == 400, (req, res) -> {
                        throw new Refused(detail(res.getBody().readAllBytes()));
                    })
                    .onStatus(s -> s.value() == 429, (req, res) -> {
                        throw new TooMany(res.getHeaders().getFirst("Retry-After"));
                    })
                    .onStatus(HttpStatusCode::isError, (req, res) -> {
                        throw new Unavailable(path + " answered " + res.getStatusCode().value());
                    })
                    .body(type);
        } catch (ResourceAccessException e) {
            throw new Unavailable(path + ": " + e.getMessage());
        }
    }

    /** The {@code detail} of a problem+json answer, or a general text when it has none. */
    static String detail(byte[] body) {
        try {
            Object detail = JSON.readValue(body, Map.class).get("detail");
            return detail instanceof String d && !d.isBlank() ? d : GENERAL;
        } catch (RuntimeException e) {
            return GENERAL;
        }
    }

    /** The items of a list answer ({@code items}), empty when it has none. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> answer, String key) {
        Object v = answer == null ? null : answer.get(key);
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** The API has no such thing (or the public may not see it). */
    public static final class NotFound extends RuntimeException {
        public NotFound(String path) {
            super("not found: " + path);
        }
    }

    /** The API refused the question (400): the visitor's input, with the API's explanation. */
    public static final class Refused extends RuntimeException {
        private final String detail;

        public Refused(String detail) {
            super("refused: " + detail);
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    /** The gateway's rate limit for this visitor is spent (429): wait as long as it says ({@code Retry-After}, seconds). */
    public static final class TooMany extends RuntimeException {
        private final String retryAfter;

        public TooMany(String retryAfter) {
            super("rate limited, retry after " + retryAfter);
            this.retryAfter = retryAfter != null && retryAfter.matches("\\d{1,6}") ? retryAfter : "1";
        }

        public String retryAfter() {
            return retryAfter;
        }
    }

    /** The API could not answer: down, refusing, or failing. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
