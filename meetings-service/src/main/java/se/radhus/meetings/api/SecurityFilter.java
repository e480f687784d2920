package se.radhus.meetings.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import se.radhus.common.api.Problem;
import se.radhus.common.security.AccessPolicy;
import se.radhus.common.security.InvalidToken;
import se.radhus.common.security.JwtVerifier;
import se.radhus.common.security.Principal;
import se.radhus.common.security.SecurityConfig;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the bearer token again (the gateway checked it too) and the role rules of meetings-service;
 * puts the caller in the request for the controllers, which hide drafts and protected identities.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SecurityFilter extends OncePerRequestFilter {

    public static final String PRINCIPAL = "radhus.principal";
    private static final Logger log = LoggerFactory.getLogger(SecurityFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JwtVerifier verifier;
    private final AccessPolicy policy = AccessPolicy.meetings();

    public SecurityFilter(JwtVerifier verifier) {
        this.verifier = verifier;
    }

    /** The token verifier, and the rule that only finance and procurement call the meetings contract. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Beans {
        @org.springframework.context.annotation.Bean
        JwtVerifier jwtVerifier(@Value("${radhus.security.issuer}") String issuer,
                                @Value("${radhus.security.jwks-uri:}") String jwksUri,
                                @Value("${radhus.security.jwks:}") String jwks) {
            return SecurityConfig.verifier(issuer, jwksUri, jwks);
        }

        @org.springframework.context.annotation.Bean
        @org.springframework.grpc.server.GlobalServerInterceptor
        io.grpc.ServerInterceptor serviceCallers(JwtVerifier verifier) {
            return se.radhus.common.security.ServiceIdentity.requireCallers(verifier, java.util.Map.of(
                    "radhus.meetings.v1.MeetingsService", java.util.Set.of("finance-service", "procurement-service")));
        }
    }

    public static Principal principal(HttpServletRequest request) {
        Object p = request.getAttribute(PRINCIPAL);
        return p instanceof Principal principal ? principal : Principal.ANONYMOUS;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal who;
        try {
            who = SecurityConfig.principal(verifier, request.getHeader("Authorization"));
        } catch (InvalidToken e) {
            log.info("refused token on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            write(response, Problem.of("invalid-token", "Unauthorized", 401,
                    "The bearer token is not valid (signature, issuer or expiry). Get a new one."));
            return;
        }
        switch (policy.decide(request.getMethod(), request.getRequestURI(), who)) {
            case UNAUTHENTICATED -> write(response, Problem.of("unauthenticated", "Unauthorized", 401,
                    "This request needs a signed-in user: send Authorization: Bearer <token>."));
            case FORBIDDEN -> write(response, Problem.of("forbidden", "Forbidden", 403,
                    "Your roles " + who.roles() + " do not allow " + request.getMethod() + " here."));
            case ALLOW -> {
                request.setAttribute(PRINCIPAL, who);
                chain.doFilter(request, response);
            }
        }
    }

    static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(JSON.writeValueAsBytes(problem.toMap()));
    }
}
