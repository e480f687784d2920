package se.radhus.meetings.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import se.radhus.common.api.Problem;
import se.radhus.common.security.SecurityConfig;
import se.radhus.common.security.ServiceIdentity;
import se.radhus.common.security.TokenVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * meetings-service as an OAuth2 resource server (Spring Security): the token is checked again (the
 * gateway checked it too) by the one {@link TokenVerifier}, and every route has an explicit rule,
 * matched on the same decoded, normalised path that Spring MVC routes on; anything else is denied.
 * Spring Security's {@code StrictHttpFirewall} refuses non-canonical paths first (400 problem+json).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The API's reads, public to all (each handler still hides drafts and protected identities). */
    static final String[] API_READS = {"/api/bodies", "/api/bodies/*", "/api/persons", "/api/persons/*",
            "/api/cases", "/api/cases/*", "/api/cases/*/*", "/api/meetings", "/api/meetings/*",
            "/api/meetings/*/effects", "/api/meetings/*/protocol", "/api/meetings/*/paragraphs/next",
            "/api/meetings/*/legal-force", "/api/meetings/*/paragraphs/*/legal-force",
            "/api/meetings/*/paragraphs/*", "/api/meetings/*/paragraphs/*/extract", "/api/search",
            "/api/openapi/meetings", "/api/openapi/meetings/**"};

    /** The public reads of the anslagstavla, agendas, documents, feeds and OParl (each handler shows only what is public). */
    static final String[] PUBLIC_READS = {"/api/anslagstavla", "/api/anslagstavla/arkiv", "/api/meetings/*/agenda",
            "/api/meetings/*/documents/*", "/api/bodies/*/calendar.ics", "/feeds/**", "/oparl/**"};

    @Bean
    TokenVerifier tokenVerifier(@Value("${radhus.security.issuer}") String issuer,
                                @Value("${radhus.security.audiences:radhus-api}") String audiences,
                                @Value("${radhus.security.jwks-uri:}") String jwksUri,
                                @Value("${radhus.security.jwks:}") String jwks,
                                @Value("${radhus.security.max-token-lifetime:12h}") Duration maxLifetime) {
        return SecurityConfig.verifier(issuer, audiences, jwksUri, jwks, maxLifetime);
    }

    /** Spring's decoder around the one verifier's processor, whose every failure is a bad token (401). */
    @Bean
    JwtDecoder jwtDecoder(TokenVerifier verifier) {
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(verifier.processor());
        decoder.setJwtValidator(token -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
        return decoder;
    }

    /**
     * The role rules: reads are public (each handler still hides drafts and protected identities), the
     * audit trail is admin's, and each write names the roles that may make it; admin may do all.
     */
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // a bearer-token API: no cookies, no sessions
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/audit/meetings").hasAuthority("ROLE_admin")
                        .requestMatchers(HttpMethod.GET, API_READS).permitAll()
                        // the public side of meetings: the anslagstavla, kallelser and their documents, feeds, OParl
                        .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        // HEAD is GET without the body (RFC 9110, 9.3.2): allowed wherever GET is, so a cache or a
                        // link checker may ask for the headers (ETag, Last-Modified) alone
                        .requestMatchers(HttpMethod.HEAD, API_READS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/bodies", "/api/persons", "/api/cases")
                        .hasAnyAuthority(roles("registrator"))
                        .requestMatchers(HttpMethod.POST, "/api/meetings/*/justering", "/api/meetings/*/anslag",
                                "/api/meetings/*/paragraphs/*/justering", "/api/meetings/*/paragraphs/*/appeals",
                                "/api/meetings/*/paragraphs/*/appeals/*/judgments").hasAnyAuthority(roles("sekreterare"))
                        .requestMatchers(HttpMethod.PUT, "/api/meetings/*/attendance").hasAnyAuthority(roles("sekreterare"))
                        .requestMatchers(HttpMethod.PUT, "/api/meetings/*/agenda").hasAnyAuthority(roles("sekreterare"))
                        .requestMatchers(HttpMethod.POST, "/api/meetings/*/kallelse", "/api/meetings/*/agenda/paragraphs")
                        .hasAnyAuthority(roles("sekreterare"))
                        .requestMatchers(HttpMethod.POST, "/api/meetings/*/documents").hasAnyAuthority(roles("sekreterare", "handlaggare"))
                        .requestMatchers(HttpMethod.POST, "/api/meetings", "/api/meetings/*/state").hasAnyAuthority(roles("sekreterare"))
                        .requestMatchers(HttpMethod.POST, "/api/meetings/*/paragraphs").hasAnyAuthority(roles("sekreterare", "handlaggare"))
                        .requestMatchers(HttpMethod.PUT, "/api/meetings/*/paragraphs/*").hasAnyAuthority(roles("sekreterare", "handlaggare"))
                        .requestMatchers(HttpMethod.DELETE, "/api/meetings/*/paragraphs/*").hasAnyAuthority(roles("sekreterare", "handlaggare"))
                        .requestMatchers(HttpMethod.POST, "/api/imports").hasAnyAuthority(roles("sekreterare", "registrator"))
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(jwt -> new JwtAuthenticationToken(jwt,
                                TokenVerifier.principal(jwt.getClaims()).roles().stream()
                                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList(), jwt.getSubject())))
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response,
                                e instanceof InvalidBearerTokenException))
                        .accessDeniedHandler((request, response, e) -> forbidden(request, response)))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> unauthorized(request, response, false))
                        .accessDeniedHandler((request, response, ex) -> forbidden(request, response)));
        return http.build();
    }

    static String[] roles(String... roles) {
        String[] a = new String[roles.length + 1];
        for (int i = 0; i < roles.length; i++) {
            a[i] = "ROLE_" + roles[i];
        }
        a[roles.length] = "ROLE_admin";
        return a;
    }

    /** The firewall's refusals (non-canonical paths) as 400 problem+json. */
    /**
     * No Micrometer observation around each of Spring Security's filters, the authentication and the
     * authorization: nothing here traces, and those nested observations cost a read about as much CPU as
     * the whole JSON answer. The request itself is still observed ({@code http.server.requests}).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            log.info("refused non-canonical request {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
            write(response, Problem.of("non-canonical-path", "Invalid request", 400,
                    "The path is not in canonical form (no ';', '//', '.' or '..' segments, encoded '/' or '\\', or NUL)."));
        };
    }

    /** Only finance and procurement call the meetings contract, with service tokens for meetings-service. */
    @Bean
    @org.springframework.grpc.server.GlobalServerInterceptor
    io.grpc.ServerInterceptor serviceCallers(@Value("${radhus.security.issuer}") String issuer,
                                             @Value("${radhus.security.jwks-uri:}") String jwksUri,
                                             @Value("${radhus.security.jwks:}") String jwks,
                                             @Value("${spring.application.name}") String self) {
        TokenVerifier services = SecurityConfig.verifier(issuer, self, jwksUri, jwks, null);
        return ServiceIdentity.requireCallers(services, Map.of(
                "radhus.meetings.v1.MeetingsService", Set.of("finance-service", "procurement-service")));
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, boolean badToken) throws IOException {
        log.info("refused {} {} {}", badToken ? "bad token on" : "anonymous", request.getMethod(), request.getRequestURI());
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, badToken
                ? Problem.of("invalid-token", "Unauthorized", 401,
                "The bearer token is not valid (signature, issuer, audience, lifetime or claims). Get a new one.")
                : Problem.of("unauthenticated", "Unauthorized", 401,
                "This request needs a signed-in user: send Authorization: Bearer <token>."));
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var who = Caller.current();
        log.info("refused {} {} for {} {}", request.getMethod(), request.getRequestURI(), who.subject(), who.roles());
        write(response, Problem.of("forbidden", "Forbidden", 403,
                "Your roles " + who.roles() + " do not allow " + request.getMethod() + " here."));
    }

    static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem.toMap()));
    }
}
