package se.radhus.portal.client;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Each API call made while serving a page says whom it is for, in {@code X-Forwarded-For}: the chain the
 * page request came with (the gateway's, which routes visitors here) and the address it came from. The
 * gateway keys its rate limit on the client address its trusted proxies give ({@code TRUSTED_PROXIES}, which
 * in a cluster covers the pod network and so the portal's pods): each visitor then has a bucket of their
 * own, instead of every visitor of one portal pod sharing one. Where the portal is not a trusted proxy the
 * header is not believed and the portal's own address counts, as before.
 */
final class VisitorAddress implements ClientHttpRequestInterceptor {

    static final String HEADER = "X-Forwarded-For";

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            request.getHeaders().set(HEADER, chain(attributes.getRequest()));
        }
        return execution.execute(request, body);
    }

    static String chain(HttpServletRequest page) {
        String before = page.getHeader(HEADER);
        String from = page.getRemoteAddr();
        return before == null || before.isBlank() ? from : before.strip() + ", " + from;
    }
}
