package se.radhus.meetings.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import se.radhus.common.diarium.Diarienummer;
import se.radhus.common.domain.FieldError;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.ProtectedNames;
import se.radhus.meetings.domain.Agenda;
import se.radhus.meetings.domain.CaseDocument;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Visibility;
import se.radhus.meetings.service.AgendaService;
import se.radhus.meetings.service.MeetingService;
import se.radhus.meetings.store.AgendaStore.VersionedAgenda;
import se.radhus.meetings.store.Protections;

/**
 * A meeting's agenda (föredragningslista), its kallelse and its case documents: {@code /api/meetings/{id}/agenda},
 * {@code …/kallelse}, {@code …/documents}. The public sees an agenda once its kallelse is published, each item
 * that is not public by its provision only, and the documents of the public items.
 */
@RestController
@RequestMapping("/api/meetings/{id}")
class AgendaController {

    private final AgendaService agendas;
    private final MeetingService meetings;
    private final Protections persons;

    AgendaController(AgendaService agendas, MeetingService meetings, Protections persons) {
        this.agendas = agendas;
        this.meetings = meetings;
        this.persons = persons;
    }

    /** An agenda item as a client writes it. */
    record ItemRequest(String caseNumber, String title, List<String> proposedDecision, List<String> documents, String secrecy) {
    }

    /** The whole agenda, in order. */
    record AgendaRequest(List<ItemRequest> items) {
    }

    /** The kallelse's publication: its day, and why it is late if it is. */
    record KallelseRequest(LocalDate publishedOn, String lateReason) {
    }

    /** A case document: its facts and where it is read. */
    record DocumentView(String id, String name, String contentType, long size, String sha256, String url) {
    }

    /** An item as shown. */
    record ItemView(int number, String caseNumber, String title, List<String> proposedDecision, boolean isPublic,
                    String secrecy, List<DocumentView> documents, Integer paragraph) {
    }

    /**
     * The agenda as shown.
     *
     * @param noticeDays the days of notice the body gives (fullmäktige: at least 7, kommunallagen 5 kap.)
     * @param due        the last day to publish the kallelse in time
     * @param kallelse   its publication, null before
     */
    record AgendaView(String meetingId, String bodyId, LocalDate meetingDate, int noticeDays, LocalDate due,
                      List<ItemView> items, Responses.KallelseResponse kallelse) {
    }

    private ResponseEntity<AgendaView> shown(VersionedAgenda v, HttpServletRequest request, int status) {
        var who = Caller.principal(request);
        Agenda a = v.agenda();
        if (!who.seesDrafts() && !a.isPublished()) {
            throw new ProblemException(Problem.notFound("The agenda of " + a.meetingId() + " is not published."));
        }
        Meeting m = meetings.get(a.meetingId()).meeting();
        ProtectedNames names = persons.of(m).names();
        Agenda visible = who.seesProtectedIdentities() ? a : Visibility.agendaView(a, names);
        Map<String, CaseDocument> docs = agendas.documents(a.meetingId()).stream()
                .collect(Collectors.toMap(CaseDocument::id, Function.identity()));
        int days = agendas.noticeDays(a.bodyId());
        List<ItemView> items = visible.items().stream().map(i -> new ItemView(i.number(),
                i.caseNumber() == null ? null : i.caseNumber().toString(), i.title(), i.proposedDecision(), i.isPublic(), i.secrecy(),
                i.documents().stream().map(docs::get).filter(java.util.Objects::nonNull)
                        .map(d -> view(d, who.seesProtectedIdentities() ? d.name() : names.publish(d.name()))).toList(),
                i.paragraph())).toList();
        AgendaView body = new AgendaView(a.meetingId(), a.bodyId(), a.meetingDate(), days, a.due(days), items, Responses.KallelseResponse.of(visible.kallelse()));
        return ResponseEntity.status(status).eTag("\"" + v.version() + "\"").body(body);
    }

    static DocumentView view(CaseDocument d, String name) {
        return new DocumentView(d.id(), name, d.contentType(), d.size(), d.sha256(),
                "/api/meetings/" + d.meetingId() + "/documents/" + d.id());
    }

    @GetMapping("/agenda")
    ResponseEntity<AgendaView> agenda(@PathVariable String id, HttpServletRequest request) {
        if (!Caller.principal(request).seesDrafts()) {
            // the same answer whether the meeting is a draft or none: a draft does not exist for the public
            ProblemException none = new ProblemException(Problem.notFound("No published agenda for meeting " + id + "."));
            VersionedAgenda v;
            try {
                v = agendas.get(id);
            } catch (ProblemException e) {
                throw none;
            }
            if (!v.agenda().isPublished()) {
                throw none;
            }
            return shown(v, request, 200);
        }
        return shown(agendas.get(id), request, 200);
    }

    @PutMapping("/agenda")
    ResponseEntity<AgendaView> setAgenda(@PathVariable String id, @RequestBody AgendaRequest body, HttpServletRequest request,
                                         @RequestHeader(value = "If-Match", required = false) String match) {
        List<ItemRequest> given = body.items() == null ? List.of() : body.items();
        List<Agenda.AgendaItem> items = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ItemRequest r = given.get(i);
            if (r == null) {
                items.add(null);
                continue;
            }
            Diarienummer number = null;
            if (r.caseNumber() != null && !r.caseNumber().isBlank()) {
                try {
                    number = Diarienummer.parse(r.caseNumber());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("items[" + i + "].caseNumber", Diarienummer.EXPECTED_FORM));
                }
            }
            items.add(new Agenda.AgendaItem(i + 1, number, r.title(), r.proposedDecision(), r.documents(), r.secrecy(), null));
        }
        InvalidInput.check(errors);
        return shown(agendas.setItems(id, items, MeetingController.ifMatch(match)), request, 200);
    }

    @PostMapping("/kallelse")
    ResponseEntity<AgendaView> publish(@PathVariable String id, @RequestBody KallelseRequest body, HttpServletRequest request,
                                       @RequestHeader(value = "If-Match", required = false) String match) {
        return shown(agendas.publish(id, body.publishedOn(), body.lateReason(), MeetingController.ifMatch(match)), request, 200);
    }

    /** Draws the agenda's items into the protocol as its § (the meeting held). */
    @PostMapping("/agenda/paragraphs")
    ResponseEntity<AgendaView> draw(@PathVariable String id, HttpServletRequest request) {
        return shown(agendas.drawParagraphs(id), request, 200);
    }

    /** Uploads a case document: the body is its bytes, {@code Content-Type} its type, {@code name} its file name. */
    @PostMapping("/documents")
    ResponseEntity<DocumentView> upload(@PathVariable String id, @RequestParam(required = false) String name,
                                        @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String type,
                                        @RequestBody(required = false) byte[] content) {
        CaseDocument d;
        try {
            d = agendas.upload(id, name, type, content);
        } catch (CaseDocument.UnsupportedType e) {
            throw new ProblemException(Problem.of("unsupported-media-type", "Unsupported Media Type", 415, e.getMessage()));
        }
        return ResponseEntity.created(URI.create("/api/meetings/" + id + "/documents/" + d.id())).body(view(d, d.name()));
    }

    /**
     * A case document. The public reads it once the kallelse is published, if it belongs to a public item; a text
     * document is shown to those not entitled through the protected-persons rules.
     */
    @GetMapping("/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable String documentId, HttpServletRequest request) {
        var who = Caller.principal(request);
        ProblemException missing = new ProblemException(Problem.notFound("No document " + documentId + " in " + id + "."));
        CaseDocument d = agendas.document(id, documentId).orElseThrow(() -> missing);
        Agenda a = agendas.get(id).agenda();
        boolean onPublicItem = a.items().stream().anyMatch(i -> i.isPublic() && i.documents().contains(documentId));
        if (!who.seesDrafts() && !(a.isPublished() && onPublicItem)) {
            throw missing;
        }
        byte[] content = agendas.content(documentId);
        String name = d.name();
        if (!who.seesProtectedIdentities()) {
            ProtectedNames names = persons.of(meetings.get(id).meeting()).names();
            name = names.publish(name);
            if (d.contentType().equals("text/plain")) {
                content = names.publish(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
        }
        MediaType type = d.contentType().equals("text/plain") ? new MediaType("text", "plain", StandardCharsets.UTF_8)
                : MediaType.parseMediaType(d.contentType());
        return ResponseEntity.ok().contentType(type).eTag("\"" + d.sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
