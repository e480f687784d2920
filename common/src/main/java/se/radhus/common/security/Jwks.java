package se.radhus.common.security;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bson.Document;

/**
 * The issuer's signing keys from its JWKS URI, cached; an unknown key id fetches again (at most every
 * 10 s), so a rotated or restarted issuer is picked up without a restart.
 */
public final class Jwks implements Function<String, PublicKey> {

    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private volatile long lastFetch;

    public Jwks(String uri) {
        this.uri = URI.create(uri);
    }

    @Override
    public PublicKey apply(String kid) {
        if (kid == null) {
            return null;
        }
        PublicKey k = keys.get(kid);
        if (k == null && System.currentTimeMillis() - lastFetch > 10_000) {
            refresh();
            k = keys.get(kid);
        }
        return k;
    }

    synchronized void refresh() {
        lastFetch = System.currentTimeMillis();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                keys.putAll(parse(r.body()));
            }
        } catch (java.io.IOException e) {
            // the issuer is not reachable now; tokens signed by unknown keys are refused until it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The RSA keys of a JWKS document, by key id. */
    public static Map<String, PublicKey> parse(String json) {
        Map<String, PublicKey> out = new ConcurrentHashMap<>();
        for (Document k : Document.parse(json).getList("keys", Document.class, List.of())) {
            if (!"RSA".equals(k.getString("kty")) || k.getString("kid") == null) {
                continue;
            }
            try {
                Base64.Decoder d = Base64.getUrlDecoder();
                RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, d.decode(k.getString("n"))),
                        new BigInteger(1, d.decode(k.getString("e"))));
                out.put(k.getString("kid"), KeyFactory.getInstance("RSA").generatePublic(spec));
            } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
                // skip a key we cannot read
            }
        }
        return out;
    }
}
