package se.radhus.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import se.radhus.common.api.RequestIds;

/**
 * Every request gets an X-Request-Id: the caller's if it is plain and short, else a new one. It goes to
 * the service behind the route, back to the caller, and into the gateway's access log line.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    private static final Logger access = LoggerFactory.getLogger("se.radhus.gateway.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER);
        String id = RequestIds.acceptOrCreate(given);
        // the caller's own id, taken as it is, needs no copy of the request's headers
        boolean taken = id.equals(given) && exchange.getRequest().getHeaders().get(RequestIds.HEADER).size() == 1;
        ServerHttpRequest request = taken ? exchange.getRequest()
                : exchange.getRequest().mutate().headers(h -> h.set(RequestIds.HEADER, id)).build();
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
        long start = System.nanoTime();
        return chain.filter(taken ? exchange : exchange.mutate().request(request).build())
                .doFinally(signal -> access.info("requestId={} {} {} -> {} in {} ms", id, request.getMethod(),
                        request.getPath().value(), exchange.getResponse().getStatusCode(),
                        (System.nanoTime() - start) / 1_000_000));
    }
}
