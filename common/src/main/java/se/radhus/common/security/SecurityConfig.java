package se.radhus.common.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a service checks tokens: the issuer, the audiences it accepts, the longest lifetime, and the
 * issuer's keys from a JWKS URI, or a JWKS document inline (tests).
 */
public final class SecurityConfig {

    /** The audience of the HTTP API (Keycloak's portal clients put it in {@code aud}). */
    public static final String API_AUDIENCE = "radhus-api";
    /** Tokens living longer than this are refused, whatever their {@code exp} says. */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(12);
    /** An unknown {@code kid} makes at most one JWKS fetch per this interval. */
    public static final Duration MIN_REFETCH = Duration.ofSeconds(30);

    private SecurityConfig() {
    }

    /**
     * @param issuer    the expected {@code iss}
     * @param audiences the accepted {@code aud} values, comma-separated
     * @param jwksUri   where the issuer publishes its keys, or blank
     * @param jwks      the keys inline (a JWKS document), or blank
     */
    public static TokenVerifier verifier(String issuer, String audiences, String jwksUri, String jwks, Duration maxLifetime) {
        return new TokenVerifier(issuer, audiences(audiences), maxLifetime == null ? DEFAULT_MAX_LIFETIME : maxLifetime,
                keys(jwksUri, jwks));
    }

    public static JWKSource<SecurityContext> keys(String jwksUri, String jwks) {
        if (jwks != null && !jwks.isBlank()) {
            try {
                return new ImmutableJWKSet<>(JWKSet.parse(jwks));
            } catch (ParseException e) {
                throw new IllegalStateException("radhus.security.jwks is not a JWKS document", e);
            }
        }
        if (jwksUri == null || jwksUri.isBlank()) {
            throw new IllegalStateException("no token issuer keys are configured: set RADHUS_JWKS_URI");
        }
        return TokenVerifier.remoteKeys(jwksUri, MIN_REFETCH);
    }

    public static Set<String> audiences(String commaSeparated) {
        Set<String> a = Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        if (a.isEmpty()) {
            throw new IllegalStateException("no token audience is configured");
        }
        return a;
    }
}
