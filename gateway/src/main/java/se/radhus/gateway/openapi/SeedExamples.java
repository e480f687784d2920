package se.radhus.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Examples from the seed protocol (§ 181's grant, § 179's award of 23310), kept in
 * {@code openapi/examples.json} and put into the merged document's operations: a request example into the
 * operation's JSON request body, a response example into its 200 (or 201) JSON answer, each as an OpenAPI
 * Example Object. A response example's {@code x-source} names the path whose answer it is on a seeded suite.
 * Plain data in, data out.
 */
final class SeedExamples {

    static final String RESOURCE = "openapi/examples.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SeedExamples() {
    }

    /** The examples on the class path, by operation ({@code "get /api/grants/{id}"}). */
    static JsonNode load() {
        try (InputStream in = SeedExamples.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts each example into its operation of {@code doc}; returns the operations named in {@code examples}
     * that the document does not have (a service that did not answer, or a path no route reaches), which get
     * nothing.
     */
    static List<String> addTo(ObjectNode doc, JsonNode examples) {
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : examples.properties()) {
            if (e.getKey().startsWith("_")) {
                continue; // a comment
            }
            String[] operation = e.getKey().split(" ", 2);
            JsonNode op = doc.path("paths").path(operation[1]).path(operation[0]);
            if (!(op instanceof ObjectNode)) {
                absent.add(e.getKey());
                continue;
            }
            JsonNode request = e.getValue().get("request");
            if (request != null) {
                put(op.path("requestBody"), request, "seed");
            }
            JsonNode response = e.getValue().get("response");
            if (response != null) {
                JsonNode responses = op.path("responses");
                put(responses.has("200") ? responses.path("200") : responses.path("201"), response, "seed");
            }
        }
        return absent;
    }

    private static void put(JsonNode body, JsonNode example, String name) {
        if (body.path("content").path("application/json") instanceof ObjectNode media) {
            ObjectNode examples = media.has("examples") ? (ObjectNode) media.get("examples") : media.putObject("examples");
            examples.set(name, example.deepCopy());
        }
    }
}
