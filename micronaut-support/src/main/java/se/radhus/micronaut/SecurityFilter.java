package se.radhus.micronaut;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.radhus.common.api.Problem;
import se.radhus.common.security.AccessPolicy;
import se.radhus.common.security.InvalidToken;
import se.radhus.common.security.JwtVerifier;
import se.radhus.common.security.Principal;
import se.radhus.common.security.SecurityConfig;

/**
 * Checks the bearer token again (the gateway checked it too) and the service's role rules, and puts the
 * caller on the request for the controllers.
 */
@ServerFilter("/api/**")
public class SecurityFilter implements Ordered {

    public static final String PRINCIPAL = "radhus.principal";
    private static final Logger log = LoggerFactory.getLogger(SecurityFilter.class);

    private final JwtVerifier verifier;
    private final AccessPolicy policy;

    public SecurityFilter(JwtVerifier verifier, AccessPolicy policy) {
        this.verifier = verifier;
        this.policy = policy;
    }

    /** The token verifier, from the issuer's JWKS (or inline keys in tests). */
    @io.micronaut.context.annotation.Factory
    public static class Beans {
        @jakarta.inject.Singleton
        JwtVerifier jwtVerifier(@Value("${radhus.security.issuer}") String issuer,
                                @Nullable @Value("${radhus.security.jwks-uri:}") String jwksUri,
                                @Nullable @Value("${radhus.security.jwks:}") String jwks) {
            return SecurityConfig.verifier(issuer, jwksUri, jwks);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    public static Principal principal(HttpRequest<?> request) {
        return request.getAttribute(PRINCIPAL, Principal.class).orElse(Principal.ANONYMOUS);
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        Principal who;
        try {
            who = SecurityConfig.principal(verifier, request.getHeaders().get("Authorization"));
        } catch (InvalidToken e) {
            log.info("refused token on {} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            return Problems.response(Problem.of("invalid-token", "Unauthorized", 401,
                    "The bearer token is not valid (signature, issuer or expiry). Get a new one.")).header("WWW-Authenticate", "Bearer");
        }
        return switch (policy.decide(request.getMethodName(), request.getPath(), who)) {
            case UNAUTHENTICATED -> Problems.response(Problem.of("unauthenticated", "Unauthorized", 401,
                    "This request needs a signed-in user: send Authorization: Bearer <token>.")).header("WWW-Authenticate", "Bearer");
            case FORBIDDEN -> Problems.response(Problem.of("forbidden", "Forbidden", 403,
                    "Your roles " + who.roles() + " do not allow " + request.getMethodName() + " here."));
            case ALLOW -> {
                request.setAttribute(PRINCIPAL, who);
                yield null;
            }
        };
    }
}
