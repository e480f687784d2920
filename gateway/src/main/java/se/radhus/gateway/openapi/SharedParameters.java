package se.radhus.gateway.openapi;

import tools.jackson.databind.node.ObjectNode;

/** What the parameters every service shares mean, written once. */
final class SharedParameters {

    private SharedParameters() {
    }

    /** Describes a shared parameter in place; true when it is {@code If-Match}. */
    static boolean describe(ObjectNode param) {
        String name = param.path("name").asString("");
        switch (name) {
            case "pageSize" -> {
                param.put("required", false);
                param.put("description", "Items per page: default 50, at most 1000.");
                ObjectNode schema = param.putObject("schema");
                schema.put("type", "integer").put("format", "int32").put("minimum", 0).put("maximum", 1000);
            }
            case "pageToken" -> {
                param.put("required", false);
                param.put("description", "The previous page's nextPageToken (sealed: a changed or made-up one is 400).");
            }
            case "Idempotency-Key" -> param.put("description", "Makes a retry safe: the same key (for the same "
                    + "caller) returns the first answer and writes nothing; with another request it is 409 "
                    + "idempotency-key-reused. A refused request leaves the key free.");
            case "If-Match" -> {
                param.put("description", "The ETag the read answered; 412 when the resource changed since.");
                return true;
            }
            default -> {
            }
        }
        return name.equalsIgnoreCase("If-Match");
    }
}
