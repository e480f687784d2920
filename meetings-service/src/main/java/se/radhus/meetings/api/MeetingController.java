package se.radhus.meetings.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.meetings.domain.Attendee;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.MeetingState;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.ProtocolExtract;
import se.radhus.meetings.service.MeetingService;
import se.radhus.meetings.store.MeetingStore;
import se.radhus.meetings.store.MeetingStore.Versioned;

/**
 * Meetings and their protocols: {@code /api/meetings}. Reads carry an ETag (the protocol's version);
 * writes take it back in If-Match to refuse a change made on a stale read (412).
 */
@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MeetingController.class);

    private final MeetingService service;
    private final MeetingStore store;
    private final se.radhus.meetings.service.EffectsView effects;
    private final se.radhus.meetings.store.Protections persons;

    private final PublicRenderings renderings;
    private final tools.jackson.databind.json.JsonMapper json;

    MeetingController(MeetingService service, MeetingStore store, se.radhus.meetings.service.EffectsView effects,
                      se.radhus.meetings.store.Protections persons, PublicRenderings renderings,
                      tools.jackson.databind.json.JsonMapper json) {
        this.renderings = renderings;
        this.json = json;
        this.service = service;
        this.store = store;
        this.effects = effects;
        this.persons = persons;
    }

    /** The meeting as this caller may see it: drafts are 404 to the public, protected identities hidden. */
    public Meeting visible(Meeting m, jakarta.servlet.http.HttpServletRequest request) {
        var who = Caller.principal(request);
        return se.radhus.meetings.domain.Visibility.view(m, who.seesDrafts(), who.seesProtectedIdentities(),
                        who.seesProtectedIdentities() ? se.radhus.meetings.domain.Visibility.Protection.NONE : persons.of(m))
                .orElseThrow(() -> new ProblemException(Problem.notFound("No meeting has id " + m.id() + ".")));
    }

    ResponseEntity<MeetingResponse> ok(Versioned v, jakarta.servlet.http.HttpServletRequest request) {
        return ResponseEntity.ok().eTag("\"" + v.version() + "\"").body(MeetingResponse.of(visible(v.meeting(), request)));
    }

    /** The protocol's effects and how each stands. */
    @GetMapping("/{id}/effects")
    Map<String, Object> effects(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        Meeting m = visible(service.get(id).meeting(), request);
        return effects.of(m, m.paragraphs());
    }

    /** What a client sends to plan a meeting. */
    record PlanRequest(String bodyId, LocalDate date, String startTime, String endTime, String place,
                       List<Attendee> attendance, List<String> adjusters) {
    }

    /** The justering: its day and who signed. */
    record JusteringRequest(LocalDate date, List<String> signedBy) {
    }

    /** The day the notice is posted on the anslagstavla; where the protocol is kept; why, if it is late. */
    record AnslagRequest(LocalDate postedOn, String keptAt, String lateReason) {
    }

    /** The attendance of a draft, whole: who attended which §, and the adjusters. */
    record AttendanceRequest(List<Attendee> attendance, List<String> adjusters) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}/attendance")
    ResponseEntity<MeetingResponse> attendance(@PathVariable String id, @RequestBody AttendanceRequest r, jakarta.servlet.http.HttpServletRequest request,
                                       @RequestHeader(value = "If-Match", required = false) String match) {
        return ok(service.changeAttendance(id, r.attendance(), r.adjusters(), ifMatch(match)), request);
    }

    /** A move to HELD or PROTOCOL_DRAFT. */
    record StateRequest(MeetingState state) {
    }

    static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.equals("*")) {
            return null;
        }
        String v = header.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.badRequest("If-Match must be the ETag of a read of this meeting, e.g. \"3\"."));
        }
    }



    /** Summaries, not protocols: a page of 50 meetings was every full protocol (2 MB). */
    @GetMapping
    PageResponse<ApiRecords.MeetingSummary> list(@RequestParam(required = false) String bodyId,
                               @RequestParam(defaultValue = "0") int pageSize,
                               @RequestParam(defaultValue = "") String pageToken,
                               jakarta.servlet.http.HttpServletRequest request) {
        var who = Caller.principal(request);
        var page = who.seesDrafts() ? store.list(bodyId, pageSize, pageToken) : store.listPublic(bodyId, pageSize, pageToken);
        return new PageResponse<>(page.items().stream()
                .map(m -> se.radhus.meetings.domain.Visibility.view(m, who.seesDrafts(), who.seesProtectedIdentities(),
                        who.seesProtectedIdentities() ? se.radhus.meetings.domain.Visibility.Protection.NONE : persons.of(m)))
                .flatMap(java.util.Optional::stream).map(ApiRecords.MeetingSummary::of).toList(), page.nextPageToken());
    }

    @PostMapping
    ResponseEntity<MeetingResponse> plan(@RequestBody PlanRequest r) {
        Versioned v = service.plan(r.bodyId(), r.date(), r.startTime(), r.endTime(), r.place(), r.attendance(), r.adjusters());
        log.info("planned meeting {}", v.meeting().id());
        return ResponseEntity.created(URI.create("/api/meetings/" + v.meeting().id())).eTag("\"1\"").body(MeetingResponse.of(v.meeting()));
    }

    /**
     * The protocol. For the public, an adjusted protocol's JSON is built once and served with a strong ETag
     * until its version or the person registry changes ({@link PublicRenderings}); everyone else gets the
     * meeting built for them, with its version as the ETag (what If-Match takes back).
     */
    @GetMapping("/{id}")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The meeting and its protocol",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = MeetingResponse.class)))
    ResponseEntity<?> get(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        Versioned v = service.get(id);
        var rendering = publicRendering(v, request, "json", MediaType.APPLICATION_JSON, "",
                m -> json.writeValueAsBytes(MeetingResponse.of(m)));
        return rendering != null ? rendering : ok(v, request);
    }

    /**
     * The kept public rendering of an adjusted protocol for a caller who sees the public view, or null when
     * this caller or this meeting must have one made for them.
     */
    ResponseEntity<byte[]> publicRendering(Versioned v, jakarta.servlet.http.HttpServletRequest request, String kind,
                                           MediaType type, String extra, java.util.function.Function<Meeting, byte[]> render) {
        var who = Caller.principal(request);
        if (who.seesDrafts() || who.seesProtectedIdentities() || !PublicRenderings.keepable(v.meeting())) {
            return null;
        }
        var inputs = new PublicRenderings.Inputs(v.version(), persons.fingerprint(), extra);
        return renderings.serve(v.meeting().id(), kind, type, inputs, () -> render.apply(visible(v.meeting(), request)));
    }

    @PostMapping("/{id}/state")
    ResponseEntity<MeetingResponse> state(@PathVariable String id, @RequestBody StateRequest r, jakarta.servlet.http.HttpServletRequest request,
                                  @RequestHeader(value = "If-Match", required = false) String match) {
        if (r.state() == null) {
            throw new ProblemException(Problem.badRequest("state is HELD or PROTOCOL_DRAFT."));
        }
        return ok(service.moveTo(id, r.state(), ifMatch(match)), request);
    }

    @GetMapping("/{id}/paragraphs/next")
    Map<String, Integer> next(@PathVariable String id) {
        return Map.of("next", service.nextParagraphNumber(id));
    }

    @PostMapping("/{id}/paragraphs")
    ResponseEntity<MeetingResponse> addParagraph(@PathVariable String id, @RequestBody ApiRecords.ParagraphRequest request,
                                         @RequestHeader(value = "If-Match", required = false) String match,
                                         jakarta.servlet.http.HttpServletRequest http) {
        Paragraph p = request.toDomain();
        Versioned v = service.addParagraph(id, p, ifMatch(match));
        log.info("added § {} to {}", p.number(), id);
        return ResponseEntity.created(URI.create("/api/meetings/" + id + "/paragraphs/" + p.number()))
                .eTag("\"" + v.version() + "\"").headers(mentionWarning(v.meeting(), p, http)).body(MeetingResponse.of(visible(v.meeting(), http)));
    }

    @GetMapping("/{id}/paragraphs/{number}")
    Paragraph paragraph(@PathVariable String id, @PathVariable int number, jakarta.servlet.http.HttpServletRequest request) {
        return visible(service.get(id).meeting(), request).paragraph(number)
                .orElseThrow(() -> new ProblemException(Problem.notFound("There is no § " + number + " in " + id + ".")));
    }

    @PutMapping("/{id}/paragraphs/{number}")
    ResponseEntity<MeetingResponse> replaceParagraph(@PathVariable String id, @PathVariable int number, @RequestBody ApiRecords.ParagraphRequest body, jakarta.servlet.http.HttpServletRequest request,
                                             @RequestHeader(value = "If-Match", required = false) String match) {
        Paragraph p = body.toDomain();
        Versioned v = service.replaceParagraph(id, number, p, ifMatch(match));
        return ResponseEntity.ok().eTag("\"" + v.version() + "\"").headers(mentionWarning(v.meeting(), p, request)).body(MeetingResponse.of(visible(v.meeting(), request)));
    }

    /**
     * A warning (HTTP {@code Warning: 299}) when the texts of a § written into a draft name a person with a
     * protected identity: where, field by field. The public will see them removed, or the text held back.
     * Only the entitled (registrator, sekreterare, admin) get it.
     */
    private org.springframework.http.HttpHeaders mentionWarning(Meeting m, Paragraph p, jakarta.servlet.http.HttpServletRequest request) {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        if (!Caller.principal(request).seesProtectedIdentities()) {
            return h; // to a writer not entitled the warning would tell who is protected
        }
        List<String> where = se.radhus.meetings.domain.Visibility.mentions(p, persons.of(m).names());
        if (!where.isEmpty()) {
            h.add(org.springframework.http.HttpHeaders.WARNING, "299 radhus \"Names a person with a protected identity (hidden from the public): "
                    + String.join(", ", where).replace("\"", "'") + "\"");
        }
        return h;
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/{id}/paragraphs/{number}")
    ResponseEntity<MeetingResponse> dropParagraph(@PathVariable String id, @PathVariable int number,
                                          jakarta.servlet.http.HttpServletRequest request,
                                          @RequestHeader(value = "If-Match", required = false) String match) {
        return ok(service.dropParagraph(id, number, ifMatch(match)), request);
    }

    @PostMapping("/{id}/paragraphs/{number}/justering")
    ResponseEntity<MeetingResponse> adjustParagraph(@PathVariable String id, @PathVariable int number, @RequestBody JusteringRequest r, jakarta.servlet.http.HttpServletRequest request,
                                            @RequestHeader(value = "If-Match", required = false) String match) {
        return ok(service.adjustParagraph(id, number, r.date(), r.signedBy() == null ? List.of() : r.signedBy(), ifMatch(match)), request);
    }

    @PostMapping("/{id}/justering")
    ResponseEntity<MeetingResponse> adjust(@PathVariable String id, @RequestBody JusteringRequest r, jakarta.servlet.http.HttpServletRequest request,
                                   @RequestHeader(value = "If-Match", required = false) String match) {
        Versioned v = service.adjust(id, r.date(), r.signedBy() == null ? List.of() : r.signedBy(), ifMatch(match));
        log.info("adjusted {}", id);
        return ok(v, request);
    }

    @PostMapping("/{id}/anslag")
    ResponseEntity<Map<String, Object>> post(@PathVariable String id, @RequestBody AnslagRequest r,
                                             @RequestHeader(value = "If-Match", required = false) String match) {
        Versioned v = service.post(id, r.postedOn(), r.lateReason(), r.keptAt(), ifMatch(match));
        Meeting.Posting posting = v.meeting().posting();
        log.info("posted {} on {}, appeal deadline {}", id, posting.postedOn(), posting.appealDeadline());
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("meetingId", id);
        body.put("postedOn", posting.postedOn().toString());
        body.put("due", posting.due().toString());
        body.put("late", posting.late());
        if (posting.lateReason() != null) {
            body.put("lateReason", posting.lateReason());
        }
        if (posting.keptAt() != null) {
            body.put("keptAt", posting.keptAt());
        }
        body.put("appealDeadline", posting.appealDeadline().toString());
        body.put("downOn", posting.downOn().toString());
        // the earliest day of legal force: an appeal registered later holds it off (GET …/legal-force)
        body.put("legalForceFrom", posting.legalForceFrom().toString());
        body.put("warnings", posting.warnings());
        return ResponseEntity.ok().eTag("\"" + v.version() + "\"").body(body);
    }

    @GetMapping(value = "/{id}/paragraphs/{number}/extract", produces = MediaType.APPLICATION_JSON_VALUE)
    Responses.ExtractResponse extractJson(@PathVariable String id, @PathVariable int number, jakarta.servlet.http.HttpServletRequest request) {
        return Responses.ExtractResponse.of(extract(id, number, request));
    }

    @GetMapping(value = "/{id}/paragraphs/{number}/extract", produces = MediaType.TEXT_PLAIN_VALUE)
    String extractText(@PathVariable String id, @PathVariable int number, jakarta.servlet.http.HttpServletRequest request) {
        return extract(id, number, request).text();
    }

    private ProtocolExtract extract(String id, int number, jakarta.servlet.http.HttpServletRequest request) {
        Meeting m = visible(service.get(id).meeting(), request);
        return ProtocolExtract.of(m, m.paragraph(number)
                .orElseThrow(() -> new ProblemException(Problem.notFound("There is no § " + number + " in " + id + "."))));
    }
}
