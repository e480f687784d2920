package se.radhus.micronaut;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.radhus.common.api.JsonBodyRules;
import se.radhus.common.api.Problem;

/**
 * The service's own checks after micronaut-security has read the token: a bearer token that did not
 * authenticate is refused (401) on every path, public or not, as the Spring services do; and a JSON body
 * must keep {@link JsonBodyRules} (no {@code $} or dotted keys, bounded arrays), 400 otherwise. The body
 * size limit is Micronaut's own ({@code micronaut.server.max-request-size}, 413).
 */
public final class EdgeChecks {

    private static final Logger log = LoggerFactory.getLogger(EdgeChecks.class);

    private EdgeChecks() {
    }

    /** A token was sent but did not authenticate: it is not valid. */
    @ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
    public static class BadTokens implements Ordered {
        @Override
        public int getOrder() {
            return ServerFilterPhase.SECURITY.after();
        }

        @RequestFilter
        @Nullable
        public HttpResponse<?> check(HttpRequest<?> request) {
            String authorization = request.getHeaders().get("Authorization");
            if (authorization == null || request.getUserPrincipal().isPresent() && claimsAsSent(authorization)) {
                return null;
            }
            log.info("refused token on {} {}", request.getMethodName(), request.getPath());
            return Problems.response(Problem.of("invalid-token", "Unauthorized", 401,
                            "The bearer token is not valid (signature, issuer, audience, lifetime or claims). Get a new one."))
                    .header("WWW-Authenticate", "Bearer");
        }
    }

    /**
     * The claims' types as the token carries them (Nimbus reads a numeric {@code sub} as its string before
     * micronaut-security sees it): the same check as the Spring services' {@code TokenVerifier}.
     */
    static boolean claimsAsSent(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return true;
        }
        try {
            se.radhus.common.security.TokenVerifier.rawTypes(com.nimbusds.jwt.SignedJWT.parse(authorization.substring(7).strip()));
            return true;
        } catch (java.text.ParseException | com.nimbusds.jwt.proc.BadJWTException e) {
            return false;
        }
    }

    /** JSON bodies keep the rules. */
    @ServerFilter(value = ServerFilter.MATCH_ALL_PATTERN, methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE})
    public static class JsonBodies implements Ordered {
        @Override
        public int getOrder() {
            return ServerFilterPhase.SECURITY.after() + 1;
        }

        @RequestFilter
        @Nullable
        public HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body String body) {
            if (body == null || !JsonBodyRules.applies(request.getHeaders().get("Content-Type"))) {
                return null;
            }
            Problem bad = JsonBodyRules.check(body.getBytes(StandardCharsets.UTF_8));
            return bad == null ? null : Problems.response(bad);
        }
    }
}
