package se.radhus.micronaut;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.radhus.common.security.SecurityConfig;
import se.radhus.common.security.TokenVerifier;

/**
 * What micronaut-security-jwt checks besides signature, issuer, audience, expiry and not-before (its
 * own validators, configured in application.yml): a lifetime no longer than allowed, and the claims the
 * services read of the types they must have, so that a token with roles as a string is refused, not
 * read. Roles are read as in the other services: {@code roles} and Keycloak's realm roles.
 */
@Factory
public class TokenRules {

    private static final Logger log = LoggerFactory.getLogger(TokenRules.class);

    @Singleton
    GenericJwtClaimsValidator<HttpRequest<?>> lifetimeAndTypes(
            @Value("${radhus.security.max-token-lifetime:12h}") Duration maxLifetime) {
        return (claims, request) -> {
            String refused = refusal(claims, maxLifetime);
            if (refused != null) {
                log.info("refused token: {}", refused);
                return false;
            }
            return true;
        };
    }

    /** Why a token's claims cannot be accepted; null when they can. */
    static String refusal(Claims claims, Duration maxLifetime) {
        if (!(claims.get("iat") instanceof Date iat) || !(claims.get("exp") instanceof Date exp)) {
            return "iat and exp are required";
        }
        long now = System.currentTimeMillis();
        if (iat.getTime() > now + 30_000) {
            return "the token was issued in the future";
        }
        if (exp.getTime() - iat.getTime() > maxLifetime.toMillis() || exp.getTime() - now > maxLifetime.toMillis()) {
            return "the token lives longer than " + maxLifetime;
        }
        if (!(claims.get("sub") instanceof String sub) || sub.isBlank()) {
            return "sub is not a non-blank string";
        }
        Object azp = claims.get("azp");
        if (azp != null && !(azp instanceof String)) {
            return "azp is not a string";
        }
        if (!stringsOrAbsent(claims.get("roles"))) {
            return "roles is not a list of strings";
        }
        Object realm = claims.get("realm_access");
        if (realm != null && !(realm instanceof Map<?, ?> m && stringsOrAbsent(m.get("roles")))) {
            return "realm_access.roles is not a list of strings";
        }
        return null;
    }

    static boolean stringsOrAbsent(Object value) {
        return value == null || value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
    }

    /** Roles as the other services read them. */
    @Singleton
    @Replaces(DefaultRolesFinder.class)
    RolesFinder rolesFinder() {
        return attributes -> List.copyOf(TokenVerifier.principal(attributes).roles());
    }

    /** The gRPC side: service tokens whose audience is this service, checked by the one verifier. */
    @Singleton
    TokenVerifier serviceTokenVerifier(@Value("${radhus.security.issuer}") String issuer,
                                       @Value("${radhus.service}") String service,
                                       @Nullable @Value("${radhus.security.jwks-uri:}") String jwksUri,
                                       @Nullable @Value("${radhus.security.jwks:}") String jwks) {
        return SecurityConfig.verifier(issuer, service + "-service", jwksUri, jwks, null);
    }
}
