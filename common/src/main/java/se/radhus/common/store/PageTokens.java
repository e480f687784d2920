package se.radhus.common.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Page tokens that say nothing and cannot be forged: the cursor (the last id of a page, an offset) is
 * encrypted and authenticated with AES-GCM, so a token names no id to whoever holds it, and a token that
 * was changed, or made elsewhere, is refused ({@link IllegalArgumentException}: 400 over HTTP,
 * INVALID_ARGUMENT over gRPC). Every list that pages, in every service, seals its cursor here.
 *
 * <p>The key is {@code RADHUS_PAGE_TOKEN_KEY} (environment, or the system property
 * {@code radhus.page-token-key}); replicas of a service share it so that a token from one is read by
 * another. Without it each process draws its own key: tokens then hold until the process restarts.
 */
public final class PageTokens {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SecretKey KEY = key(configured());

    private PageTokens() {
    }

    private static String configured() {
        String key = System.getProperty("radhus.page-token-key");
        return key != null && !key.isBlank() ? key : System.getenv("RADHUS_PAGE_TOKEN_KEY");
    }

    static SecretKey key(String secret) {
        byte[] bytes = new byte[32];
        if (secret == null || secret.isBlank()) {
            RANDOM.nextBytes(bytes);
        } else {
            try {
                bytes = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The token for a cursor; a new one each time (the nonce is random), each opening to the same cursor. */
    public static String seal(String cursor) {
        return seal(KEY, cursor);
    }

    /** @throws IllegalArgumentException when the token was not sealed here with this key, or was changed */
    public static String open(String token) {
        return open(KEY, token);
    }

    static String seal(SecretKey key, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            throw new IllegalArgumentException("a page token seals a cursor");
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = aes.doFinal(cursor.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    static String open(SecretKey key, String token) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(token);
            if (in.length <= NONCE_BYTES + TAG_BITS / 8) {
                throw new IllegalArgumentException("too short");
            }
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            String cursor = new String(aes.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
            if (cursor.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return cursor;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("pageToken is not a token this list handed out", e);
        }
    }
}
