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
 * <p>
 * It also mends two shapes micronaut-openapi (6.x, 3.1 output) writes for a {@code @Nullable} record
 * component, which say something else than "this or null" and which a validator holds a real answer or
 * request against (the seed's examples showed it):
 * <ul>
 *   <li>a nullable scalar as {@code type: [string, "null", object]}: the {@code object} would let any object
 *       in; it is dropped where the schema has no properties;</li>
 *   <li>a nullable record as {@code type: "null", allOf: [$ref]}: both at once, which no value is; it becomes
 *       {@code anyOf: [$ref, {type: "null"}]};</li>
 *   <li>a nullable map (or list) as {@code type: "null"} beside its {@code additionalProperties} (or
 *       {@code items}): null only; it becomes {@code type: [object, "null"]} (or {@code [array, "null"]}).</li>
 * </ul>
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
            mendNullable(object);
            for (Map.Entry<String, JsonNode> e : new ArrayList<>(object.properties())) {
                normalise(e.getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenApi31::normalise);
        }
        return node;
    }

    private static void mendNullable(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type instanceof ArrayNode types && contains(types, "null") && contains(types, "object") && types.size() > 2
                && !schema.has("properties") && !schema.has("additionalProperties")) {
            ArrayNode kept = types.arrayNode();
            types.forEach(t -> {
                if (!t.asString().equals("object")) {
                    kept.add(t);
                }
            });
            schema.set("type", kept);
        }
        if (type != null && type.isString() && type.asString().equals("null")) {
            String of = schema.has("additionalProperties") || schema.has("properties") ? "object" : schema.has("items") ? "array" : null;
            if (of != null) {
                ArrayNode types = schema.putArray("type");
                types.add(of);
                types.add("null");
                return;
            }
        }
        JsonNode allOf = schema.get("allOf");
        if (type != null && type.isString() && type.asString().equals("null") && allOf instanceof ArrayNode all
                && all.size() == 1) {
            schema.remove("type");
            schema.remove("allOf");
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.add(all.get(0));
            anyOf.addObject().put("type", "null");
        }
    }

    private static boolean contains(ArrayNode types, String name) {
        for (JsonNode t : types) {
            if (t.isString() && t.asString().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
