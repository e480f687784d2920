package se.radhus.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.radhus.common.api.Problem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/openapi.json} and {@code .yaml}: the services' own documents, fetched from them and
 * merged ({@link ApiDocument}) with the gateway's routes; {@code /api/docs}: Swagger UI on that document,
 * from the webjar in this jar, so it needs no network.
 */
@RestController
@org.springframework.boot.context.properties.EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsController {

    /** What anyone may read: the document and its pages. */
    public static final String[] PATHS = {"/api/openapi.json", "/api/openapi.yaml", "/api/docs", "/api/docs/*"};

    /** The Swagger UI files served; nothing else of the webjar. */
    private static final Set<String> UI_FILES = Set.of("swagger-ui.css", "swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js", "favicon-32x32.png", "favicon-16x16.png");
    /** Swagger UI's own page needs its scripts, styles and images from here; nothing from elsewhere. */
    static final String DOCS_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiDocsController.class);
    /** The seed's examples, read once (a missing or broken file stops the gateway at start, not a reader later). */
    private static final JsonNode EXAMPLES = SeedExamples.load();

    private final GatewayProperties gateway;
    private final ApiDocsProperties properties;
    private final WebClient client;

    ApiDocsController(GatewayProperties gateway, ApiDocsProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
        this.client = WebClient.builder().codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
    }

    /** The Path patterns of every configured route, whoever added it. */
    List<String> routePatterns() {
        List<String> patterns = new ArrayList<>();
        for (RouteDefinition route : gateway.getRoutes()) {
            for (PredicateDefinition p : route.getPredicates()) {
                if (p.getName().equals("Path")) {
                    p.getArgs().values().forEach(v -> patterns.addAll(List.of(v.split(","))));
                }
            }
        }
        return patterns.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    Mono<JsonNode> document() {
        List<Mono<ApiDocument.Source>> fetches = properties.sources().entrySet().stream()
                .map(e -> fetch(e.getKey(), e.getValue())).toList();
        return Flux.concat(fetches).collectList().map(sources -> {
            ObjectNode doc = new ApiDocument(routePatterns()).merge(sources, properties.version(), properties.publicBaseUrl());
            List<String> absent = SeedExamples.addTo(doc, EXAMPLES);
            if (!absent.isEmpty()) {
                log.warn("{} names operations the merged document does not have: {}", SeedExamples.RESOURCE, absent);
            }
            return doc;
        });
    }

    private Mono<ApiDocument.Source> fetch(String service, ApiDocsProperties.Source source) {
        return client.get().uri(source.url()).retrieve().bodyToMono(String.class)
                .timeout(Duration.ofSeconds(10))
                .map(text -> new ApiDocument.Source(service, source.path(), parse(text)))
                .onErrorMap(e -> new Unavailable(service, e));
    }

    /** JSON (springdoc) or YAML (micronaut-openapi); YAML read safely, as plain data. */
    static JsonNode parse(String text) {
        String t = text.stripLeading();
        if (t.startsWith("{")) {
            return JSON.readTree(t);
        }
        Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(t);
        return JSON.valueToTree(data);
    }

    @GetMapping(value = "/api/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<String>> json() {
        return document().map(d -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(d))).onErrorResume(Unavailable.class,
                ApiDocsController::unavailable);
    }

    @GetMapping(value = "/api/openapi.yaml")
    Mono<ResponseEntity<String>> yaml() {
        return document().map(d -> {
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            String text = new Yaml(options).dump(JSON.treeToValue(d, Map.class));
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8")).body(text);
        }).onErrorResume(Unavailable.class, ApiDocsController::unavailable);
    }

    @GetMapping("/api/docs")
    ResponseEntity<byte[]> docs() throws IOException {
        return ui("text/html;charset=UTF-8", read(new ClassPathResource("openapi/docs.html")));
    }

    @GetMapping("/api/docs/{file}")
    ResponseEntity<byte[]> docsFile(@PathVariable String file) throws IOException {
        if (file.equals("docs.js")) {
            return ui("text/javascript;charset=UTF-8", read(new ClassPathResource("openapi/docs.js")));
        }
        if (!UI_FILES.contains(file)) {
            return ResponseEntity.status(404).contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                    .body(JSON.writeValueAsBytes(Problem.notFound("No such file of the API docs.").toMap()));
        }
        String type = file.endsWith(".css") ? "text/css;charset=UTF-8"
                : file.endsWith(".png") ? "image/png" : "text/javascript;charset=UTF-8";
        return ui(type, read(new ClassPathResource("META-INF/resources/webjars/swagger-ui/"
                + properties.swaggerUiVersion() + "/" + file)));
    }

    private static ResponseEntity<byte[]> ui(String type, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header("Content-Security-Policy", DOCS_CSP)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600").body(body);
    }

    private static byte[] read(ClassPathResource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static Mono<ResponseEntity<String>> unavailable(Unavailable e) {
        Problem problem = Problem.of("service-unavailable", "Service unavailable", 503, "The " + e.service
                + " service does not answer with its API document right now. Try again in a moment.")
                .with("service", e.service);
        return Mono.just(ResponseEntity.status(503).header("Retry-After", "5")
                .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(JSON.writeValueAsString(problem.toMap())));
    }

    static final class Unavailable extends RuntimeException {
        final String service;

        Unavailable(String service, Throwable cause) {
            super(service + ": " + cause.getMessage(), cause);
            this.service = service;
        }
    }
}
