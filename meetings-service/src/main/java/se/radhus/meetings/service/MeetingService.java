package se.radhus.meetings.service;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.RuleViolation;
import se.radhus.meetings.domain.Attendee;
import se.radhus.meetings.domain.CaseFile;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.MeetingState;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.MeetingLaw;
import se.radhus.meetings.domain.ParagraphNumbering;
import se.radhus.meetings.store.BodyStore;
import se.radhus.meetings.store.CaseStore;
import se.radhus.meetings.store.MeetingStore;
import se.radhus.meetings.store.MeetingStore.Versioned;
import se.radhus.meetings.store.ParagraphNumberStore;

/**
 * Meetings and their protocols: reads, and every change as read → domain rule → compare-and-set write,
 * retried when another writer came first (or refused with 412 when the caller named the version it read).
 */
@Service
public class MeetingService {

    private static final int ATTEMPTS = 8;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MeetingService.class);

    private final MeetingStore meetings;
    private final BodyStore bodies;
    private final ParagraphNumberStore numbers;
    private final CaseStore cases;
    private final DecisionPublisher publisher;
    private final DraftReservations drafts;
    private final EffectDispatcher dispatcher;
    private final java.time.Clock clock;

    public MeetingService(MeetingStore meetings, BodyStore bodies, ParagraphNumberStore numbers, CaseStore cases,
                          DecisionPublisher publisher, DraftReservations drafts, EffectDispatcher dispatcher, java.time.Clock clock) {
        this.clock = clock;
        this.meetings = meetings;
        this.bodies = bodies;
        this.numbers = numbers;
        this.cases = cases;
        this.publisher = publisher;
        this.drafts = drafts;
        this.dispatcher = dispatcher;
    }

    public Versioned plan(String bodyId, LocalDate date, String startTime, String endTime, String place,
                          List<Attendee> attendance, List<String> adjusters) {
        Meeting m = Meeting.plan(bodyId, date, startTime, endTime, place, attendance, adjusters);
        if (bodies.find(bodyId).isEmpty()) {
            throw new ProblemException(Problem.invalid(List.of(new se.radhus.common.domain.FieldError("bodyId",
                    "the id of an existing body; there is no " + bodyId))));
        }
        // § numbers run through the body's year in the order of the meetings' dates
        var later = meetings.laterWithParagraphs(bodyId, date);
        if (later.isPresent()) {
            throw new RuleViolation("numbering-by-date", "The body " + bodyId + " has numbered § at a later meeting this year ("
                    + later.get() + "), so a meeting on " + date + " would take numbers out of the order of the dates. Import"
                    + " an old protocol with its printed numbers instead.");
        }
        if (!meetings.insert(m)) {
            throw new ProblemException(Problem.conflict("exists", "Already exists",
                    "The body " + bodyId + " already has a meeting on " + date + " (" + m.id() + ")."));
        }
        return new Versioned(m, 1);
    }

    public Versioned get(String id) {
        return meetings.find(id).orElseThrow(() -> new ProblemException(Problem.notFound("No meeting has id " + id + ".")));
    }

    /** The number to offer for the body's next § in the meeting's year. */
    public int nextParagraphNumber(String meetingId) {
        Meeting m = get(meetingId).meeting();
        return ParagraphNumbering.next(numbers.last(m.bodyId(), m.date().getYear()));
    }

    private Versioned change(String id, Long ifMatch, UnaryOperator<Meeting> operation, boolean publish) {
        return change(id, ifMatch, operation, publish, m -> null);
    }

    private Versioned change(String id, Long ifMatch, UnaryOperator<Meeting> operation, boolean publish,
                             java.util.function.Function<Meeting, org.bson.Document> extra) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Versioned current = get(id);
            requireVersion(ifMatch, current);
            Meeting changed = operation.apply(current.meeting());
            var written = meetings.replace(changed, current.version(), publish, extra.apply(changed));
            if (written.isPresent()) {
                if (publish) {
                    publisher.publishNow(id);
                }
                return new Versioned(changed, written.get());
            }
            if (ifMatch != null) {
                throw preconditionFailed(id);
            }
        }
        throw new ProblemException(Problem.conflict("concurrent-change", "Changed concurrently",
                "The meeting " + id + " kept changing while this request was applied; read it again and retry."));
    }

    private static void requireVersion(Long ifMatch, Versioned current) {
        if (ifMatch != null && ifMatch != current.version()) {
            throw preconditionFailed(current.meeting().id());
        }
    }

    private static ProblemException preconditionFailed(String id) {
        return new ProblemException(Problem.of("precondition-failed", "Precondition failed", 412,
                "The meeting " + id + " has changed since you read it (If-Match); read it again and apply your change to that."));
    }

    /**
     * Changes the attendance of a draft protocol (arrivals, departures, substitutes from § N); every § already
     * written must still keep the rules of the meeting with it, or the change is refused.
     */
    public Versioned changeAttendance(String id, List<Attendee> attendance, List<String> adjusters, Long ifMatch) {
        return change(id, ifMatch, m -> {
            Meeting changed = m.withAttendance(attendance, adjusters == null ? m.adjusters() : adjusters);
            List<Paragraph> restated = new java.util.ArrayList<>();
            for (Paragraph p : changed.paragraphs()) {
                restated.add(lawful(changed, p));
            }
            Meeting out = changed;
            for (Paragraph p : restated) {
                out = out.replaceParagraph(p);
            }
            return out;
        }, false);
    }

    public Versioned moveTo(String id, MeetingState state, Long ifMatch) {
        return change(id, ifMatch, m -> m.moveTo(state), false);
    }

    /**
     * Adds a paragraph. Its number must be the body's next in the year: it is reserved across all the
     * body's meetings before the protocol is written, and given back if that write does not happen.
     */
    public Versioned addParagraph(String id, Paragraph p, Long ifMatch) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Versioned current = get(id);
            requireVersion(ifMatch, current);
            Meeting m = current.meeting();
            Meeting changed = m.addParagraph(lawful(m, p));
            int year = m.date().getYear();
            OptionalInt last = numbers.last(m.bodyId(), year);
            ParagraphNumbering.check(p.number(), last, m.bodyId(), year);
            if (!numbers.reserve(m.bodyId(), year, p.number(), m.id())) {
                throw new RuleViolation("paragraph-number-used", "§ " + p.number() + " of " + m.bodyId() + " " + year
                        + " is used already; the next number is § " + nextParagraphNumber(id) + ".");
            }
            DraftReservations.Plan plan;
            try {
                plan = drafts.plan(changed, p, null);
            } catch (RuntimeException e) {
                numbers.release(m.bodyId(), year, p.number(), m.id());
                throw e;
            }
            var written = meetings.replace(changed, current.version(), false, plan.fields());
            if (written.isPresent()) {
                plan.afterWrite();
                registerCase(p, m);
                return new Versioned(changed, written.get());
            }
            plan.undo();
            numbers.release(m.bodyId(), year, p.number(), m.id());
            if (ifMatch != null) {
                throw preconditionFailed(id);
            }
        }
        throw new ProblemException(Problem.conflict("concurrent-change", "Changed concurrently",
                "The meeting " + id + " kept changing while this request was applied; read it again and retry."));
    }

    /**
     * The meeting's law on a § of a protocol held to it (kommunallagen; see {@link MeetingLaw}): who serves,
     * the votes and their results, reservations and, where the body's seats are known, its quorum. The
     * first rule broken refuses the change (409).
     */
    private String requireLaw(Meeting m, Paragraph p) {
        return requireLaw(m, p, bodies.find(m.bodyId()));
    }

    private String requireLaw(Meeting m, Paragraph p, java.util.Optional<se.radhus.meetings.domain.Body> body) {
        Integer seats = body.map(se.radhus.meetings.domain.Body::seats).orElse(null);
        String name = body.map(se.radhus.meetings.domain.Body::name).orElse(m.bodyId());
        if (seats == null) {
            LOG.warn("quorum of {} § {} not checked: the body {} has no number of seats", m.id(), p.number(), m.bodyId());
        }
        if (seats != null && m.attendance().isEmpty()) {
            // a protocol held to the rules names who attended; with none, nobody serves and there is no quorum
            se.radhus.meetings.domain.Quorum.require(name, seats, se.radhus.meetings.domain.ParagraphPresence.of(List.of(), p.number(), p.recusals()));
        }
        List<MeetingLaw.Finding> findings = MeetingLaw.paragraph(m.attendance(), p, name, seats);
        if (!findings.isEmpty()) {
            throw findings.get(0).violation();
        }
        return name;
    }

    /** The § if it keeps the law, with each vote's result computed and stated. */
    private Paragraph lawful(Meeting m, Paragraph p) {
        String bodyName = requireLaw(m, p);
        String chair = se.radhus.meetings.domain.ParagraphPresence.of(m.attendance(), p.number(), p.recusals()).chair();
        return p.withVoteResults(chair, bodyName);
    }

    /** Today, in Europe/Stockholm (the clock is injected, so tests fix the day). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** What an imported meeting landed as, and the paragraphs left out (only with {@code partial}). */
    public record Landed(Versioned meeting, List<String> leftOut) {
    }

    /**
     * Writes an imported meeting and all its paragraphs in one insert. Each § number is reserved for the
     * body's year first and all are given back if the insert does not happen, so a refused import leaves
     * nothing behind. A number another meeting holds refuses the import, or with {@code partial} leaves
     * that § out.
     */
    public Landed insertImported(Meeting planned, List<Paragraph> paragraphs, boolean partial) {
        if (bodies.find(planned.bodyId()).isEmpty()) {
            throw new ProblemException(Problem.invalid(List.of(new se.radhus.common.domain.FieldError("bodyId",
                    "the id of an existing body; there is no " + planned.bodyId()))));
        }
        if (meetings.find(planned.id()).isPresent()) {
            throw new ProblemException(Problem.conflict("exists", "Already exists",
                    "The body " + planned.bodyId() + " already has a meeting on " + planned.date() + " (" + planned.id() + ")."));
        }
        int year = planned.date().getYear();
        List<Integer> wanted = paragraphs.stream().map(Paragraph::number).toList();
        java.util.Set<Integer> held = numbers.reserveAll(planned.bodyId(), year, wanted, planned.id());
        List<Integer> reserved = wanted.stream().filter(n -> !held.contains(n)).toList();
        boolean written = false;
        try {
            if (!held.isEmpty() && !partial) {
                int first = held.iterator().next();
                throw new ProblemException(Problem.conflict("paragraph-number-used", "Paragraph number used",
                        "§ " + first + " of " + planned.bodyId() + " " + year + " is held by another meeting" + (held.size() > 1
                                ? " (and " + (held.size() - 1) + " more)" : "") + "; nothing was imported (add ?partial=true to"
                                + " import the rest).").with("held", held));
            }
            List<String> leftOut = new java.util.ArrayList<>();
            List<String> ignored = new java.util.ArrayList<>();
            Meeting m = planned;
            for (Paragraph p : paragraphs) {
                if (held.contains(p.number())) {
                    leftOut.add("§ " + p.number() + " not added: § " + p.number() + " of " + planned.bodyId() + " " + year
                            + " is held by another meeting.");
                } else {
                    m = m.addImportedParagraph(p, ignored);
                }
            }
            if (!meetings.insert(m)) {
                throw new ProblemException(Problem.conflict("exists", "Already exists",
                        "The body " + planned.bodyId() + " already has a meeting on " + planned.date() + " (" + planned.id() + ")."));
            }
            written = true;
            Meeting landed = m;
            cases.registerAll(m.paragraphs().stream().filter(p -> p.caseNumber() != null)
                    .map(p -> new CaseFile(p.caseNumber(), landed.bodyId(), caseTitle(p), null, List.of())).toList());
            return new Landed(new Versioned(m, 1), leftOut);
        } finally {
            if (!written) {
                numbers.releaseAll(planned.bodyId(), year, reserved, planned.id());
            }
        }
    }

    /** A paragraph about a case the diarium does not know yet registers it under its existing number. */
    /** The title a case opened by the § gets in the diarium: the § title, unless that is secret (then only its marking). */
    static String caseTitle(Paragraph p) {
        return p.secret("title").map(se.radhus.meetings.domain.Secrecy::shown).orElse(p.title());
    }

    private void registerCase(Paragraph p, Meeting m) {
        if (p.caseNumber() != null && cases.find(p.caseNumber()).isEmpty()) {
            cases.reserveExisting(p.caseNumber());
            cases.insert(new CaseFile(p.caseNumber(), m.bodyId(), caseTitle(p), null, List.of()));
        }
    }

    public Versioned replaceParagraph(String id, int number, Paragraph p, Long ifMatch) {
        if (p.number() != number) {
            throw new ProblemException(Problem.badRequest("The paragraph's number (" + p.number()
                    + ") must match the path (" + number + ")."));
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Versioned current = get(id);
            requireVersion(ifMatch, current);
            Meeting changed = current.meeting().replaceParagraph(lawful(current.meeting(), p));
            Paragraph old = current.meeting().paragraph(number).orElseThrow();
            DraftReservations.Plan plan = drafts.plan(changed, p, old);
            var written = meetings.replace(changed, current.version(), false, plan.fields());
            if (written.isPresent()) {
                plan.afterWrite();
                registerCase(p, changed);
                return new Versioned(changed, written.get());
            }
            plan.undo();
            if (ifMatch != null) {
                throw preconditionFailed(id);
            }
        }
        throw new ProblemException(Problem.conflict("concurrent-change", "Changed concurrently",
                "The meeting " + id + " kept changing while this request was applied; read it again and retry."));
    }

    /**
     * Drops a drafted paragraph: the year's last § only (numbers run on, so one in the middle is changed
     * instead); its number and its grants' reserved money are given back.
     */
    public Versioned dropParagraph(String id, int number, Long ifMatch) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Versioned current = get(id);
            requireVersion(ifMatch, current);
            Meeting m = current.meeting();
            Meeting changed = m.dropParagraph(number);
            int year = m.date().getYear();
            OptionalInt last = numbers.last(m.bodyId(), year);
            if (last.isPresent() && last.getAsInt() != number) {
                throw new RuleViolation("paragraph-not-last", "§ " + number + " is not the last of " + m.bodyId() + " " + year
                        + " (§ " + last.getAsInt() + " is): numbers run on, so change it instead of dropping it.");
            }
            Paragraph old = m.paragraph(number).orElseThrow();
            Paragraph none = new Paragraph(number, old.caseNumber(), old.title(), List.of(), null, null, null, null, null, null, null,
                    null, null, null, null, null, null, List.of());
            DraftReservations.Plan plan = drafts.plan(changed, none, old);
            var written = meetings.replace(changed, current.version(), false, plan.fields());
            if (written.isPresent()) {
                plan.afterWrite();
                numbers.release(m.bodyId(), year, number, m.id());
                return new Versioned(changed, written.get());
            }
            if (ifMatch != null) {
                throw preconditionFailed(id);
            }
        }
        throw new ProblemException(Problem.conflict("concurrent-change", "Changed concurrently",
                "The meeting " + id + " kept changing while this request was applied; read it again and retry."));
    }

    public Versioned adjustParagraph(String id, int number, LocalDate on, List<String> signedBy, Long ifMatch) {
        Versioned v = change(id, ifMatch, m -> {
            requireJustering(m, on, signedBy, m.paragraph(number).stream().toList());
            return m.adjustParagraph(number, on, signedBy);
        }, true,
                m -> outbox(m, m.paragraph(number).stream().toList()));
        dispatcher.dispatchSoon(id);
        return v;
    }

    /**
     * Justering: the protocol becomes final, and its effects are recorded as pending in the same atomic
     * write (the outbox); the dispatcher then carries each out once.
     */
    public Versioned adjust(String id, LocalDate on, List<String> signedBy, Long ifMatch) {
        Versioned v = change(id, ifMatch, m -> {
            requireJustering(m, on, signedBy, m.paragraphs());
            return m.adjust(on, signedBy);
        }, true,
                m -> outbox(m, m.paragraphs().stream().filter(p -> p.adjustedOn() == null).toList()));
        dispatcher.dispatchSoon(id);
        return v;
    }

    /**
     * The law on a justering: its day (not before the meeting, not in the future), its signers (the chair of
     * each § and the chosen adjusters, all present), and every § it adjusts still keeping the rules of the
     * meeting, its quorum included.
     */
    private void requireJustering(Meeting m, LocalDate on, List<String> signedBy, List<Paragraph> adjusted) {
        if (on == null) {
            throw new se.radhus.common.domain.InvalidInput("date", "the day of the justering, YYYY-MM-DD");
        }
        List<MeetingLaw.Finding> findings = MeetingLaw.justering(m.date(), on, today(), signedBy == null ? List.of() : signedBy,
                m.attendance(), m.adjusters(), adjusted);
        if (!findings.isEmpty()) {
            throw findings.get(0).violation();
        }
        var body = bodies.find(m.bodyId());
        for (Paragraph p : adjusted) {
            requireLaw(m, p, body);
        }
    }

    /** Each effect of the paragraphs PENDING in the outbox, with the trace context of the justering that recorded it. */
    static org.bson.Document outbox(Meeting m, List<Paragraph> paragraphs) {
        org.bson.Document set = new org.bson.Document();
        org.bson.Document trace = EffectTraces.current();
        for (Paragraph p : paragraphs) {
            for (int i = 0; i < p.effects().size(); i++) {
                set.append("effectStates." + se.radhus.meetings.domain.Effect.id(m.id(), p.number(), i),
                        EffectTraces.carried(trace, new org.bson.Document("state", "PENDING").append("attempts", 0)));
            }
        }
        if (!set.isEmpty()) {
            set.append("effectsPending", true);
        }
        return set;
    }

    /**
     * Posts the notice of the justering on the anslagstavla, not in the future; later than its due day (the
     * second day after the justering, lag 1930:173) only with the reason, recorded as late.
     */
    public Versioned post(String id, LocalDate postedOn, String lateReason, String keptAt, Long ifMatch) {
        if (postedOn != null && postedOn.isAfter(today())) {
            throw new RuleViolation("anslag-future", "The notice is dated " + postedOn + ", after today (" + today()
                    + "): record it on the day it is posted.");
        }
        return change(id, ifMatch, m -> m.post(postedOn, lateReason, keptAt, true), false);
    }

    public Versioned post(String id, LocalDate postedOn, Long ifMatch) {
        return post(id, postedOn, null, null, ifMatch);
    }
}
