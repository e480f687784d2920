package se.radhus.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
 * <p>
 * The caller is the token's subject, or for the anonymous the client's address: the peer's, unless the
 * peer is a trusted proxy ({@code radhus.rate-limit.trusted-proxies}, addresses or CIDR ranges), when it
 * is the last address in {@code X-Forwarded-For} that is not itself a trusted proxy. A forwarded header
 * from anyone else is ignored, so a client cannot pick its own bucket. The buckets are bounded: at most
 * {@code radhus.rate-limit.max-callers}, and a caller's is dropped once it has been idle long enough to
 * have filled up again (a new one starts full, so dropping it changes nothing).
 */
@Component
class EdgeFilter implements WebFilter, Ordered {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final double perSecond;
    private final double burst;
    private final Cache<String, double[]> buckets;
    private final List<IpSubnetFilterRule> trustedProxies;

    EdgeFilter(@Value("${radhus.rate-limit.per-second:100}") double perSecond,
               @Value("${radhus.rate-limit.burst:200}") double burst,
               @Value("${radhus.rate-limit.max-callers:100000}") long maxCallers,
               @Value("${radhus.rate-limit.trusted-proxies:}") String trustedProxies) {
        this.perSecond = perSecond;
        this.burst = burst;
        // idle this long, a bucket is full again: forgetting it is the same as keeping it
        long refillSeconds = (long) Math.ceil(Math.min(86_400, burst / perSecond));
        this.buckets = Caffeine.newBuilder().maximumSize(maxCallers)
                .expireAfterAccess(Duration.ofSeconds(Math.max(1, refillSeconds))).build();
        this.trustedProxies = Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .map(EdgeFilter::subnet).toList();
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
        return exchange.getPrincipal().map(p -> "sub:" + p.getName()).defaultIfEmpty("ip:" + client(request))
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

    /** The client's address: the peer's, or what trusted proxies say they received the request from. */
    String client(ServerHttpRequest request) {
        String peer = remote(request);
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (!hop.isEmpty() && !trusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** An address, or a CIDR range ("10.0.0.0/8"), as Netty's subnet rule. */
    static IpSubnetFilterRule subnet(String proxy) {
        String cidr = proxy.contains("/") ? proxy : proxy + (proxy.contains(":") ? "/128" : "/32");
        return new IpSubnetFilterRule(cidr, IpFilterRuleType.ACCEPT);
    }

    private boolean trusted(String address) {
        if (trustedProxies.isEmpty()) {
            return false; // the common case: no proxy is trusted, and there is nothing to parse
        }
        // a literal only, never a name to look up: a forwarded value that is not an address is not a proxy
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(address);
        if (literal == null) {
            return false;
        }
        InetSocketAddress hop = new InetSocketAddress(literal, 0);
        return trustedProxies.stream().anyMatch(p -> p.matches(hop));
    }

    /** Token bucket: 0 when a request may pass, else the seconds to wait. */
    long take(String client) {
        double[] bucket = buckets.get(client, c -> new double[] {burst, System.nanoTime()});
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
