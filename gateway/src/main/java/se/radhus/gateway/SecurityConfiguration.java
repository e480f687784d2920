package se.radhus.gateway;

import java.time.Clock;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import se.radhus.common.security.DevTokenIssuer;
import se.radhus.common.security.JwtVerifier;
import se.radhus.common.security.Jwks;

/** The gateway's token checking, its development issuer, and CORS for the configured portal origins. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @ConditionalOnProperty(name = "radhus.dev-issuer.enabled", havingValue = "true")
    DevTokenIssuer devTokenIssuer(@Value("${radhus.security.issuer}") String issuer) {
        return new DevTokenIssuer(issuer, Clock.systemUTC());
    }

    /** With the development issuer on, its own key; otherwise the issuer's JWKS (Keycloak). */
    @Bean
    JwtVerifier jwtVerifier(@Value("${radhus.security.issuer}") String issuer,
                            @Value("${radhus.security.jwks-uri:}") String jwksUri,
                            ObjectProvider<DevTokenIssuer> dev) {
        DevTokenIssuer local = dev.getIfAvailable();
        if (local != null) {
            return new JwtVerifier(issuer, kid -> local.kid().equals(kid) ? local.publicKey() : null, Clock.systemUTC());
        }
        return new JwtVerifier(issuer, new Jwks(jwksUri), Clock.systemUTC());
    }

    @Bean
    CorsWebFilter corsWebFilter(@Value("${radhus.cors.origins:}") String origins) {
        CorsConfiguration cors = new CorsConfiguration();
        Arrays.stream(origins.split(",")).map(String::strip).filter(o -> !o.isEmpty()).forEach(cors::addAllowedOrigin);
        cors.addAllowedMethod("GET");
        cors.addAllowedMethod("POST");
        cors.addAllowedMethod("PUT");
        cors.addAllowedHeader("Authorization");
        cors.addAllowedHeader("Content-Type");
        cors.addAllowedHeader("Idempotency-Key");
        cors.addAllowedHeader("If-Match");
        cors.addAllowedHeader("X-Request-Id");
        cors.addExposedHeader("ETag");
        cors.addExposedHeader("X-Request-Id");
        cors.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return new CorsWebFilter(source);
    }
}
