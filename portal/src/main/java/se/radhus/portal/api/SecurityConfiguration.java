package se.radhus.portal.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The portal only shows: GET and HEAD on the page paths and the health probes, everything else denied
 * (Spring Security, deny by default). No sessions, no cookies, no sign-in. The pages' CSP allows
 * their own stylesheet and nothing else: no script, no frame, forms only to the portal itself.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The paths of the pages; the gateway routes the same ones here. */
    static final String[] PAGES = {"/", "/anslagstavla", "/anslagstavla/arkiv", "/organ/*", "/sammantraden/*",
            "/sammantraden/*/protokoll.pdf", "/arenden/**", "/sok", "/upphandlingar", "/upphandlingar/*", "/avtal",
            "/tillganglighet", "/assets/**", "/error"};

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // nothing here accepts a write
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .requestMatchers(HttpMethod.GET, PAGES).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PAGES).permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
