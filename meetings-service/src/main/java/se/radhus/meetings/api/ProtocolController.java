package se.radhus.meetings.api;

import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.meetings.document.ProtocolDocuments;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.ProtocolText;
import se.radhus.meetings.service.MeetingService;
import se.radhus.meetings.store.BodyStore;

/**
 * The protocol document, {@code GET /api/meetings/{id}/protocol}: HTML or PDF by Accept, in the usual
 * layout, with the body and date in each page's header and "Sida X av Y". What the caller may not see
 * (drafts, protected identities) is not in it.
 */
@RestController
class ProtocolController {

    private final MeetingService service;
    private final MeetingController meetings;
    private final BodyStore bodies;

    ProtocolController(MeetingService service, MeetingController meetings, BodyStore bodies) {
        this.service = service;
        this.meetings = meetings;
        this.bodies = bodies;
    }

    /** The protocol as HTML or PDF: for the public, an adjusted protocol's document is made once (see MeetingController.get). */
    private ResponseEntity<byte[]> document(String id, jakarta.servlet.http.HttpServletRequest request, String kind, MediaType type,
                                            java.util.function.BiFunction<List<ProtocolText.Line>, String, byte[]> make) {
        var v = service.get(id);
        String bodyName = bodies.find(v.meeting().bodyId()).map(b -> b.name()).orElse(v.meeting().bodyId());
        java.util.function.Function<Meeting, byte[]> render = m -> make.apply(ProtocolText.of(m, bodyName), bodyName + "  " + m.date());
        ResponseEntity<byte[]> kept = meetings.publicRendering(v, request, kind, type, bodyName, render);
        if (kept != null) {
            return kept;
        }
        return ResponseEntity.ok().contentType(type).cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate())
                .body(render.apply(meetings.visible(v.meeting(), request)));
    }

    @GetMapping(value = "/api/meetings/{id}/protocol", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> html(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        return document(id, request, "html", new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8),
                (lines, title) -> PublicRenderings.utf8(ProtocolDocuments.html(lines, title)));
    }

    @GetMapping(value = "/api/meetings/{id}/protocol", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        return document(id, request, "pdf", MediaType.APPLICATION_PDF, (lines, title) -> {
            try {
                return ProtocolDocuments.pdf(lines, title);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
