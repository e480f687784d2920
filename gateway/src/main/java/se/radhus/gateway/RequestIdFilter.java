package se.radhus.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import se.radhus.common.api.RequestIds;

/**
 * Every request gets an X-Request-Id: the caller's if it is plain and short, else a new one. It goes to
 * the service behind the route, back to the caller, and into the gateway's access log line, with the
 * request's trace id (the W3C trace the services continue).
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    private static final Logger access = LoggerFactory.getLogger("se.radhus.gateway.access");

    /** What the access line says of an exchange the caller left before it ended. */
    static final String CANCELLED = "cancelled, the caller went away";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String id = RequestIds.acceptOrCreate(request.getHeaders().getFirst(RequestIds.HEADER));
        // the id goes to the service as the request is sent (Upstream, below), not by copying the request here
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
        long start = System.nanoTime();
        String traceId = traceId(exchange);
        return chain.filter(exchange)
                .doFinally(signal -> {
                    // a caller that went away before its answer was sent cancels the exchange: the status set so
                    // far (often the 200 of an answer under way) is not what the caller got
                    Object outcome = signal == SignalType.CANCEL ? CANCELLED : exchange.getResponse().getStatusCode();
                    // the line runs on whatever thread ends the exchange: its ids are put in the MDC for it alone
                    try (var r = MDC.putCloseable(RequestIds.MDC_KEY, id); var t = MDC.putCloseable("traceId", traceId)) {
                        access.info("requestId={} traceId={} {} {} -> {} in {} ms", id, traceId, request.getMethod(),
                                request.getPath().value(), outcome, (System.nanoTime() - start) / 1_000_000);
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

    /**
     * The request's id on the request a route sends to its service: the one the caller was given, in place of
     * whatever the caller sent (one value, never the caller's second or its unplain one). A header filter, so
     * the inbound request is not copied for it.
     */
    @Component
    static class Upstream implements HttpHeadersFilter, Ordered {

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            String id = exchange.getResponse().getHeaders().getFirst(RequestIds.HEADER);
            if (id == null || input.getValuesAsList(RequestIds.HEADER).equals(java.util.List.of(id))) {
                return input;
            }
            return VisitorAddress.with(input, RequestIds.HEADER, id);
        }
    }
}
