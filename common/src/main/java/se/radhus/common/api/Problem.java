package se.radhus.common.api;

import java.util.Map;
import java.util.Objects;
import se.radhus.common.domain.FieldError;

/**
 * An RFC 9457 problem: what every service and the gateway answer on any error, with a stable
 * {@code type}, a {@code title}, the HTTP {@code status} and a {@code detail} a person can act on.
 * Never a stack trace, class name or query text.
 *
 * @param extensions extra members, e.g. the field errors of a validation problem
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:radhus:problem:";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** A problem whose type is {@code urn:radhus:problem:<slug>}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, Map.of());
    }

    public Problem with(String key, Object value) {
        java.util.HashMap<String, Object> more = new java.util.HashMap<>(extensions);
        more.put(key, value);
        return new Problem(type, title, status, detail, more);
    }

    /** The members in the order RFC 9457 lists them, then the extensions. */
    public Map<String, Object> toMap() {
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("type", type);
        map.put("title", title);
        map.put("status", status);
        if (detail != null) {
            map.put("detail", detail);
        }
        map.putAll(extensions);
        return map;
    }

    public static Problem notFound(String detail) {
        return of("not-found", "Not found", 404, detail);
    }

    public static Problem badRequest(String detail) {
        return of("bad-request", "Bad request", 400, detail);
    }

    /** 400 naming every invalid field and what it expects. */
    public static Problem invalid(java.util.List<FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        return of("validation", "Invalid request", 400, "Correct these fields: " + fields)
                .with("errors", errors.stream().map(e -> Map.of("field", e.field(), "expected", e.expected())).toList());
    }

    /** A request names a field its endpoint does not take (400, the field in {@code errors}). */
    public static Problem unknownField(String field) {
        return invalid(java.util.List.of(new FieldError(field, "no such field in this request; leave it out")));
    }

        public static Problem conflict(String slug, String title, String detail) {
        return of(slug, title, 409, detail);
    }

    public static Problem internal(String requestId) {
        return of("internal", "Internal error", 500,
                "Something went wrong on our side. Quote request id " + requestId + " when you report it.");
    }
}
