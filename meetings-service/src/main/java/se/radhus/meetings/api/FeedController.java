package se.radhus.meetings.api;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import se.radhus.meetings.feed.Atom;
import se.radhus.meetings.feed.ICalendar;
import se.radhus.meetings.service.Feeds;

/**
 * Feeds to follow a body or a case: {@code /api/bodies/{id}/calendar.ics} (iCalendar), and Atom under
 * {@code /feeds/…}. Each carries an ETag (a hash of the answer) and Last-Modified (the day it rests on) and
 * answers a matching If-None-Match or If-Modified-Since with 304.
 */
@RestController
class FeedController {

    private static final MediaType ICS = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    private static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

    private final Feeds feeds;

    FeedController(Feeds feeds) {
        this.feeds = feeds;
    }

    private static ResponseEntity<String> answer(Feeds.Rendered r, MediaType type, ServletWebRequest request) {
        String etag = "\"" + sha256(r.body()) + "\"";
        long modified = r.lastModified() == null ? -1 : r.lastModified().toEpochMilli();
        if (request.checkNotModified(etag, modified)) {
            return ResponseEntity.status(304).eTag(etag).build();
        }
        var ok = ResponseEntity.ok().contentType(type).eTag(etag);
        if (modified >= 0) {
            ok = ok.lastModified(modified);
        }
        return ok.body(r.body());
    }

    static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body's meetings with their kallelse, as iCalendar. */
    @GetMapping(value = "/api/bodies/{bodyId}/calendar.ics", produces = ICalendar.MEDIA_TYPE)
    ResponseEntity<String> calendar(@PathVariable String bodyId, ServletWebRequest request) {
        return answer(feeds.calendar(bodyId), ICS, request);
    }

    /** The anslagstavla's notices. */
    @GetMapping(value = "/feeds/anslagstavla.atom", produces = Atom.MEDIA_TYPE)
    ResponseEntity<String> anslagstavla(ServletWebRequest request) {
        return answer(feeds.anslagstavla(), ATOM, request);
    }

    /** A body's adjusted decisions. */
    @GetMapping(value = "/feeds/bodies/{bodyId}/decisions.atom", produces = Atom.MEDIA_TYPE)
    ResponseEntity<String> decisions(@PathVariable String bodyId, ServletWebRequest request) {
        return answer(feeds.decisions(bodyId), ATOM, request);
    }

    /** A case's decisions through the bodies: {@code /feeds/cases/KS-2024/00449.atom} (or a one-segment number). */
    @GetMapping(value = "/feeds/cases/{registry}/{number}.atom", produces = Atom.MEDIA_TYPE)
    ResponseEntity<String> caseFeed(@PathVariable String registry, @PathVariable String number, ServletWebRequest request) {
        return answer(feeds.caseFeed(registry + "/" + number), ATOM, request);
    }

    @GetMapping(value = "/feeds/cases/{number}.atom", produces = Atom.MEDIA_TYPE)
    ResponseEntity<String> caseFeed(@PathVariable String number, ServletWebRequest request) {
        return answer(feeds.caseFeed(number), ATOM, request);
    }
}
