package se.radhus.portal.api;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.radhus.portal.client.PublicApi;
import se.radhus.portal.domain.PagePaths;
import se.radhus.portal.domain.SwedishText;

/** The start page, a body's meetings, and a meeting's protocol with its § anchors (and its PDF). */
@Controller
class MeetingPages {

    private final PublicApi api;
    private final Bodies bodies;

    MeetingPages(PublicApi api, Bodies bodies) {
        this.api = api;
        this.bodies = bodies;
    }

    @GetMapping("/")
    String start(Model model) {
        model.addAttribute("bodies", bodies.all());
        model.addAttribute("links", Links.of().json("/api/bodies")
                .atom(Links.anslagstavlaFeed(), "Anslagstavlan (Atom)").list());
        return "start";
    }

    @GetMapping("/organ/{bodyId}")
    String body(@PathVariable String bodyId, @RequestParam(name = "sida", defaultValue = "") String pageToken, Model model) {
        PagePaths.requireId(bodyId);
        Map<String, Object> body = api.get("/api/bodies/" + bodyId);
        Map<String, Object> meetings = api.get("/api/meetings", Map.of("bodyId", bodyId, "pageToken", pageToken));
        model.addAttribute("body", body);
        model.addAttribute("meetings", PublicApi.items(meetings, "items"));
        model.addAttribute("next", meetings.get("nextPageToken"));
        model.addAttribute("links", Links.of().json("/api/meetings?bodyId=" + bodyId).ical(bodyId)
                .atom(Links.bodyFeed(bodyId), "Justerade beslut (Atom)").list());
        return "body";
    }

    @GetMapping("/sammantraden/{meetingId}")
    String meeting(@PathVariable String meetingId, Model model) {
        PagePaths.requireId(meetingId);
        Map<String, Object> meeting = api.get("/api/meetings/" + meetingId);
        String bodyId = String.valueOf(meeting.get("bodyId"));
        model.addAttribute("m", meeting);
        model.addAttribute("title", bodies.names().getOrDefault(bodyId, bodyId) + ", " + SwedishText.date(meeting.get("date")));
        model.addAttribute("bodyName", bodies.names().getOrDefault(bodyId, bodyId));
        model.addAttribute("paragraphs", PublicApi.items(meeting, "paragraphs"));
        model.addAttribute("attendance", PublicApi.items(meeting, "attendance"));
        model.addAttribute("links", Links.of().json("/api/meetings/" + meetingId)
                .pdf("/sammantraden/" + meetingId + "/protokoll.pdf")
                .other("/api/meetings/" + meetingId + "/protocol", "Protokollet som dokument (HTML)", "text/html")
                .atom(Links.bodyFeed(bodyId), "Justerade beslut (Atom)").ical(bodyId).list());
        return "meeting";
    }

    /** The protocol's PDF, as the API renders it (the API gives PDF by Accept, which a link cannot set). */
    @GetMapping("/sammantraden/{meetingId}/protokoll.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String meetingId) {
        PagePaths.requireId(meetingId);
        byte[] pdf = api.bytes("/api/meetings/" + meetingId + "/protocol", MediaType.APPLICATION_PDF);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + meetingId + ".pdf\"")
                .body(pdf);
    }
}
