package se.radhus.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.radhus.common.api.Problem;
import se.radhus.common.security.DevTokenIssuer;
import se.radhus.common.security.SecurityConfig;
import se.radhus.common.security.TokenVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as an OAuth2 resource server (Spring Security for WebFlux): every bearer token is checked
 * by the one {@link TokenVerifier}, every path has an explicit rule and anything else is denied. The
 * rules match the decoded, normalised path that routing matches too; Spring Security's
 * {@code StrictServerWebExchangeFirewall} refuses {@code ;}, {@code //}, dot segments, encoded
 * {@code /}, {@code \} and NUL before any rule (400 problem+json). The services check roles again, more
 * finely; here each route family admits the roles that may write to it at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Route families and the roles that may write to them (admin may do all). */
    static final List<Family> FAMILIES = List.of(
            new Family(List.of("/api/bodies", "/api/bodies/**", "/api/persons", "/api/persons/**", "/api/cases",
                    "/api/cases/**"), "registrator"),
            new Family(List.of("/api/meetings", "/api/meetings/**"), "sekreterare", "handlaggare"),
            new Family(List.of("/api/imports", "/api/imports/**"), "sekreterare", "registrator"),
            new Family(List.of("/api/search", "/api/search/**", "/api/openapi/**", "/api/ocds/**")),
            new Family(List.of("/api/appropriations", "/api/appropriations/**", "/api/grants", "/api/grants/**",
                    "/api/budget/**"), "ekonom"),
            new Family(List.of("/api/procurements", "/api/procurements/**", "/api/contracts", "/api/contracts/**",
                    "/api/thresholds", "/api/thresholds/**"), "upphandlare"),
            // meetings-service's public side, read-only: the anslagstavla, Atom feeds, OParl
            new Family(List.of("/api/anslagstavla", "/api/anslagstavla/**", "/feeds/**", "/oparl/**")));

    /** Paths, and the roles (besides admin) that may write there; none: read-only. */
    record Family(List<String> paths, String... writers) {
        String[] pathArray() {
            return paths.toArray(String[]::new);
        }

        String[] writerRoles() {
            return authorities(writers);
        }
    }

    @Bean
    @ConditionalOnProperty(name = "radhus.dev-issuer.enabled", havingValue = "true")
    DevTokenIssuer devTokenIssuer(@Value("${radhus.security.issuer}") String issuer) {
        return new DevTokenIssuer(issuer, Clock.systemUTC());
    }

    /** With the development issuer on, its own key; otherwise the issuer's JWKS (Keycloak). */
    @Bean
    TokenVerifier tokenVerifier(@Value("${radhus.security.issuer}") String issuer,
                                @Value("${radhus.security.audiences:radhus-api}") String audiences,
                                @Value("${radhus.security.jwks-uri:}") String jwksUri,
                                @Value("${radhus.security.max-token-lifetime:12h}") Duration maxLifetime,
                                ObjectProvider<DevTokenIssuer> dev) {
        DevTokenIssuer local = dev.getIfAvailable();
        if (local != null) {
            return new TokenVerifier(issuer, SecurityConfig.audiences(audiences), maxLifetime, local.keys());
        }
        return SecurityConfig.verifier(issuer, audiences, jwksUri, null, maxLifetime);
    }

    /**
     * Spring's reactive decoder around the one verifier. The verifier may fetch keys (an unknown kid), so
     * it runs off the event loop; every failure is a bad token (401), never a server error.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(TokenVerifier verifier) {
        NimbusReactiveJwtDecoder decoder = new NimbusReactiveJwtDecoder(jwt -> Mono.fromCallable(() -> {
            try {
                return verifier.processor().process(jwt, null);
            } catch (Exception e) {
                throw new BadJwtException(e.getMessage() == null ? "invalid token" : e.getMessage(), e);
            }
        }).subscribeOn(Schedulers.boundedElastic()));
        decoder.setJwtValidator(token -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
        return decoder;
    }

    /**
     * The portal's pages (routed to portal/ by application.yaml's route {@code portal}, the same paths): read
     * by anyone, written by no one.
     */
    static final String[] PAGES = {"/", "/anslagstavla", "/anslagstavla/arkiv", "/organ/*", "/sammantraden/*",
            "/sammantraden/*/protokoll.pdf", "/arenden/**", "/sok", "/upphandlingar", "/upphandlingar/*", "/avtal",
            "/tillganglighet", "/assets/**"};

    /** The pages' CSP: their own stylesheet and images, forms to themselves; no script, no frames. */
    static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    /**
     * The chain for the pages, before the API's: GET and HEAD for anyone, every other method denied; no
     * token is read here (the portal shows only what the public sees). Its CSP lets a page load its stylesheet.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityWebFilterChain pageFilterChain(ServerHttpSecurity http) {
        http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PAGES))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(h -> h.frameOptions(f -> f.mode(Mode.DENY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(c -> c.policyDirectives(PAGE_CSP)))
                .authorizeExchange(a -> {
                    a.pathMatchers(HttpMethod.GET, PAGES).permitAll();
                    a.pathMatchers(HttpMethod.HEAD, PAGES).permitAll();
                    a.anyExchange().denyAll();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler((exchange, denied) -> forbidden(exchange)));
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                  @Value("${radhus.cors.origins:}") String origins) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable) // a bearer-token API: no cookies, no sessions
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(c -> c.configurationSource(cors(origins)))
                .headers(h -> h.frameOptions(f -> f.mode(Mode.DENY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeExchange(a -> {
                    a.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                            "/actuator/health/readiness").permitAll();
                    a.pathMatchers("/actuator", "/actuator/**").hasAuthority("ROLE_admin");
                    a.pathMatchers(HttpMethod.GET, "/dev/jwks.json").permitAll();
                    a.pathMatchers(HttpMethod.POST, "/dev/token").permitAll();
                    // the API's description (one OpenAPI document, Swagger UI on it): public
                    a.pathMatchers(HttpMethod.GET, se.radhus.gateway.openapi.ApiDocsController.PATHS).permitAll();
                    a.pathMatchers(HttpMethod.GET, "/api/audit/meetings", "/api/audit/finance", "/api/audit/procurement")
                            .hasAuthority("ROLE_admin");
                    for (Family f : FAMILIES) {
                        a.pathMatchers(HttpMethod.GET, f.pathArray()).permitAll();
                        a.pathMatchers(HttpMethod.HEAD, f.pathArray()).permitAll();
                        if (f.writers().length > 0) {
                            for (HttpMethod m : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
                                a.pathMatchers(m, f.pathArray()).hasAnyAuthority(f.writerRoles());
                            }
                        }
                    }
                    a.anyExchange().denyAll();
                })
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtDecoder(decoder).jwtAuthenticationConverter(authorities()))
                        .authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler((exchange, denied) -> forbidden(exchange)))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler((exchange, denied) -> forbidden(exchange)));
        return http.build();
    }

    /**
     * No observations of Spring Security's own (the filter chain, each filter in it, authentication and
     * authorization): they wrapped every one of the chain's filters in an observation of its own, with a timer
     * each, on every request, and added nothing to a trace that the request's server span and the routed call's
     * client span do not already show. Profiled under load, they were a tenth of the gateway's time per request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The firewall's refusals (non-canonical paths) as 400 problem+json. */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler() {
        return (exchange, rejected) -> {
            log.info("refused non-canonical request {} {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getURI().getRawPath(), rejected.getMessage());
            return write(exchange, Problem.of("non-canonical-path", "Invalid request", 400,
                    "The path is not in canonical form (no ';', '//', '.' or '..' segments, encoded '/' or '\\', or NUL)."));
        };
    }

    /** Roles ({@code roles} and Keycloak's realm roles) as {@code ROLE_x} authorities; admin may do all. */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> authorities() {
        return jwt -> {
            Collection<SimpleGrantedAuthority> granted = TokenVerifier.principal(jwt.getClaims()).roles().stream()
                    .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
            return Mono.just(new JwtAuthenticationToken(jwt, granted, jwt.getSubject()));
        };
    }

    static String[] authorities(String... roles) {
        String[] a = Arrays.copyOf(Arrays.stream(roles).map(r -> "ROLE_" + r).toArray(String[]::new), roles.length + 1);
        a[roles.length] = "ROLE_admin";
        return a;
    }

    static UrlBasedCorsConfigurationSource cors(String origins) {
        CorsConfiguration cors = new CorsConfiguration();
        Arrays.stream(origins.split(",")).map(String::strip).filter(o -> !o.isEmpty()).forEach(cors::addAllowedOrigin);
        List.of("GET", "POST", "PUT", "DELETE").forEach(cors::addAllowedMethod);
        List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match", "If-None-Match", "X-Request-Id")
                .forEach(cors::addAllowedHeader);
        cors.addExposedHeader("ETag");
        cors.addExposedHeader("X-Request-Id");
        cors.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException e) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        if (e instanceof InvalidBearerTokenException) {
            log.info("refused token on {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    e.getMessage());
            return write(exchange, Problem.of("invalid-token", "Unauthorized", 401,
                    "The bearer token is not valid (signature, issuer, audience, lifetime or claims). Get a new one."));
        }
        log.info("refused anonymous {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath());
        return write(exchange, Problem.of("unauthenticated", "Unauthorized", 401,
                "This request needs a signed-in user: send Authorization: Bearer <token>."));
    }

    static Mono<Void> forbidden(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(p -> p.getName()).defaultIfEmpty("?").flatMap(who -> {
            log.info("refused {} {} for {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), who);
            return write(exchange, Problem.of("forbidden", "Forbidden", 403,
                    "Your roles do not allow " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath() + "."));
        });
    }

    static Mono<Void> write(ServerWebExchange exchange, Problem p) {
        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(p.status()));
        exchange.getResponse().getHeaders().setContentType(MediaType.parseMediaType(Problem.MEDIA_TYPE));
        byte[] body = JSON.writeValueAsBytes(p.toMap());
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
    }
}
