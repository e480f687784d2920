package se.radhus.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class PageTokensTest {

    @Test
    void aTokenOpensToItsCursorAndNamesNoId() {
        String token = Pages.encodeToken("ks-nau-2024-11-05");
        assertEquals("ks-nau-2024-11-05", Pages.decodeToken(token));
        byte[] raw = Base64.getUrlDecoder().decode(token);
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains("ks-nau"), "the cursor is not in the clear");
        assertFalse(token.contains(Base64.getUrlEncoder().withoutPadding().encodeToString("ks-nau".getBytes(StandardCharsets.UTF_8))));
        assertNotEquals(token, Pages.encodeToken("ks-nau-2024-11-05"), "a fresh nonce each time");
    }

    @Test
    void everyChangedByteIsRefused() {
        String token = Pages.encodeToken("42");
        byte[] raw = Base64.getUrlDecoder().decode(token);
        for (int i = 0; i < raw.length; i++) {
            byte[] changed = raw.clone();
            changed[i] ^= 0x01;
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pages.decodeToken(forged));
            assertEquals("pageToken is not a token this list handed out", e.getMessage());
        }
    }

    @Test
    void oldPlainTokensGarbageAndOtherKeysAreRefused() {
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString("p-23310".getBytes(StandardCharsets.UTF_8));
        for (String bad : new String[] {plain, "not-a-token", "", "%%%", "AAAA"}) {
            assertThrows(IllegalArgumentException.class, () -> Pages.decodeToken(bad), bad);
        }
        SecretKey one = PageTokens.key("replica-secret");
        SecretKey same = PageTokens.key("replica-secret");
        SecretKey other = PageTokens.key("another-secret");
        String token = PageTokens.seal(one, "50");
        assertEquals("50", PageTokens.open(same, token), "replicas with one key read each other's tokens");
        assertThrows(IllegalArgumentException.class, () -> PageTokens.open(other, token));
        assertThrows(IllegalArgumentException.class, () -> PageTokens.open(PageTokens.key(null), token));
    }
}
