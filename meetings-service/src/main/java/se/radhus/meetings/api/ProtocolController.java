package se.radhus.meetings.api;

import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
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

    private List<ProtocolText.Line> lines(String id, jakarta.servlet.http.HttpServletRequest request, String[] title) {
        Meeting m = meetings.visible(service.get(id).meeting(), request);
        String bodyName = bodies.find(m.bodyId()).map(b -> b.name()).orElse(m.bodyId());
        title[0] = bodyName + "  " + m.date();
        return ProtocolText.of(m, bodyName);
    }

    @GetMapping(value = "/api/meetings/{id}/protocol", produces = MediaType.TEXT_HTML_VALUE)
    String html(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        String[] title = new String[1];
        List<ProtocolText.Line> lines = lines(id, request, title);
        return ProtocolDocuments.html(lines, title[0]);
    }

    @GetMapping(value = "/api/meetings/{id}/protocol", produces = MediaType.APPLICATION_PDF_VALUE)
    byte[] pdf(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) throws IOException {
        String[] title = new String[1];
        List<ProtocolText.Line> lines = lines(id, request, title);
        return ProtocolDocuments.pdf(lines, title[0]);
    }
}
