package se.radhus.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The gateway's one OpenAPI document on the running suite: valid OpenAPI 3.1 (swagger-parser); its paths
 * and the gateway's configured {@code /api} routes (read from the gateway's application.yaml, so routes
 * anyone adds are checked too) cover each other; every documented operation reaches a handler through
 * the gateway; and Swagger UI at /api/docs loads nothing from elsewhere. The document is written to
 * {@code system-tests/target/openapi/radhus-api.json}, and a Java client generated from it (openapi-generator,
 * its {@code java}/{@code native} generator, from the 3.1 document as it is) compiles and reads the seed meeting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentTest {

    static final ObjectMapper JSON = new ObjectMapper();
    Suite suite;
    String text;
    JsonNode document;

    @BeforeAll
    void up() throws Exception {
        suite = new Suite();
        suite.startAll();
        Process seed = new ProcessBuilder("python3", suite.root.resolve("bin/seed").toString(), suite.gateway())
                .redirectErrorStream(true).start();
        String seeded = new String(seed.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(seed.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, seed.exitValue(), seeded);
        HttpResponse<String> r = suite.send("GET", "/api/openapi.json", null, Map.of("Authorization", ""));
        assertEquals(200, r.statusCode(), r.body());
        text = r.body();
        document = JSON.readTree(text);
        Path out = suite.root.resolve("system-tests/target/openapi/radhus-api.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    @AfterAll
    void down() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void validatesAsOpenApi31WithEveryServicesPathsAndSchemas() {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text);
        assertEquals(List.of(), result.getMessages());
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
        assertEquals("Rådhus API", result.getOpenAPI().getInfo().getTitle());
        assertEquals("0.1.0-SNAPSHOT", result.getOpenAPI().getInfo().getVersion());
        assertEquals("http://localhost:8080", result.getOpenAPI().getServers().get(0).getUrl());
        assertTrue(result.getOpenAPI().getComponents().getSecuritySchemes().containsKey("bearer"));
        for (String path : List.of("/api/meetings/{id}", "/api/grants", "/api/appropriations/{id}/balance",
                "/api/procurements/{id}/award", "/api/ocds/releases", "/api/audit/finance")) {
            assertTrue(document.path("paths").has(path), path);
        }
        String grant = document.path("paths").path("/api/grants").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asText();
        assertTrue(grant.startsWith("#/components/schemas/"), grant);
        assertTrue(document.path("components").path("schemas").has(grant.substring("#/components/schemas/".length())), grant);
        JsonNode award = document.path("paths").path("/api/procurements/{id}/award").path("post");
        assertEquals("[\"upphandlare\",\"admin\"]", award.path("x-roles").toString());
        JsonNode justering = document.path("paths").path("/api/meetings/{id}/justering").path("post");
        assertTrue(justering.path("x-roles").toString().contains("sekreterare"), justering.toString());
    }

    /** The Path patterns of the gateway's configured routes, whoever added them. */
    List<String> routePatterns() throws Exception {
        JsonNode config = new YAMLMapper().readTree(suite.root.resolve("gateway/src/main/resources/application.yaml").toFile());
        List<String> patterns = new ArrayList<>();
        for (JsonNode route : config.path("spring").path("cloud").path("gateway").path("server").path("webflux").path("routes")) {
            for (JsonNode predicate : route.path("predicates")) {
                String p = predicate.isTextual() ? predicate.asText() : "";
                if (p.startsWith("Path=")) {
                    for (String one : p.substring("Path=".length()).split(",")) {
                        patterns.add(one.strip());
                    }
                }
            }
        }
        assertFalse(patterns.isEmpty());
        return patterns;
    }

    /** A route pattern (Spring's: {@code *} one segment, {@code /**} any rest) as a regular expression. */
    static Pattern regex(String pattern) {
        boolean rest = pattern.endsWith("/**");
        String head = rest ? pattern.substring(0, pattern.length() - 3) : pattern;
        StringBuilder re = new StringBuilder();
        for (String part : head.split("\\*", -1)) {
            re.append(Pattern.quote(part)).append("[^/]+");
        }
        re.setLength(re.length() - "[^/]+".length());
        return Pattern.compile(re + (rest ? "(/.*)?" : ""));
    }

    static String concrete(String documented) {
        return documented.replaceAll("\\{[^}/]+}", "x");
    }

    @Test
    void documentedPathsAndApiRoutesCoverEachOther() throws Exception {
        List<String> api = routePatterns().stream().filter(p -> p.equals("/api") || p.startsWith("/api/")).toList();
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        List<String> unrouted = paths.stream().filter(p -> api.stream().noneMatch(r -> regex(r).matcher(concrete(p)).matches())).toList();
        assertEquals(List.of(), unrouted, "documented but not routed");
        List<String> undocumented = api.stream().filter(r -> paths.stream().noneMatch(p -> regex(r).matcher(concrete(p)).matches())).toList();
        assertEquals(List.of(), undocumented, "routed but not documented");
        assertTrue(paths.stream().noneMatch(p -> p.startsWith("/oparl") || p.startsWith("/feeds")), "only /api");
    }

    /**
     * Every documented operation reaches a handler: nothing answers "there is nothing at this path" (the
     * 404 of a path no handler or route has). Reads go out as they are (ids that may not exist: their own
     * 404 is an answer); writes as admin with a text body and ids that do not exist, which a JSON handler
     * refuses (415, 400, 404 of the thing) without changing anything.
     */
    @Test
    void everyDocumentedOperationAnswersThroughTheGateway() throws Exception {
        List<String> unanswered = new ArrayList<>();
        var fields = document.path("paths").fields();
        while (fields.hasNext()) {
            var path = fields.next();
            String concrete = path.getKey().replaceAll("\\{[^}/]+}", "none-such");
            for (String method : List.of("get", "post", "put", "delete")) {
                if (!path.getValue().has(method)) {
                    continue;
                }
                HttpResponse<String> r = method.equals("get")
                        ? suite.send("GET", concrete, null, Map.of())
                        : suite.send(method.toUpperCase(), concrete + (concrete.equals("/api/imports") ? "?bodyId=none-such" : ""),
                        "not json", Map.of("Content-Type", "text/plain", "Idempotency-Key", "api-document-probe"));
                boolean noSuchPath = r.statusCode() == 404 && r.body().contains("nothing at");
                if (noSuchPath || r.statusCode() == 405) {
                    unanswered.add(method.toUpperCase() + " " + path.getKey() + " -> " + r.statusCode() + " " + r.body());
                }
            }
        }
        assertEquals(List.of(), unanswered);
    }

    /**
     * The seed's examples (§ 181's grant, § 179's award of 23310) are true: each response example is what the
     * path it names answers on this seeded suite, and every example, request or response, is valid under its
     * operation's schema (JSON Schema 2020-12, OpenAPI 3.1's dialect).
     */
    @Test
    void theSeedsExamplesAreTrueAnswersAndValidUnderTheirSchemas() throws Exception {
        List<String> checked = new ArrayList<>();
        var paths = document.path("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            var ops = path.getValue().fields();
            while (ops.hasNext()) {
                var op = ops.next();
                List<JsonNode> media = new ArrayList<>();
                media.add(op.getValue().path("requestBody").path("content").path("application/json"));
                op.getValue().path("responses").forEach(r -> media.add(r.path("content").path("application/json")));
                for (JsonNode m : media) {
                    JsonNode example = m.path("examples").path("seed");
                    if (example.isMissingNode()) {
                        continue;
                    }
                    String where = op.getKey() + " " + path.getKey();
                    var errors = schemaOf(m.path("schema")).validate(example.path("value"));
                    assertEquals(Set.of(), errors, where + ": the example is not valid under its schema");
                    if (example.has("x-source")) {
                        HttpResponse<String> live = suite.send("GET", example.path("x-source").asText(), null, Map.of());
                        assertEquals(200, live.statusCode(), live.body());
                        assertEquals(example.path("value"), JSON.readTree(live.body()), where + ": the seeded suite answers otherwise");
                    }
                    checked.add(where);
                }
            }
        }
        assertEquals(List.of("get /api/grants/{id}", "post /api/grants", "get /api/procurements/{id}",
                "post /api/procurements/{id}/award", "post /api/procurements/{id}/award").stream().sorted().toList(),
                checked.stream().sorted().toList());
    }

    /** A schema of the document (a $ref into its components, or inline) as a validator, its refs resolved in the document. */
    com.networknt.schema.JsonSchema schemaOf(JsonNode schema) {
        com.fasterxml.jackson.databind.node.ObjectNode root = schema.deepCopy();
        root.set("components", document.path("components"));
        return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(root);
    }

    @Test
    void yamlIsTheSameDocument() throws Exception {
        HttpResponse<String> r = suite.send("GET", "/api/openapi.yaml", null, Map.of("Authorization", ""));
        assertEquals(200, r.statusCode());
        assertEquals(document, new YAMLMapper().readTree(r.body()));
    }

    @Test
    void swaggerUiLoadsOnlyFromTheGateway() throws Exception {
        HttpResponse<String> page = suite.send("GET", "/api/docs", null, Map.of("Authorization", ""));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("http"), csp);
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        int count = 0;
        while (refs.find()) {
            String ref = refs.group(1);
            assertTrue(ref.startsWith("/api/docs/"), ref);
            assertEquals(200, suite.send("GET", ref, null, Map.of("Authorization", "")).statusCode(), ref);
            count++;
        }
        assertTrue(count >= 4, page.body());
        HttpResponse<String> init = suite.send("GET", "/api/docs/docs.js", null, Map.of("Authorization", ""));
        assertTrue(init.body().contains("\"/api/openapi.json\""), init.body());
    }

    /**
     * openapi-generator's Java client (the generator the Maven plugin runs), generated from the document
     * the gateway serves, compiled here with a caller written as a portal developer would, reads
     * {@code ks-nau-2024-05-21} through the gateway: the same meeting the plain HTTP read answers.
     */
    @Test
    void aClientGeneratedFromItCompilesAndReadsTheSeedMeeting() throws Exception {
        Path out = suite.root.resolve("system-tests/target/generated-client");
        if (Files.exists(out)) {
            try (var walk = Files.walk(out)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        org.openapitools.codegen.config.CodegenConfigurator config = new org.openapitools.codegen.config.CodegenConfigurator()
                .setGeneratorName("java").setLibrary("native")
                .setInputSpec(suite.root.resolve("system-tests/target/openapi/radhus-api.json").toString())
                .setOutputDir(out.toString())
                .setInvokerPackage("se.radhus.client").setApiPackage("se.radhus.client.api").setModelPackage("se.radhus.client.model")
                .addAdditionalProperty("openApiNullable", false).addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("annotationLibrary", "none").addAdditionalProperty("hideGenerationTimestamp", true);
        new org.openapitools.codegen.DefaultGenerator().opts(config.toClientOptInput()).generate();
        Path src = out.resolve("src/main/java");
        Files.writeString(src.resolve("se/radhus/client/ReadSeed.java"), """
                package se.radhus.client;

                import se.radhus.client.api.MeetingControllerApi;
                import se.radhus.client.model.Meeting;

                public final class ReadSeed {
                    public static String read(String gateway) throws Exception {
                        ApiClient client = new ApiClient();
                        client.updateBaseUri(gateway);
                        Meeting meeting = new MeetingControllerApi(client).getMeetingsById("ks-nau-2024-05-21");
                        return meeting.getId() + " " + meeting.getState() + " " + meeting.getParagraphs().size();
                    }
                }
                """);
        List<String> args = new ArrayList<>(List.of("-d", out.resolve("classes").toString(), "-proc:none",
                "-nowarn", "-cp", System.getProperty("java.class.path")));
        try (var walk = Files.walk(src)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, errors, errors, args.toArray(String[]::new));
        assertEquals(0, rc, errors.toString());

        JsonNode plain = JSON.readTree(suite.send("GET", "/api/meetings/ks-nau-2024-05-21", null, Map.of("Authorization", "")).body());
        try (var loader = new java.net.URLClassLoader(new java.net.URL[]{out.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            Object read = loader.loadClass("se.radhus.client.ReadSeed").getMethod("read", String.class).invoke(null, suite.gateway());
            assertEquals("ks-nau-2024-05-21 " + plain.path("state").asText() + " " + plain.path("paragraphs").size(), read);
        }
        assertEquals(14, plain.path("paragraphs").size(), "the seed's § 177–190");
    }
}
