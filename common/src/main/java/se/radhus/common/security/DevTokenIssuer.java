package se.radhus.common.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A development token issuer: an RSA key made at start, RS256 tokens for any subject, roles and
 * audience, and the JWKS to check them, all through Nimbus JOSE+JWT. For local runs and tests only; on
 * Kubernetes Keycloak issues the tokens.
 */
public final class DevTokenIssuer {

    private final RSAKey key;
    private final String issuer;
    private final Clock clock;

    public DevTokenIssuer(String issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("dev-" + UUID.randomUUID().toString().substring(0, 8))
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String kid() {
        return key.getKeyID();
    }

    /** The services, the audience of a service token: each accepts only tokens naming it. */
    public static final List<String> SERVICES = List.of("meetings-service", "finance-service", "procurement-service");

    /** The audience a token gets unless asked otherwise: the services for a service, else the HTTP API. */
    public static List<String> defaultAudience(Collection<String> roles) {
        return roles.contains("service") ? SERVICES : List.of(SecurityConfig.API_AUDIENCE);
    }

    /** A token for {@code subject} with {@code roles}, for the default audience. */
    public String issue(String subject, Collection<String> roles, long ttlSeconds) {
        return issue(subject, roles, defaultAudience(roles), ttlSeconds);
    }

    /**
     * A token for {@code subject} with {@code roles} for {@code audiences}, valid {@code ttlSeconds} from
     * now; a service token ({@code service} role) names its subject as the client ({@code azp}).
     */
    public String issue(String subject, Collection<String> roles, Collection<String> audiences, long ttlSeconds) {
        return issue(subject, roles, audiences, ttlSeconds, java.util.Map.of());
    }

    /** As {@link #issue(String, Collection, Collection, long)}, with raw claims laid over the standard ones. */
    public String issue(String subject, Collection<String> roles, Collection<String> audiences, long ttlSeconds,
                        java.util.Map<String, Object> overrides) {
        Instant now = Instant.now(clock);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).issueTime(Date.from(now))
                .notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(ttlSeconds)))
                .audience(List.copyOf(audiences)).claim("roles", List.copyOf(roles)).jwtID(UUID.randomUUID().toString());
        if (roles.contains("service")) {
            claims.claim("azp", subject);
        }
        overrides.forEach(claims::claim);
        return sign(claims.build());
    }

    /** Signs any claims with the issuer's key (tests use it for tokens the verifier must refuse). */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWKS document with the issuer's one public key. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** The public key as a key source, for a verifier in the same process. */
    public JWKSource<SecurityContext> keys() {
        return new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
    }
}
