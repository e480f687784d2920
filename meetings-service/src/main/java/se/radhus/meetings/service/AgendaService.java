package se.radhus.meetings.service;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.FieldError;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.meetings.domain.Agenda;
import se.radhus.meetings.domain.Body;
import se.radhus.meetings.domain.CaseDocument;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.MeetingState;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.store.AgendaStore;
import se.radhus.meetings.store.AgendaStore.VersionedAgenda;
import se.radhus.meetings.store.BodyStore;
import se.radhus.meetings.store.DocumentStore;

/**
 * A meeting's agenda, its kallelse and its case documents: read → domain rule → compare-and-set write. The
 * days of notice are configuration per body ({@code radhus.kallelse.notice-days}: {@code body=days,…}, else
 * {@code radhus.kallelse.default-notice-days}); for fullmäktige never fewer than the law's week.
 */
@Service
public class AgendaService {

    private static final int ATTEMPTS = 8;

    private final AgendaStore agendas;
    private final DocumentStore documents;
    private final MeetingService meetings;
    private final BodyStore bodies;
    private final Clock clock;
    private final Map<String, Integer> noticeDays;
    private final int defaultNoticeDays;
    private final long maxDocument;

    public AgendaService(AgendaStore agendas, DocumentStore documents, MeetingService meetings, BodyStore bodies, Clock clock,
                         @Value("${radhus.kallelse.notice-days:}") String noticeDays,
                         @Value("${radhus.kallelse.default-notice-days:5}") int defaultNoticeDays,
                         @Value("${radhus.limits.document:5MB}") DataSize maxDocument) {
        this.agendas = agendas;
        this.documents = documents;
        this.meetings = meetings;
        this.bodies = bodies;
        this.clock = clock;
        this.noticeDays = parseDays(noticeDays);
        this.defaultNoticeDays = defaultNoticeDays;
        this.maxDocument = maxDocument.toBytes();
    }

    /** {@code ks=5,ks-nau=3}: each body's days of notice. */
    static Map<String, Integer> parseDays(String text) {
        Map<String, Integer> days = new HashMap<>();
        if (text == null || text.isBlank()) {
            return days;
        }
        for (String pair : text.split(",")) {
            String[] kv = pair.strip().split("=");
            if (kv.length != 2) {
                throw new IllegalStateException("radhus.kallelse.notice-days: 'body=days,…', not '" + pair + "'");
            }
            days.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
        }
        return days;
    }

    /** The days of notice the meeting's body must give. */
    public int noticeDays(String bodyId) {
        boolean fullmaktige = bodies.find(bodyId).map(b -> b.parentId() == null).orElse(false);
        return Agenda.noticeDays(fullmaktige, noticeDays.getOrDefault(bodyId, defaultNoticeDays));
    }

    /** The agenda (empty for a meeting that has none yet) and its version, 0 before the first write. */
    public VersionedAgenda get(String meetingId) {
        Meeting m = meetings.get(meetingId).meeting();
        return agendas.find(meetingId).orElseGet(() -> new VersionedAgenda(Agenda.of(m), 0));
    }

    private VersionedAgenda change(String meetingId, Long ifMatch, UnaryOperator<Agenda> operation) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            VersionedAgenda current = get(meetingId);
            if (ifMatch != null && ifMatch != current.version()) {
                throw preconditionFailed(meetingId);
            }
            Agenda changed = operation.apply(current.agenda());
            Optional<Long> written = current.version() == 0
                    ? (agendas.insert(changed) ? Optional.of(1L) : Optional.empty())
                    : agendas.replace(changed, current.version());
            if (written.isPresent()) {
                return new VersionedAgenda(changed, written.get());
            }
            if (ifMatch != null) {
                throw preconditionFailed(meetingId);
            }
        }
        throw new ProblemException(Problem.conflict("concurrent-change", "Changed concurrently",
                "The agenda of " + meetingId + " kept changing while this request was applied; read it again and retry."));
    }

    private static ProblemException preconditionFailed(String id) {
        return new ProblemException(Problem.of("precondition-failed", "Precondition failed", 412,
                "The agenda of " + id + " has changed since you read it (If-Match); read it again and apply your change to that."));
    }

    /** Sets the items of a planned meeting's agenda; every document an item names must be one of the meeting's. */
    public VersionedAgenda setItems(String meetingId, List<Agenda.AgendaItem> items, Long ifMatch) {
        Meeting m = meetings.get(meetingId).meeting();
        if (m.state() != MeetingState.PLANNED) {
            throw new RuleViolation("agenda-after-meeting", "The agenda is set while the meeting is planned; " + meetingId
                    + " is " + m.state() + ". Its § are the protocol's now.");
        }
        Set<String> own = documents.ofMeeting(meetingId).stream().map(CaseDocument::id).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            if (items.get(i) != null) {
                for (String d : items.get(i).documents()) {
                    if (!own.contains(d)) {
                        errors.add(new FieldError("items[" + i + "].documents", "the id of a document uploaded to " + meetingId
                                + " (POST …/documents); there is no " + d));
                    }
                }
            }
        }
        InvalidInput.check(errors);
        return change(meetingId, ifMatch, a -> a.withItems(items));
    }

    /** Publishes the kallelse: on time, or recorded as late. */
    public VersionedAgenda publish(String meetingId, LocalDate on, String lateReason, Long ifMatch) {
        Meeting m = meetings.get(meetingId).meeting();
        if (m.state() != MeetingState.PLANNED) {
            throw new RuleViolation("kallelse-after-meeting", "A kallelse is published before the meeting; " + meetingId
                    + " is " + m.state() + ".");
        }
        int days = noticeDays(m.bodyId());
        return change(meetingId, ifMatch, a -> a.publish(on, LocalDate.now(clock), days, lateReason));
    }

    /**
     * Draws the agenda's items into the protocol once the meeting is held: each item not yet drawn becomes the
     * body's next § (case, title, proposed decision, documents as beslutsunderlag, secrecy), in the agenda's
     * order. An item the meeting's law refuses stops the drawing there; the items before it stay drawn.
     */
    public VersionedAgenda drawParagraphs(String meetingId) {
        Meeting m = meetings.get(meetingId).meeting();
        if (m.state() != MeetingState.HELD && m.state() != MeetingState.PROTOCOL_DRAFT) {
            throw new RuleViolation("agenda-before-meeting", "The agenda becomes the protocol's § when the meeting is held; "
                    + meetingId + " is " + m.state() + ".");
        }
        String bodyName = bodies.find(m.bodyId()).map(Body::name).orElse(m.bodyId());
        Map<String, String> names = documents.ofMeeting(meetingId).stream()
                .collect(Collectors.toMap(CaseDocument::id, CaseDocument::name));
        VersionedAgenda current = get(meetingId);
        for (Agenda.AgendaItem item : current.agenda().items()) {
            if (item.paragraph() != null) {
                continue;
            }
            int number = meetings.nextParagraphNumber(meetingId);
            Paragraph p = Agenda.paragraphOf(item, number, bodyName, item.documents().stream().map(d -> names.getOrDefault(d, d)).toList());
            meetings.addParagraph(meetingId, p, null);
            current = change(meetingId, null, a -> a.drawn(item.number(), number));
        }
        return current;
    }

    /** Stores a case document of a meeting; the same bytes under the same name again are the same document. */
    public CaseDocument upload(String meetingId, String name, String contentType, byte[] content) {
        meetings.get(meetingId);
        String type = CaseDocument.check(name, contentType, content, maxDocument);
        String sha = sha256(content);
        String id = "d-" + sha256((meetingId + "\n" + name + "\n" + type + "\n" + sha).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 16);
        CaseDocument d = new CaseDocument(id, meetingId, name.strip(), type, content.length, sha);
        documents.insert(d, content);
        return d;
    }

    public Optional<CaseDocument> document(String meetingId, String id) {
        return documents.find(id).filter(d -> d.meetingId().equals(meetingId));
    }

    public byte[] content(String id) {
        return documents.content(id).orElseThrow(() -> new ProblemException(Problem.notFound("No document " + id + ".")));
    }

    public List<CaseDocument> documents(String meetingId) {
        return documents.ofMeeting(meetingId);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
