package se.radhus.gateway;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * A route with {@code metadata: visitor-address: true} tells its upstream, in {@code X-Forwarded-For}, the
 * one address the gateway takes for the client (the peer's, or what trusted proxies say:
 * {@link EdgeFilter#client}), and nothing a client wrote there itself. The portal passes it on with the API
 * calls it makes for a page, so the rate limit counts each visitor alone rather than every visitor of one
 * portal pod as one caller (the portal's pods are trusted proxies, {@code TRUSTED_PROXIES}, in a cluster).
 * <p>
 * A header filter, applied as the request is sent, after Spring Cloud Gateway's own: those drop a forwarded
 * header that no trusted proxy vouches for, which is what is wanted for every other route.
 */
@Component
class VisitorAddress implements HttpHeadersFilter, Ordered {

    static final String HEADER = "X-Forwarded-For";
    static final String METADATA = "visitor-address";

    private final EdgeFilter edge;

    VisitorAddress(EdgeFilter edge) {
        this.edge = edge;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !"true".equals(String.valueOf(route.getMetadata().get(METADATA)))) {
            return input;
        }
        return with(input, HEADER, edge.client(exchange.getRequest()));
    }

    /** A header filter's answer: the headers as given (which it may not change), with {@code name} set to one value. */
    static HttpHeaders with(HttpHeaders input, String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set(name, value);
        return headers;
    }
}
