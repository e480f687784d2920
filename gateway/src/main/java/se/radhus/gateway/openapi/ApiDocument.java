package se.radhus.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one OpenAPI 3.1 document of the gateway, merged from the services' own documents (springdoc's
 * for meetings, micronaut-openapi's for finance and procurement): only the paths that one of the
 * gateway's {@code /api} routes reaches, with the gateway as the server, one bearer scheme, and what
 * every route shares written out once (problem+json errors, pagination, {@code Idempotency-Key},
 * {@code If-Match}/{@code ETag}). Plain data in, data out: no I/O.
 */
public final class ApiDocument {

    /** One service's document and where the gateway serves it (a path a route reaches). */
    public record Source(String service, String documentPath, JsonNode document) {
    }

    static final String SCHEMAS = "#/components/schemas/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Set<String> WRITES = Set.of("put", "post", "delete", "patch");

    private final List<PathPattern> routes;

    /** @param routePatterns the Path patterns of the gateway's routes; those outside {@code /api} are left out */
    public ApiDocument(List<String> routePatterns) {
        PathPatternParser parser = new PathPatternParser();
        this.routes = routePatterns.stream().filter(ApiDocument::isApi).map(parser::parse).toList();
    }

    static boolean isApi(String pattern) {
        return pattern.equals("/api") || pattern.startsWith("/api/");
    }

    /** Whether the gateway routes this documented path (its {@code {parameters}} stand for one segment). */
    public boolean routed(String documentedPath) {
        PathContainer concrete = PathContainer.parsePath(documentedPath.replaceAll("\\{[^}/]+}", "x"));
        return routes.stream().anyMatch(r -> r.matches(concrete));
    }

    /** The route patterns (under /api) that no documented path of {@code document} matches. */
    public static List<String> undocumentedRoutes(JsonNode document, List<String> routePatterns) {
        PathPatternParser parser = new PathPatternParser();
        List<String> missing = new ArrayList<>();
        for (String pattern : routePatterns.stream().filter(ApiDocument::isApi).toList()) {
            PathPattern p = parser.parse(pattern);
            boolean documented = document.path("paths").propertyNames().stream()
                    .anyMatch(path -> p.matches(PathContainer.parsePath(path.replaceAll("\\{[^}/]+}", "x"))));
            if (!documented) {
                missing.add(pattern);
            }
        }
        return missing;
    }

    /** The merged document. */
    public ObjectNode merge(List<Source> sources, String version, String serverUrl) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Rådhus API");
        info.put("version", version);
        info.put("description", DESCRIPTION);
        doc.putArray("servers").addObject().put("url", serverUrl).put("description", "the gateway");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT").put("description", "A token of the issuer (Keycloak; locally the "
                        + "gateway's POST /dev/token). Its `roles` claim decides what it may do; admin may do all.");
        schemas.set("Problem", ProblemShapes.schema());
        components.set("responses", ProblemShapes.responses());
        ArrayNode tags = doc.putArray("tags");
        Set<String> operationIds = new LinkedHashSet<>();

        TreeMap<String, ObjectNode> merged = new TreeMap<>();
        for (Source source : sources) {
            JsonNode own = OpenApi31.normalise(source.document().deepCopy());
            Map<String, String> renamed = addSchemas(source.service(), own.path("components").path("schemas"), schemas);
            tags.addObject().put("name", source.service())
                    .put("description", own.path("info").path("description").asString(source.service()));
            for (Map.Entry<String, JsonNode> path : own.path("paths").properties()) {
                if (!routed(path.getKey())) {
                    continue;
                }
                ObjectNode item = (ObjectNode) renameRefs(path.getValue(), renamed);
                ObjectNode target = merged.computeIfAbsent(path.getKey(), k -> JSON.createObjectNode());
                for (Map.Entry<String, JsonNode> op : item.properties()) {
                    if (METHODS.contains(op.getKey())) {
                        target.set(op.getKey(), operation(source.service(), path.getKey(), op.getKey(),
                                (ObjectNode) op.getValue(), operationIds));
                    } else {
                        target.set(op.getKey(), op.getValue());
                    }
                }
            }
            if (routed(source.documentPath())) {
                merged.put(source.documentPath(), documentPath(source.service(), operationIds));
            }
        }
        merged.forEach((path, item) -> paths.set(path, withEtags(item)));
        return doc;
    }

    /** The source's schemas, renamed with the service's name where another service has one of that name. */
    private static Map<String, String> addSchemas(String service, JsonNode own, ObjectNode schemas) {
        Map<String, String> renamed = new HashMap<>();
        for (String name : own.propertyNames()) {
            JsonNode existing = schemas.get(name);
            if (existing != null && !existing.equals(own.get(name))) {
                renamed.put(name, capitalised(service) + name);
            }
        }
        for (Map.Entry<String, JsonNode> schema : own.properties()) {
            schemas.set(renamed.getOrDefault(schema.getKey(), schema.getKey()), renameRefs(schema.getValue(), renamed));
        }
        return renamed;
    }

    static JsonNode renameRefs(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : new ArrayList<>(object.properties())) {
                JsonNode value = e.getValue();
                if (e.getKey().equals("$ref") && value.isString() && value.asString().startsWith(SCHEMAS)) {
                    String name = value.asString().substring(SCHEMAS.length());
                    object.put("$ref", SCHEMAS + renamed.getOrDefault(name, name));
                } else {
                    renameRefs(value, renamed);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(n -> renameRefs(n, renamed));
        }
        return node;
    }

    /** One operation: a unique id, its service's tag, its roles, its shared parameters and its problems. */
    private static ObjectNode operation(String service, String path, String method, ObjectNode op, Set<String> ids) {
        String unique = operationId(method, path);
        for (int i = 2; !ids.add(unique); i++) {
            unique = operationId(method, path) + i;
        }
        op.put("operationId", unique);
        jsonForAnyType(op);
        if (!op.has("tags") || op.get("tags").isEmpty()) {
            op.putArray("tags").add(service);
        }
        List<String> roles = roles(op);
        if (roles == null) {
            op.putArray("security").addObject(); // public: no token needed (a valid one is accepted)
            op.putArray("x-roles");
        } else {
            ArrayNode security = op.putArray("security");
            ArrayNode scopes = security.addObject().putArray("bearer");
            roles.forEach(scopes::add);
            ArrayNode xRoles = op.putArray("x-roles");
            roles.forEach(xRoles::add);
            String who = roles.isEmpty() ? "any signed-in user" : String.join(", ", roles);
            op.put("description", (op.path("description").asString("") + "\n\nRoles: " + who + ".").strip());
        }
        boolean hasIfMatch = false;
        for (JsonNode p : op.path("parameters")) {
            if (p instanceof ObjectNode param) {
                hasIfMatch |= SharedParameters.describe(param);
            }
        }
        ProblemShapes.addTo(op, WRITES.contains(method), path.contains("{"), roles != null, hasIfMatch,
                op.has("requestBody") || op.has("parameters"));
        return op;
    }

    /**
     * A name that says what the operation is and stays the same while its method and path do (the
     * services' own are method names, numbered where they repeat): {@code GET /api/meetings/{id}} is
     * {@code getMeetingsById}.
     */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method);
        for (String segment : path.replaceFirst("^/api", "").split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                id.append(capitalised(word));
            }
        }
        return id.toString();
    }

    /** springdoc writes {@code *}{@code /*} where a handler names no media type: those answer JSON. */
    private static void jsonForAnyType(ObjectNode op) {
        for (JsonNode response : op.path("responses")) {
            if (response.get("content") instanceof ObjectNode content && content.size() == 1 && content.has("*/*")) {
                JsonNode media = content.remove("*/*");
                content.set("application/json", media);
            }
        }
    }

    /**
     * The roles an operation needs: {@code null} for a public one, empty for any signed-in user, else the
     * roles (each service wrote them as its bearer requirement's scopes).
     */
    static List<String> roles(ObjectNode op) {
        JsonNode security = op.get("security");
        if (security == null || security.isEmpty()) {
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        boolean anonymousToo = false;
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                anonymousToo = true;
            }
            requirement.properties().forEach(e -> e.getValue().forEach(r -> roles.add(r.asString())));
        }
        return anonymousToo ? null : new ArrayList<>(roles);
    }

    /** A GET beside an update that takes If-Match answers the ETag to send. */
    private static ObjectNode withEtags(ObjectNode item) {
        boolean ifMatch = false;
        for (String m : WRITES) {
            for (JsonNode p : item.path(m).path("parameters")) {
                ifMatch |= p.path("name").asString("").equalsIgnoreCase("If-Match");
            }
        }
        if (ifMatch && item.get("get") instanceof ObjectNode get && get.path("responses").get("200") instanceof ObjectNode ok) {
            ok.putObject("headers").putObject("ETag").put("description",
                    "The version read; send it as If-Match to update or delete.").putObject("schema").put("type", "string");
        }
        return item;
    }

    /** The path where the gateway serves a service's own document. */
    private static ObjectNode documentPath(String service, Set<String> ids) {
        ObjectNode item = JSON.createObjectNode();
        ObjectNode get = item.putObject("get");
        get.put("operationId", "get" + capitalised(service) + "OpenApi");
        ids.add("get" + capitalised(service) + "OpenApi");
        get.putArray("tags").add(service);
        get.put("summary", service + "'s own OpenAPI document (merged here into /api/openapi.json)");
        get.putArray("security").addObject();
        get.putArray("x-roles");
        ObjectNode content = get.putObject("responses").putObject("200").put("description", "the document")
                .putObject("content");
        content.putObject("application/json").putObject("schema").put("type", "object");
        content.putObject("application/yaml").putObject("schema").put("type", "string");
        return item;
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static final String DESCRIPTION = """
            The municipality's decisions, money and procurements, through the gateway. Generated from the \
            services' code (springdoc, micronaut-openapi) and merged by the gateway.

            - **Errors** are `application/problem+json` (RFC 9457) with a stable `type` \
            (`urn:radhus:problem:<slug>`); validation errors list `errors[]` with `field` and `expected`.
            - **Lists** are `{"items": [...], "nextPageToken": "..."}`; ask for the next page with `pageToken` \
            (sealed; a changed one is 400) and `pageSize` (default 50, at most 1000).
            - **Retries**: money writes take an `Idempotency-Key`; the same key again returns the first answer.
            - **Updates** take `If-Match` with the `ETag` that the read answered (412 when it changed).
            - **Roles**: each operation's `security` names the roles (the bearer token's `roles` claim) that may \
            call it, also in `x-roles`; admin may do all. An operation with an empty requirement is public.
            - Every answer carries `X-Request-Id` (yours, if plain and at most 64 characters).
            """;

    /** For tests: the operations of a document, as "METHOD path". */
    public static List<String> operations(JsonNode document) {
        List<String> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String m : path.getValue().propertyNames()) {
                if (METHODS.contains(m)) {
                    ops.add(m.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return ops;
    }
}
