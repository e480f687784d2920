package se.radhus.meetings.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.MeetingState;

/**
 * The public renderings (JSON, HTML, PDF) of adjusted protocols, each built once and served until what it
 * was built from changes. An adjusted protocol's text does not change, but its public view still can: a
 * new meeting version (a secrecy marking, a recorded appeal, a correction) or a change in the person
 * registry (someone gains protected identity, a namesake is registered). A rendering is kept with the
 * version and the registry's fingerprint it was made under, and with anything else it shows (the body's
 * name), and is made again when one of them differs.
 * <p>
 * Only for callers who see the public view: drafts and views with protected names shown are never kept,
 * and never given a shared cache's permission. Served with a strong ETag (a digest of the bytes), so that
 * {@code If-None-Match} gets 304, and {@code Cache-Control: public, no-cache}: a cache may keep it but must
 * ask again each time (never {@code immutable}: the public view can change).
 */
@Component
class PublicRenderings {

    /** What a rendering was made from, besides its meeting and kind. */
    record Inputs(long version, String registry, String extra) {
    }

    private record Kept(Inputs inputs, byte[] bytes, String etag) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final int maxEntries;

    PublicRenderings(@Value("${radhus.store.public-renderings:256}") int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Whether the public view of this meeting is an adjusted protocol whose renderings may be kept. */
    static boolean keepable(Meeting m) {
        return m.state() == MeetingState.ADJUSTED || m.state() == MeetingState.POSTED;
    }

    /** The kept rendering when it was made from these inputs, else a new one from {@code render}. */
    ResponseEntity<byte[]> serve(String meetingId, String kind, MediaType type, Inputs inputs, Supplier<byte[]> render) {
        String key = meetingId + "\u0000" + kind;
        Kept k = kept.get(key);
        if (k == null || !k.inputs().equals(inputs)) {
            byte[] bytes = render.get();
            k = new Kept(inputs, bytes, "\"" + digest(bytes) + "\"");
            if (maxEntries > 0) {
                if (kept.size() >= maxEntries && !kept.containsKey(key)) {
                    kept.keySet().stream().findAny().ifPresent(kept::remove);
                }
                kept.put(key, k);
            }
        }
        // Spring MVC answers 304 itself when If-None-Match names this ETag
        return ResponseEntity.ok().eTag(k.etag()).cacheControl(CacheControl.noCache().cachePublic())
                .contentType(type).body(k.bytes());
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
