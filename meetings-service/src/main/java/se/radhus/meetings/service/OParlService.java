package se.radhus.meetings.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.store.Pages;
import se.radhus.meetings.domain.Agenda;
import se.radhus.meetings.domain.Body;
import se.radhus.meetings.domain.CaseDocument;
import se.radhus.meetings.domain.Mandatperiod;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.Person;
import se.radhus.meetings.domain.Visibility;
import se.radhus.meetings.oparl.OParlObjects;
import se.radhus.meetings.store.AgendaStore;
import se.radhus.meetings.store.BodyStore;
import se.radhus.meetings.store.DocumentStore;
import se.radhus.meetings.store.MeetingStore;
import se.radhus.meetings.store.PersonStore;
import se.radhus.meetings.store.Protections;

/**
 * The OParl 1.1 read API's objects and lists, read from Rådhus's records as the public sees them. Lists are
 * paginated ({@code page}, {@code limit}) and filtered by {@code modified_since} / {@code modified_until}; with
 * {@code modified_since} they carry tombstones ({@code deleted: true}) for what was public and is no more: an
 * item of a published agenda that the adjusted protocol did not take up. Objects Rådhus holds no day for
 * (persons, memberships, organizations, terms) carry no {@code modified} and are in every list.
 */
@Service
public class OParlService {

    /** The object types and the path of each one's list under the body. */
    public enum Kind {
        ORGANIZATION("organizations"), PERSON("persons"), MEMBERSHIP("memberships"), MEETING("meetings"),
        AGENDA_ITEM("agendaitems"), PAPER("papers"), CONSULTATION("consultations"), FILE("files"), LOCATION("locations"),
        LEGISLATIVE_TERM("legislativeterms");

        public final String list;

        Kind(String list) {
            this.list = list;
        }

        public static Optional<Kind> ofList(String list) {
            for (Kind k : values()) {
                if (k.list.equals(list)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    private final MeetingStore meetings;
    private final AgendaStore agendas;
    private final BodyStore bodies;
    private final PersonStore persons;
    private final DocumentStore documents;
    private final Protections protections;
    private final OParlObjects oparl;
    private final String bodyId;
    private final String bodyName;
    private final String contact;
    private final java.time.Clock clock;

    public OParlService(MeetingStore meetings, AgendaStore agendas, BodyStore bodies, PersonStore persons, DocumentStore documents,
                        Protections protections, java.time.Clock clock,
                        @Value("${radhus.public-base-url:http://localhost:8080}") String base,
                        @Value("${radhus.oparl.body-id:kommun}") String bodyId,
                        @Value("${radhus.oparl.body-name:Kommunen}") String bodyName,
                        @Value("${radhus.oparl.contact-email:}") String contact) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.bodies = bodies;
        this.persons = persons;
        this.documents = documents;
        this.protections = protections;
        this.clock = clock;
        this.oparl = new OParlObjects(base, bodyId);
        this.bodyId = bodyId;
        this.bodyName = bodyName;
        this.contact = contact == null || contact.isBlank() ? null : contact;
    }

    public String bodyId() {
        return bodyId;
    }

    public Map<String, Object> system() {
        return oparl.system("Rådhus: " + bodyName, contact);
    }

    /** Everything the public may see, read once per answer. */
    private final class Snapshot {
        final List<Body> allBodies = new ArrayList<>();
        final List<Person> visiblePersons;
        final Set<String> publicIds;
        final Map<String, List<Map<String, Object>>> byKind = new LinkedHashMap<>();
        final List<Map<String, Object>> tombstones = new ArrayList<>();
        final TreeSet<Integer> terms = new TreeSet<>();
        OffsetDateTime latest;

        Snapshot() {
            allBodies.addAll(bodies.all());
            Set<String> hidden = protections.registry().protectedIds();
            visiblePersons = persons.everyone().stream().filter(p -> !p.protectedIdentity() && !hidden.contains(p.id())).toList();
            publicIds = visiblePersons.stream().map(Person::id).collect(Collectors.toSet());
            for (Kind k : Kind.values()) {
                byKind.put(k.list, new ArrayList<>());
            }
            Map<String, List<Map<String, Object>>> membershipsOf = new TreeMap<>();
            for (Body b : allBodies) {
                List<Integer> seats = new ArrayList<>();
                for (int i = 0; i < b.members().size(); i++) {
                    var m = b.members().get(i);
                    if (publicIds.contains(m.personId())) {
                        seats.add(i);
                        Map<String, Object> ms = oparl.membership(b, i, m);
                        byKind.get("memberships").add(ms);
                        membershipsOf.computeIfAbsent(m.personId(), x -> new ArrayList<>()).add(ms);
                    }
                }
                byKind.get("organizations").add(oparl.organization(b, seats, null));
            }
            for (Person p : visiblePersons) {
                byKind.get("persons").add(oparl.person(p, membershipsOf.getOrDefault(p.id(), List.of())));
            }
            Map<String, String> names = allBodies.stream().collect(Collectors.toMap(Body::id, Body::name));
            Map<String, List<Map<String, Object>>> consultationsOf = new TreeMap<>();
            Map<String, String> titles = new TreeMap<>();
            Map<String, LocalDate> firstDay = new TreeMap<>();
            Map<String, OffsetDateTime> paperModified = new TreeMap<>();
            for (Body b : allBodies) {
                for (Meeting m : meetings.ofBody(b.id())) {
                    meeting(m, names.getOrDefault(m.bodyId(), m.bodyId()), consultationsOf, titles, firstDay, paperModified);
                }
            }
            for (var e : consultationsOf.entrySet()) {
                byKind.get("consultations").addAll(e.getValue());
                byKind.get("papers").add(oparl.paper(e.getKey(), titles.get(e.getKey()), firstDay.get(e.getKey()), e.getValue(),
                        paperModified.get(e.getKey())));
            }
            terms.add(Mandatperiod.of(LocalDate.now(clock)).startYear());
            for (int start : terms) {
                byKind.get("legislativeterms").add(oparl.legislativeTerm(new Mandatperiod(start)));
            }
        }

        private void meeting(Meeting m, String name, Map<String, List<Map<String, Object>>> consultationsOf, Map<String, String> titles,
                             Map<String, LocalDate> firstDay, Map<String, OffsetDateTime> paperModified) {
            var protection = protections.of(m);
            Optional<Meeting> protocol = Visibility.view(m, false, false, protection);
            Optional<Agenda> agenda = agendas.find(m.id()).flatMap(v -> Visibility.publicAgenda(v.agenda(), protection.names()));
            if (protocol.isEmpty() && agenda.isEmpty()) {
                return;
            }
            terms.add(Mandatperiod.of(m.date()).startYear());
            OffsetDateTime modified = OParlObjects.startOf(Feeds.changedOn(m, agenda.orElse(null)));
            latest = latest == null || modified.isAfter(latest) ? modified : latest;
            List<Map<String, Object>> items = new ArrayList<>();
            List<Map<String, Object>> files = new ArrayList<>();
            Map<String, Object> protocolFile = null;
            if (protocol.isPresent()) {
                Meeting shown = protocol.get();
                List<Paragraph> ps = shown.paragraphs();
                for (int i = 0; i < ps.size(); i++) {
                    Paragraph p = ps.get(i);
                    OffsetDateTime pm = OParlObjects.startOf(p.adjustedOn() != null ? p.adjustedOn()
                            : shown.justering() != null ? shown.justering().date() : m.date());
                    items.add(oparl.agendaItem(shown, p, i + 1, pm));
                    if (p.caseNumber() != null) {
                        String ref = p.caseNumber().toString();
                        consultationsOf.computeIfAbsent(ref, x -> new ArrayList<>()).add(oparl.consultation(shown, p, i + 1, pm));
                        titles.putIfAbsent(ref, p.title());
                        firstDay.merge(ref, m.date(), (a, b) -> a.isBefore(b) ? a : b);
                        paperModified.merge(ref, pm, (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
                if (shown.isPublic()) {
                    protocolFile = oparl.protocolFile(shown, name, modified);
                    byKind.get("files").add(protocolFile);
                }
                // an item of the published agenda that the adjusted protocol did not take up is gone from the meeting
                if (shown.isPublic()) {
                    agenda.ifPresent(a -> a.items().stream().filter(it -> it.number() > ps.size())
                            .forEach(it -> tombstones.add(oparl.deleted("/meeting/" + m.id() + "/agendaitem/" + it.number(), "AgendaItem", modified,
                                    Map.of("order", it.number())))));
                }
            } else {
                Agenda a = agenda.get();
                a.items().forEach(it -> items.add(oparl.plannedItem(m, it, modified)));
            }
            if (agenda.isPresent()) {
                Map<String, CaseDocument> docs = documents.ofMeeting(m.id()).stream().collect(Collectors.toMap(CaseDocument::id, d -> d));
                for (Agenda.AgendaItem it : agenda.get().items()) {
                    for (String d : it.documents()) {
                        CaseDocument doc = docs.get(d);
                        if (doc != null && it.isPublic()) {
                            Map<String, Object> f = oparl.file(doc, protection.names().publish(doc.name()), modified);
                            files.add(f);
                            byKind.get("files").add(f);
                        }
                    }
                }
            }
            Meeting place = protocol.orElseGet(() -> new Meeting(m.id(), m.bodyId(), m.date(), m.startTime(), m.endTime(),
                    protection.names().publish(m.place()), m.state(), List.of(), List.of(), List.of(), null, null));
            Map<String, Object> meeting = oparl.meeting(m, protocol.orElse(null), agenda.orElse(null), name, items, protocolFile,
                    files, publicIds, modified);
            byKind.get("meetings").add(meeting);
            byKind.get("agendaitems").addAll(items);
            if (place.place() != null && !place.place().isBlank()) {
                byKind.get("locations").add(oparl.location(place));
            }
        }
    }

    public Map<String, Object> bodyList() {
        Snapshot s = new Snapshot();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("data", List.of(body(s)));
        page.put("pagination", Map.of("totalElements", 1, "elementsPerPage", 1, "currentPage", 1, "totalPages", 1));
        page.put("links", Map.of("first", oparl.url("/bodies"), "last", oparl.url("/bodies")));
        return page;
    }

    private Map<String, Object> body(Snapshot s) {
        return oparl.body(bodyName, s.latest, s.terms.stream().map(Mandatperiod::new).toList());
    }

    public Map<String, Object> body(String id) {
        if (!bodyId.equals(id)) {
            throw new ProblemException(Problem.notFound("No OParl body " + id + "; this system's is " + bodyId + "."));
        }
        return body(new Snapshot());
    }

    static OffsetDateTime parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "a date-time with its offset, e.g. 2024-05-24T00:00:00+02:00");
        }
    }

    /**
     * One page of a list.
     *
     * @param organization for meetings: only this Organization's (a Rådhus body id)
     */
    public Map<String, Object> list(String body, Kind kind, int page, int limit, String modifiedSince, String modifiedUntil,
                                    String organization) {
        if (!bodyId.equals(body)) {
            throw new ProblemException(Problem.notFound("No OParl body " + body + "; this system's is " + bodyId + "."));
        }
        OffsetDateTime since = parse("modified_since", modifiedSince);
        OffsetDateTime until = parse("modified_until", modifiedUntil);
        if (page < 1) {
            throw new InvalidInput("page", "a page number from 1");
        }
        int size = Pages.clampPageSize(limit);
        Snapshot s = new Snapshot();
        List<Map<String, Object>> all = new ArrayList<>(s.byKind.get(kind.list));
        if (since != null && kind == Kind.AGENDA_ITEM) {
            all.addAll(s.tombstones);
        }
        if (organization != null && !organization.isBlank() && kind == Kind.MEETING) {
            String org = oparl.url("/organization/" + organization);
            all.removeIf(o -> !((List<?>) o.get("organization")).contains(org));
        }
        all.removeIf(o -> {
            Object m = o.get("modified");
            if (m == null) {
                return false;
            }
            OffsetDateTime t = OffsetDateTime.parse((String) m);
            return since != null && t.isBefore(since) || until != null && t.isAfter(until);
        });
        all.sort(Comparator.comparing(o -> (String) o.get("id")));
        int total = all.size();
        int pages = Math.max(1, (total + size - 1) / size);
        List<Map<String, Object>> data = all.subList(Math.min(total, (page - 1) * size), Math.min(total, page * size));
        String path = "/body/" + bodyId + "/" + kind.list + "?limit=" + size
                + (modifiedSince == null || modifiedSince.isBlank() ? "" : "&modified_since=" + encode(modifiedSince))
                + (modifiedUntil == null || modifiedUntil.isBlank() ? "" : "&modified_until=" + encode(modifiedUntil))
                + (organization == null || organization.isBlank() ? "" : "&organization=" + encode(organization));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("first", oparl.url(path + "&page=1"));
        if (page > 1) {
            links.put("prev", oparl.url(path + "&page=" + (page - 1)));
        }
        if (page < pages) {
            links.put("next", oparl.url(path + "&page=" + (page + 1)));
        }
        links.put("last", oparl.url(path + "&page=" + pages));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", new ArrayList<>(data));
        out.put("pagination", Map.of("totalElements", total, "elementsPerPage", size, "currentPage", page, "totalPages", pages));
        out.put("links", links);
        return out;
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One object by its path under {@code /oparl/v1}; tombstones included (an object that is gone says so). */
    public Map<String, Object> object(String path) {
        Snapshot s = new Snapshot();
        String id = oparl.url(path);
        List<Map<String, Object>> candidates = new ArrayList<>(s.tombstones);
        s.byKind.values().forEach(candidates::addAll);
        for (Map<String, Object> o : candidates) {
            if (id.equals(o.get("id"))) {
                return o;
            }
        }
        // an object embedded in another (a Location in a Meeting) is also its own
        throw new ProblemException(Problem.notFound("No OParl object at " + path + "."));
    }
}
