package se.radhus.common.security;

import java.time.Clock;
import java.util.Map;

/**
 * How a service checks tokens: the issuer, and its keys from a JWKS URI, or inline JWKS (tests).
 */
public final class SecurityConfig {

    private SecurityConfig() {
    }

    /**
     * @param issuer  the expected {@code iss}
     * @param jwksUri where the issuer publishes its keys, or blank
     * @param jwks    the keys inline (a JWKS document), or blank
     */
    public static JwtVerifier verifier(String issuer, String jwksUri, String jwks) {
        if (jwks != null && !jwks.isBlank()) {
            Map<String, java.security.PublicKey> keys = Jwks.parse(jwks);
            return new JwtVerifier(issuer, keys::get, Clock.systemUTC());
        }
        if (jwksUri == null || jwksUri.isBlank()) {
            throw new IllegalStateException("no token issuer keys are configured: set RADHUS_JWKS_URI");
        }
        return new JwtVerifier(issuer, new Jwks(jwksUri), Clock.systemUTC());
    }

    /** Reads the principal of an Authorization header: anonymous without one, InvalidToken for a bad one. */
    public static Principal principal(JwtVerifier verifier, String authorization) {
        String token = JwtVerifier.bearer(authorization);
        return token == null ? Principal.ANONYMOUS : verifier.verify(token);
    }
}
