package se.radhus.gateway.openapi;

import java.util.ArrayList;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's document in OpenAPI 3.1's terms: 3.0's {@code nullable: true} becomes a {@code "null"}
 * member of the schema's type, as JSON Schema 2020-12 says it. (micronaut-openapi writes 3.1 already;
 * this keeps a 3.0 document of any service mergeable.)
 */
final class OpenApi31 {

    private OpenApi31() {
    }

    static JsonNode normalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode nullable = object.get("nullable");
            if (nullable != null && nullable.isBoolean()) {
                object.remove("nullable");
                JsonNode type = object.get("type");
                if (nullable.asBoolean() && type != null && type.isString()) {
                    ArrayNode types = object.putArray("type");
                    types.add(type.asString());
                    types.add("null");
                }
            }
            for (Map.Entry<String, JsonNode> e : new ArrayList<>(object.properties())) {
                normalise(e.getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenApi31::normalise);
        }
        return node;
    }
}
