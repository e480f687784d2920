package se.radhus.common.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * A development token issuer: an RSA key made at start, RS256 tokens for any subject and roles, and the
 * JWKS to check them. For local runs and tests only; on Kubernetes Keycloak issues the tokens.
 */
public final class DevTokenIssuer {

    private final KeyPair keys;
    private final String kid = "dev-" + UUID.randomUUID().toString().substring(0, 8);
    private final String issuer;
    private final Clock clock;

    public DevTokenIssuer(String issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            this.keys = g.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String kid() {
        return kid;
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    /** A token for {@code subject} with {@code roles}, valid {@code ttlSeconds} from now. */
    public String issue(String subject, Collection<String> roles, long ttlSeconds) {
        long now = Instant.now(clock).getEpochSecond();
        Document claims = new Document("iss", issuer).append("sub", subject).append("iat", now).append("nbf", now)
                .append("exp", now + ttlSeconds).append("roles", List.copyOf(roles)).append("jti", UUID.randomUUID().toString());
        return sign(new Document("alg", "RS256").append("typ", "JWT").append("kid", kid), claims);
    }

    /** Signs any header and claims with the issuer's key (tests use it to forge what the verifier must refuse). */
    public String sign(Document header, Document claims) {
        String head = b64(header.toJson()) + "." + b64(claims.toJson());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(head.getBytes(StandardCharsets.US_ASCII));
            return head + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The JWKS document with the issuer's one key. */
    public String jwks() {
        RSAPublicKey k = publicKey();
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        Document key = new Document("kty", "RSA").append("kid", kid).append("use", "sig").append("alg", "RS256")
                .append("n", e.encodeToString(unsigned(k.getModulus().toByteArray())))
                .append("e", e.encodeToString(unsigned(k.getPublicExponent().toByteArray())));
        return new Document("keys", List.of(key)).toJson();
    }

    static byte[] unsigned(byte[] b) {
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
