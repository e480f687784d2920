package se.radhus.micronaut;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import java.util.Map;
import se.radhus.common.api.RequestIds;

/**
 * Puts the gateway's X-Request-Id (or a new one) into the logging context of everything that serves the
 * request, on whatever thread, and into the response.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    private static final String ATTRIBUTE = "radhus.requestId";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    public void before(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = RequestIds.acceptOrCreate(request.getHeaders().get(RequestIds.HEADER));
        request.setAttribute(ATTRIBUTE, id);
        context.add(new MdcPropagationContext(Map.of(RequestIds.MDC_KEY, id)));
    }

    @ResponseFilter
    public void after(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(RequestIds.HEADER, id));
    }
}
