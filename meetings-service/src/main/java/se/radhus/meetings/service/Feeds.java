package se.radhus.meetings.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.meetings.domain.Agenda;
import se.radhus.meetings.domain.Anslagstavla.Notice;
import se.radhus.meetings.domain.Body;
import se.radhus.meetings.domain.DecisionSection;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.Visibility;
import se.radhus.meetings.feed.Atom;
import se.radhus.meetings.feed.ICalendar;
import se.radhus.meetings.store.AgendaStore;
import se.radhus.meetings.store.BodyStore;
import se.radhus.meetings.store.MeetingStore;
import se.radhus.meetings.store.Protections;

/**
 * The feeds: a body's meetings as iCalendar, and Atom for the anslagstavla, a body's adjusted decisions and a
 * case. Each is built from the public view (drafts never, protected persons hidden, secrecy applied). The records
 * hold days, not instants: a feed's time of change is the start of the latest day it rests on (Europe/Stockholm),
 * so its ETag, a hash of the whole answer, is the exact validator.
 */
@Service
public class Feeds {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final MeetingStore meetings;
    private final AgendaStore agendas;
    private final BodyStore bodies;
    private final Protections persons;
    private final NoticeBoard board;
    private final String base;

    public Feeds(MeetingStore meetings, AgendaStore agendas, BodyStore bodies, Protections persons, NoticeBoard board,
                 @Value("${radhus.public-base-url:http://localhost:8080}") String base) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.bodies = bodies;
        this.persons = persons;
        this.board = board;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A feed's text and the day it last changed. */
    public record Rendered(String body, Instant lastModified) {
    }

    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(STOCKHOLM).toOffsetDateTime();
    }

    public String url(String path) {
        return base + path;
    }

    private Body body(String bodyId) {
        return bodies.find(bodyId).orElseThrow(() -> new ProblemException(Problem.notFound("No body has id " + bodyId + ".")));
    }

    private Optional<Meeting> publicView(Meeting m) {
        return Visibility.view(m, false, false, persons.of(m));
    }

    /** The last day a meeting's public record changed: its posting, its justering, a § adjusted at once, its kallelse. */
    static LocalDate changedOn(Meeting m, Agenda a) {
        List<LocalDate> days = new ArrayList<>();
        if (m.posting() != null) {
            days.add(m.posting().postedOn());
        }
        if (m.justering() != null) {
            days.add(m.justering().date());
        }
        m.paragraphs().stream().map(Paragraph::adjustedOn).filter(java.util.Objects::nonNull).forEach(days::add);
        if (a != null && a.kallelse() != null) {
            days.add(a.kallelse().publishedOn());
        }
        return days.stream().max(Comparator.naturalOrder()).orElse(m.date());
    }

    /** The body's meetings the public may know of (a published kallelse, or a public protocol), as iCalendar. */
    public Rendered calendar(String bodyId) {
        Body body = body(bodyId);
        List<ICalendar.Event> events = new ArrayList<>();
        LocalDate latest = null;
        for (Meeting m : meetings.ofBody(bodyId)) {
            Optional<Meeting> protocol = publicView(m);
            var protection = persons.of(m);
            Optional<Agenda> agenda = agendas.find(m.id()).flatMap(v -> Visibility.publicAgenda(v.agenda(), protection.names()));
            if (protocol.isEmpty() && agenda.isEmpty()) {
                continue;
            }
            LocalDate changed = changedOn(m, agenda.orElse(null));
            latest = latest == null || changed.isAfter(latest) ? changed : latest;
            Instant start = time(m.date(), m.startTime());
            Instant end = start == null ? null : time(m.date(), m.endTime());
            StringBuilder description = new StringBuilder();
            agenda.ifPresent(a -> {
                description.append("Kallelse: ").append(url("/api/meetings/" + m.id() + "/agenda")).append('\n');
                a.items().forEach(i -> description.append(i.number()).append(". ").append(i.title()).append('\n'));
            });
            protocol.ifPresent(p -> description.append("Protokoll: ").append(url("/api/meetings/" + m.id() + "/protocol")).append('\n'));
            String link = agenda.isPresent() ? url("/api/meetings/" + m.id() + "/agenda") : url("/api/meetings/" + m.id() + "/protocol");
            events.add(new ICalendar.Event(m.id() + "@radhus", m.date(), start, end, startOf(changed).toInstant(),
                    body.name() + ", sammanträde", protection.names().publish(m.place()), description.toString().strip(), link, false));
        }
        return new Rendered(ICalendar.write(body.name(), events), latest == null ? null : startOf(latest).toInstant());
    }

    static Instant time(LocalDate day, String hhmm) {
        if (hhmm == null || hhmm.isBlank()) {
            return null;
        }
        return day.atTime(LocalTime.parse(hhmm.replace('.', ':'))).atZone(STOCKHOLM).toInstant();
    }

    /** The anslagstavla's notices up today, newest first. */
    public Rendered anslagstavla() {
        List<Notice> notices = new ArrayList<>(board.current());
        notices.sort(NoticeBoard.NEWEST_FIRST);
        List<Atom.Entry> entries = notices.stream().map(n -> new Atom.Entry("urn:radhus:anslag:" + n.id(), n.title(),
                startOf(n.postedOn()), url(n.protocolUrl() != null ? n.protocolUrl() : "/api/meetings/" + n.meetingId() + "/agenda"),
                summary(n))).toList();
        return feed("urn:radhus:feed:anslagstavla", "Anslagstavla", "/feeds/anslagstavla.atom", "/api/anslagstavla", entries);
    }

    static String summary(Notice n) {
        if (n.lastDayToAppeal() != null) {
            return "Protokollet från " + n.bodyName() + " " + n.meetingDate() + " är justerat. Tillkännagivet " + n.postedOn()
                    + ". Sista dag att överklaga: " + n.lastDayToAppeal() + "."
                    + (n.protocolKeptAt() == null ? "" : " Protokollet förvaras: " + n.protocolKeptAt() + ".");
        }
        return n.bodyName() + " sammanträder " + n.startsAt().replace('T', ' ') + (n.place() == null ? "" : ", " + n.place()) + ". Ärenden: "
                + n.cases().stream().map(c -> c.title()).collect(Collectors.joining("; ")) + ".";
    }

    /** A body's adjusted decisions, one entry per public §, newest first. */
    public Rendered decisions(String bodyId) {
        Body body = body(bodyId);
        List<Atom.Entry> entries = new ArrayList<>();
        for (Meeting m : meetings.ofBody(bodyId)) {
            publicView(m).ifPresent(shown -> shown.paragraphs().forEach(p -> entries.add(entry(shown, p, body.name()))));
        }
        entries.sort(Comparator.comparing(Atom.Entry::updated).reversed().thenComparing(Atom.Entry::id));
        return feed("urn:radhus:feed:decisions:" + bodyId, "Beslut: " + body.name(), "/feeds/bodies/" + bodyId + "/decisions.atom",
                "/api/meetings?bodyId=" + bodyId, entries);
    }

    /** A case's public § through the bodies, newest first. */
    public Rendered caseFeed(String number) {
        Diarienummer dnr;
        try {
            dnr = Diarienummer.parse(number);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest("The case number: " + Diarienummer.EXPECTED_FORM));
        }
        List<Atom.Entry> entries = new ArrayList<>();
        for (Meeting m : meetings.withCase(dnr)) {
            String name = bodies.find(m.bodyId()).map(Body::name).orElse(m.bodyId());
            publicView(m).ifPresent(shown -> shown.paragraphs().stream().filter(p -> dnr.equals(p.caseNumber()))
                    .forEach(p -> entries.add(entry(shown, p, name))));
        }
        if (entries.isEmpty()) {
            throw new ProblemException(Problem.notFound("No public decision on the case " + number + "."));
        }
        entries.sort(Comparator.comparing(Atom.Entry::updated).reversed().thenComparing(Atom.Entry::id));
        return feed("urn:radhus:feed:case:" + dnr, "Ärende " + dnr, "/feeds/cases/" + dnr + ".atom", "/api/cases/" + dnr, entries);
    }

    private Atom.Entry entry(Meeting shown, Paragraph p, String bodyName) {
        LocalDate day = p.adjustedOn() != null ? p.adjustedOn() : shown.justering() != null ? shown.justering().date() : shown.date();
        String clauses = p.decisions().stream().map(DecisionSection::clauses).flatMap(List::stream).map(c -> "att " + c)
                .collect(Collectors.joining("\n"));
        return new Atom.Entry("urn:radhus:paragraph:" + shown.id() + ":" + p.number(), bodyName + " " + shown.date() + " § " + p.number()
                + " " + p.title(), startOf(day), url("/api/meetings/" + shown.id() + "/paragraphs/" + p.number()), clauses);
    }

    private Rendered feed(String id, String title, String self, String alternate, List<Atom.Entry> entries) {
        OffsetDateTime updated = entries.stream().map(Atom.Entry::updated).max(Comparator.naturalOrder())
                .orElse(startOf(board.today()));
        return new Rendered(Atom.write(new Atom.Feed(id, title, url(self), url(alternate), updated, entries)),
                entries.isEmpty() ? null : updated.toInstant());
    }
}
