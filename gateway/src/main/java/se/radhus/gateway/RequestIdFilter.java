package se.radhus.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;
import se.radhus.common.api.RequestIds;

/**
 * Every request gets an X-Request-Id: the caller's if it is plain and short, else a new one. It goes to
 * the service behind the route, back to the caller, and into the gateway's access log line, with the
 * request's trace id (the W3C trace the services continue).
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
        String traceId = traceId(exchange);
        return chain.filter(taken ? exchange : exchange.mutate().request(request).build())
                .doFinally(signal -> {
                    // the line runs on whatever thread ends the exchange: its ids are put in the MDC for it alone
                    try (var r = MDC.putCloseable(RequestIds.MDC_KEY, id); var t = MDC.putCloseable("traceId", traceId)) {
                        access.info("requestId={} traceId={} {} {} -> {} in {} ms", id, traceId, request.getMethod(),
                                request.getPath().value(), exchange.getResponse().getStatusCode(),
                                (System.nanoTime() - start) / 1_000_000);
                    }
                });
    }

    /**
     * The trace id of the exchange's server observation (started before any filter), which the routes carry
     * on to the services as their W3C traceparent; empty when the request is not traced.
     */
    static String traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(c -> c.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId())
                .orElse("");
    }
}
