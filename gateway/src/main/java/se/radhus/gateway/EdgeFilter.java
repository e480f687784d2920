package se.radhus.gateway;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.radhus.common.api.Problem;
import se.radhus.common.api.JsonBodyRules;

/**
 * The edge's checks on every /api request, after Spring Security has authenticated it: a rate limit per
 * caller (429 with Retry-After), and JSON bodies that keep {@link JsonBodyRules} (no MongoDB operator or
 * dotted keys, bounded arrays).
 */
@Component
class EdgeFilter implements WebFilter, Ordered {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final double perSecond;
    private final double burst;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    EdgeFilter(@Value("${radhus.rate-limit.per-second:100}") double perSecond,
               @Value("${radhus.rate-limit.burst:200}") double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** After Spring Security's filter chain (order -100), which puts the caller on the exchange. */
    @Override
    public int getOrder() {
        return -50;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getPath().pathWithinApplication().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal().map(p -> "sub:" + p.getName()).defaultIfEmpty("ip:" + remote(request))
                .flatMap(client -> limited(exchange, chain, client));
    }

    private Mono<Void> limited(ServerWebExchange exchange, WebFilterChain chain, String client) {
        ServerHttpRequest request = exchange.getRequest();
        long wait = take(client);
        if (wait > 0) {
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(wait));
            return problem(exchange, Problem.of("rate-limited", "Too many requests", 429,
                    "Too many requests from you; try again in " + wait + " s."));
        }
        String method = request.getMethod().name();
        if (READS.contains(method) || !JsonBodyRules.applies(request.getHeaders().getFirst(org.springframework.http.HttpHeaders.CONTENT_TYPE))) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody()).defaultIfEmpty(exchange.getResponse().bufferFactory().wrap(new byte[0]))
                .flatMap(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    Problem bad = JsonBodyRules.check(bytes);
                    if (bad != null) {
                        return problem(exchange, bad);
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

    static Mono<Void> problem(ServerWebExchange exchange, Problem p) {
        return SecurityConfiguration.write(exchange, p);
    }
}
