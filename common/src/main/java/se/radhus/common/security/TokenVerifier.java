package se.radhus.common.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one token check of Rådhus, configured on Nimbus JOSE+JWT (the library Spring Security and
 * micronaut-security build on): a JWS signed with RS256 or ES256 by a key of the issuer's JWKS, from the
 * configured issuer, for one of the accepted audiences, with {@code exp}, {@code iat} and a lifetime no
 * longer than allowed, not before {@code nbf}, and roles (if any) as a list of strings. Spring's resource
 * servers wrap {@link #processor()}; the gRPC interceptors call {@link #verify(String)}.
 *
 * <p>Keys come from the JWKS URI through Nimbus's cache: a token with an unknown {@code kid} makes one
 * refetch, rate-limited (at most one per {@code minRefetch}), and the fetched set replaces the old one, so
 * retired keys are dropped.
 */
public final class TokenVerifier {

    /** Algorithms accepted: asymmetric only; {@code none} and HMAC are never accepted. */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final ConfigurableJWTProcessor<SecurityContext> processor;

    /**
     * @param issuer      the expected {@code iss}
     * @param audiences   accepted {@code aud} values: a token must name at least one
     * @param maxLifetime the longest a token may live ({@code exp - iat})
     * @param keys        the issuer's keys
     */
    public TokenVerifier(String issuer, Set<String> audiences, Duration maxLifetime, JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>() {
            /** A key that cannot be had is a token that cannot be trusted: refused like a bad one (fail closed). */
            @Override
            public JWTClaimsSet process(SignedJWT jwt, SecurityContext context) throws BadJOSEException {
                rawTypes(jwt);
                try {
                    return super.process(jwt, context);
                } catch (JOSEException e) {
                    throw new BadJOSEException(e.getMessage(), e);
                }
            }
        };
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        p.setJWTClaimsSetVerifier(new ClaimsVerifier(issuer, audiences, maxLifetime));
        this.processor = p;
    }

    /**
     * The types of the claims as sent: Nimbus reads a numeric {@code sub} as its string, so the check is
     * made on the payload before it does.
     */
    public static void rawTypes(SignedJWT jwt) throws BadJWTException {
        Map<String, Object> raw = jwt.getPayload().toJSONObject();
        if (raw == null) {
            throw new BadJWTException("the payload is not a JSON object");
        }
        for (String claim : List.of("iss", "sub", "azp", "jti")) {
            if (raw.get(claim) != null && !(raw.get(claim) instanceof String)) {
                throw new BadJWTException("the claim " + claim + " is not a string");
            }
        }
        if (raw.get("sub") instanceof String sub && sub.isBlank()) {
            throw new BadJWTException("the subject is blank");
        }
        if (!strings(raw.get("roles")) || raw.get("realm_access") != null
                && !(raw.get("realm_access") instanceof Map<?, ?> realm && strings(realm.get("roles")))) {
            throw new BadJWTException("roles are not a list of strings");
        }
    }

    /** Absent, or a list of strings with no null among them. */
    static boolean strings(Object value) {
        return value == null || value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
    }

    /** Keys fetched from a JWKS URI, cached, refetched at most every {@code minRefetch} for an unknown kid. */
    public static JWKSource<SecurityContext> remoteKeys(String jwksUri, Duration minRefetch) {
        try {
            // 2 s to connect and to read, 256 KB at most: an issuer that is slow is not taken for one that is gone
            return JWKSourceBuilder.create(URI.create(jwksUri).toURL(),
                            new com.nimbusds.jose.util.DefaultResourceRetriever(2_000, 2_000, 256 * 1024))
                    .cache(Duration.ofMinutes(15).toMillis(), Duration.ofSeconds(5).toMillis())
                    .rateLimited(minRefetch.toMillis())
                    .retrying(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("RADHUS_JWKS_URI is not a URL: " + jwksUri, e);
        }
    }

    /** The configured Nimbus processor, for a framework's decoder to wrap. */
    public ConfigurableJWTProcessor<SecurityContext> processor() {
        return processor;
    }

    /** The caller a token names; {@link InvalidToken} when it is not valid. */
    public Principal verify(String token) {
        try {
            return principal(processor.process(token, null));
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw new InvalidToken(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The application's view of verified claims: subject, roles ({@code roles} and Keycloak's realm roles), client. */
    public static Principal principal(Map<String, Object> claims) {
        Set<String> roles = new HashSet<>();
        if (claims.get("roles") instanceof List<?> direct) {
            direct.forEach(r -> roles.add((String) r));
        }
        if (claims.get("realm_access") instanceof Map<?, ?> realm && realm.get("roles") instanceof List<?> kc) {
            kc.forEach(r -> roles.add((String) r));
        }
        Object azp = claims.get("azp");
        return new Principal((String) claims.get("sub"), roles, azp instanceof String s ? s : null);
    }

    static Principal principal(JWTClaimsSet claims) {
        return principal(claims.toJSONObject());
    }

    /** Issuer, audience, times, lifetime and the types of the claims the services read. */
    static final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
        private final Duration maxLifetime;

        ClaimsVerifier(String issuer, Set<String> audiences, Duration maxLifetime) {
            // Nimbus asks its sets whether they hold null, which immutable sets refuse: hand it mutable copies
            super(new HashSet<>(audiences), new JWTClaimsSet.Builder().issuer(issuer).build(),
                    new HashSet<>(Set.of("sub", "exp", "iat")), null);
            this.maxLifetime = maxLifetime;
            setMaxClockSkew(30);
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            Date iat = claims.getIssueTime();
            Date exp = claims.getExpirationTime();
            long now = System.currentTimeMillis();
            if (iat.getTime() > now + 30_000) {
                throw new BadJWTException("the token was issued in the future");
            }
            if (exp.getTime() - iat.getTime() > maxLifetime.toMillis() || exp.getTime() - now > maxLifetime.toMillis()) {
                throw new BadJWTException("the token lives longer than " + maxLifetime.toMinutes() + " minutes");
            }
            try {
                claims.getStringClaim("sub");
                claims.getStringClaim("azp");
                claims.getStringListClaim("roles");
                Map<String, Object> realm = claims.getJSONObjectClaim("realm_access");
                if (realm != null && realm.get("roles") != null
                        && !(realm.get("roles") instanceof List<?> l && l.stream().allMatch(String.class::isInstance))) {
                    throw new ParseException("realm_access.roles is not a list of strings", 0);
                }
            } catch (ParseException e) {
                throw new BadJWTException("a claim has the wrong type: " + e.getMessage());
            }
        }
    }
}
