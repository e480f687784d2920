package se.radhus.common.security;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;

/**
 * Verifies an OIDC access token (a JWT): RS256 only — {@code none}, HMAC and every other algorithm are
 * refused — signed by a key of the issuer's JWKS, from the configured issuer, not expired, not before
 * its time. Roles are read from {@code roles} or Keycloak's {@code realm_access.roles}.
 */
public final class JwtVerifier {

    static final long SKEW_SECONDS = 30;

    private final String issuer;
    private final Function<String, PublicKey> keys;
    private final Clock clock;

    /** @param keys the issuer's public key by key id ({@code kid}); null when unknown */
    public JwtVerifier(String issuer, Function<String, PublicKey> keys, Clock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
    }

    public Principal verify(String token) {
        if (token == null || token.length() > 8192) {
            throw new InvalidToken("no token, or an oversized one");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw new InvalidToken("not a signed JWT");
        }
        Document header = json(parts[0]);
        if (!"RS256".equals(header.getString("alg"))) {
            throw new InvalidToken("algorithm " + header.get("alg") + " is not accepted");
        }
        PublicKey key = keys.apply(header.getString("kid"));
        if (key == null) {
            throw new InvalidToken("unknown signing key " + header.get("kid"));
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new InvalidToken("bad signature");
            }
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidToken("signature cannot be checked: " + e.getMessage());
        }
        Document claims = json(parts[1]);
        if (!issuer.equals(claims.getString("iss"))) {
            throw new InvalidToken("issuer " + claims.get("iss") + " is not " + issuer);
        }
        long now = Instant.now(clock).getEpochSecond();
        Number exp = claims.get("exp", Number.class);
        if (exp == null || exp.longValue() + SKEW_SECONDS < now) {
            throw new InvalidToken("expired");
        }
        Number nbf = claims.get("nbf", Number.class);
        if (nbf != null && nbf.longValue() - SKEW_SECONDS > now) {
            throw new InvalidToken("not valid yet");
        }
        String subject = claims.getString("sub");
        if (subject == null || subject.isBlank()) {
            throw new InvalidToken("no subject");
        }
        Set<String> roles = new HashSet<>();
        List<?> direct = claims.get("roles", List.class);
        if (direct != null) {
            direct.forEach(r -> roles.add(String.valueOf(r)));
        }
        Document realm = claims.get("realm_access", Document.class);
        if (realm != null && realm.get("roles") instanceof List<?> kc) {
            kc.forEach(r -> roles.add(String.valueOf(r)));
        }
        return new Principal(subject, roles, claims.getString("azp"));
    }

    static Document json(String part) {
        try {
            return Document.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new InvalidToken("unreadable token part");
        }
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    public static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }
}
