package se.radhus.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.radhus.common.api.Problem;
import se.radhus.common.security.InvalidToken;
import se.radhus.common.security.JwtVerifier;
import se.radhus.common.security.Principal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge's checks on every /api request, before any route: security headers; a valid bearer token if
 * one is sent, and one for every write; a rate limit per caller (429 with Retry-After); and JSON bodies
 * free of MongoDB operator keys ({@code $…}) and dotted keys.
 */
@Component
class EdgeFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(EdgeFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final JwtVerifier verifier;
    private final double perSecond;
    private final double burst;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    EdgeFilter(JwtVerifier verifier, @Value("${radhus.rate-limit.per-second:100}") double perSecond,
               @Value("${radhus.rate-limit.burst:200}") double burst) {
        this.verifier = verifier;
        this.perSecond = perSecond;
        this.burst = burst;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders out = exchange.getResponse().getHeaders();
        out.set("X-Content-Type-Options", "nosniff");
        out.set("X-Frame-Options", "DENY");
        out.set("Referrer-Policy", "no-referrer");
        out.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        out.set("Cache-Control", "no-store");
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        Principal who;
        try {
            String token = JwtVerifier.bearer(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
            who = token == null ? Principal.ANONYMOUS : verifier.verify(token);
        } catch (InvalidToken e) {
            log.info("refused token on {} {}: {}", request.getMethod(), path, e.getMessage());
            return problem(exchange, Problem.of("invalid-token", "Unauthorized", 401,
                    "The bearer token is not valid (signature, issuer or expiry). Get a new one."));
        }
        String method = request.getMethod().name();
        if (!READS.contains(method) && who.anonymous()) {
            return problem(exchange, Problem.of("unauthenticated", "Unauthorized", 401,
                    "Writes need a signed-in user: send Authorization: Bearer <token>."));
        }
        String client = who.anonymous() ? "ip:" + remote(request) : "sub:" + who.subject();
        long wait = take(client);
        if (wait > 0) {
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(wait));
            return problem(exchange, Problem.of("rate-limited", "Too many requests", 429,
                    "Too many requests from you; try again in " + wait + " s."));
        }
        MediaType type = request.getHeaders().getContentType();
        if (READS.contains(method) || type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody()).defaultIfEmpty(exchange.getResponse().bufferFactory().wrap(new byte[0]))
                .flatMap(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    String bad = forbiddenKey(bytes);
                    if (bad != null) {
                        return problem(exchange, Problem.of("forbidden-key", "Invalid request", 400,
                                "The key \"" + bad + "\" is not allowed: keys may not start with $ or contain a dot.")
                                .with("errors", java.util.List.of(Map.of("field", bad, "expected", "a plain field name"))));
                    }
                    ServerHttpRequest replay = new ServerHttpRequestDecorator(request) {
                        @Override
                        public Flux<DataBuffer> getBody() {
                            return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
                        }
                    };
                    return chain.filter(exchange.mutate().request(replay).build());
                });
    }

    static String remote(ServerHttpRequest request) {
        return request.getRemoteAddress() == null ? "unknown" : request.getRemoteAddress().getAddress().getHostAddress();
    }

    /** Token bucket: 0 when a request may pass, else the seconds to wait. */
    long take(String client) {
        double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {burst, System.nanoTime()});
        synchronized (bucket) {
            long now = System.nanoTime();
            bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) / 1e9 * perSecond);
            bucket[1] = now;
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket[0]) / perSecond));
        }
    }

    /** The first key that starts with $ or contains a dot, anywhere in the document; null when none. */
    static String forbiddenKey(byte[] json) {
        if (json.length == 0) {
            return null;
        }
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    if (name.startsWith("$") || name.contains(".")) {
                        return name;
                    }
                }
            }
        } catch (RuntimeException malformed) {
            return null; // the service answers a malformed body with its own 400
        }
        return null;
    }

    static Mono<Void> problem(ServerWebExchange exchange, Problem p) {
        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(p.status()));
        exchange.getResponse().getHeaders().setContentType(MediaType.parseMediaType(Problem.MEDIA_TYPE));
        if (p.status() == 401) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        byte[] body = JSON.writeValueAsBytes(p.toMap());
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
    }
}
