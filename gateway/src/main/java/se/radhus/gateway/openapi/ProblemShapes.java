package se.radhus.gateway.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The problem+json (RFC 9457) answers every route shares, once in {@code components}: the schema of
 * {@code se.radhus.common.api.Problem} and one response per status, naming the {@code type}s it carries.
 */
final class ProblemShapes {

    static final String PREFIX = "urn:radhus:problem:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** status → (description, the types a caller meets with it). */
    static final Map<String, Map.Entry<String, List<String>>> RESPONSES = responsesTable();

    private static Map<String, Map.Entry<String, List<String>>> responsesTable() {
        Map<String, Map.Entry<String, List<String>>> t = new LinkedHashMap<>();
        t.put("400", Map.entry("Bad input: `errors[]` names each field and what it expects.",
                List.of("validation", "bad-request", "non-canonical-path", "forbidden-key", "too-many-items")));
        t.put("401", Map.entry("No token where one is needed, or a token that does not pass.",
                List.of("unauthenticated", "invalid-token")));
        t.put("403", Map.entry("The token's roles do not allow this.", List.of("forbidden")));
        t.put("404", Map.entry("No such thing, or not one the caller may see (a draft is 404 to the public).",
                List.of("not-found")));
        t.put("409", Map.entry("The request conflicts with what is there (the type names the rule, e.g. "
                + "`exists`, `concurrent-change`, `idempotency-key-reused`).",
                List.of("exists", "concurrent-change", "idempotency-key-reused")));
        t.put("412", Map.entry("If-Match names a version that is no longer the current one.",
                List.of("precondition-failed")));
        t.put("413", Map.entry("The body is larger than the limit (1 MB; imports 5 MB).", List.of("too-large")));
        t.put("429", Map.entry("Too many requests from this caller; see Retry-After.", List.of("rate-limited")));
        t.put("503", Map.entry("A service this needs is down or too busy; retry later.",
                List.of("service-unavailable", "meetings-unavailable", "finance-unavailable", "busy")));
        return t;
    }

    private ProblemShapes() {
    }

    static ObjectNode schema() {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "object").put("description", "An error (RFC 9457).");
        s.putArray("required").add("type").add("title").add("status");
        ObjectNode p = s.putObject("properties");
        ObjectNode type = p.putObject("type").put("type", "string").put("format", "uri")
                .put("description", "Stable: " + PREFIX + "<slug>.");
        ArrayNode examples = type.putArray("examples");
        RESPONSES.values().stream().flatMap(e -> e.getValue().stream()).distinct().forEach(t -> examples.add(PREFIX + t));
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("detail").put("type", "string").put("description", "What to do about it.");
        p.putObject("instance").put("type", "string");
        ObjectNode error = p.putObject("errors").put("type", "array").putObject("items").put("type", "object");
        ObjectNode ep = error.putObject("properties");
        ep.putObject("field").put("type", "string");
        ep.putObject("expected").put("type", "string");
        return s;
    }

    static ObjectNode responses() {
        ObjectNode r = JSON.createObjectNode();
        RESPONSES.forEach((status, e) -> {
            ObjectNode response = r.putObject("Problem" + status);
            String types = String.join(", ", e.getValue().stream().map(t -> "`" + PREFIX + t + "`").toList());
            response.put("description", e.getKey() + " Types: " + types + ".");
            ObjectNode media = response.putObject("content").putObject("application/problem+json");
            media.putObject("schema").put("$ref", ApiDocument.SCHEMAS + "Problem");
            ObjectNode example = media.putObject("example");
            example.put("type", PREFIX + e.getValue().get(0)).put("status", Integer.parseInt(status));
        });
        return r;
    }

    /** Adds the problems this operation can answer, where the service did not document them itself. */
    static void addTo(ObjectNode op, boolean write, boolean pathParameters, boolean secured, boolean ifMatch,
                      boolean input) {
        ObjectNode responses = op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
        add(responses, "400", input || write);
        add(responses, "401", true);
        add(responses, "403", secured);
        add(responses, "404", pathParameters);
        add(responses, "409", write);
        add(responses, "412", ifMatch);
        add(responses, "413", write);
        add(responses, "429", true);
        add(responses, "503", true);
    }

    private static void add(ObjectNode responses, String status, boolean applies) {
        if (applies) {
            // a service's own description of the status (often a bare "400 response") gives way to the shared one
            responses.putObject(status).put("$ref", "#/components/responses/Problem" + status);
        }
    }
}
