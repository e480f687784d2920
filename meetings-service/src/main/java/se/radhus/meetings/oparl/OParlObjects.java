package se.radhus.meetings.oparl;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.radhus.meetings.domain.Agenda;
import se.radhus.meetings.domain.Attendee;
import se.radhus.meetings.domain.Body;
import se.radhus.meetings.domain.CaseDocument;
import se.radhus.meetings.domain.DecisionKind;
import se.radhus.meetings.domain.DecisionSection;
import se.radhus.meetings.domain.Mandatperiod;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Membership;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.Person;
import se.radhus.meetings.domain.Role;
import se.radhus.meetings.domain.Vote;

/**
 * Rådhus's records as OParl 1.1 objects (https://schema.oparl.org/1.1/). The municipality is the one Body; each
 * Rådhus body (KF, KS, an utskott) an Organization; registered persons are Persons and their seats Memberships; a
 * meeting is a Meeting with its Location, its § (or, before it is held, its published agenda) as AgendaItems; a
 * case with a public decision a Paper, each § on it a Consultation; the protocol and the case documents Files;
 * fullmäktige's terms LegislativeTerms. Everything given here is already the public view (drafts never,
 * protected persons hidden, secrecy applied). Rådhus's votes and attendance with substitutes are under the
 * extension prefix {@value #EXTENSION}: see the meetings-service README.
 */
public final class OParlObjects {

    public static final String SCHEMA = "https://schema.oparl.org/1.1/";
    public static final String EXTENSION = "radhus:";
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final String api;
    private final String web;
    private final String bodyId;

    /**
     * @param base   the public address of the gateway, e.g. {@code http://localhost:8080}
     * @param bodyId the id of the one Body (the municipality)
     */
    public OParlObjects(String base, String bodyId) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.api = b + "/oparl/v1";
        this.web = b;
        this.bodyId = bodyId;
    }

    public String url(String path) {
        return api + path;
    }

    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(STOCKHOLM).toOffsetDateTime();
    }

    static String time(OffsetDateTime t) {
        return t == null ? null : t.withNano(0).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private Map<String, Object> object(String path, String type, OffsetDateTime modified) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", url(path));
        o.put("type", SCHEMA + type);
        if (modified != null) {
            o.put("modified", time(modified));
        }
        return o;
    }

    static void put(Map<String, Object> o, String key, Object value) {
        if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
            o.put(key, value);
        }
    }

    /** A tombstone: an object that was public and is no more (OParl 1.1, "deleted"). */
    public Map<String, Object> deleted(String path, String type, OffsetDateTime modified, Map<String, Object> required) {
        Map<String, Object> o = object(path, type, modified);
        o.putAll(required);
        o.put("deleted", true);
        return o;
    }

    public Map<String, Object> system(String name, String contact) {
        Map<String, Object> o = object("/system", "System", null);
        o.put("oparlVersion", SCHEMA);
        o.put("body", url("/bodies"));
        o.put("name", name);
        put(o, "contactEmail", contact);
        o.put("website", web + "/");
        o.put("product", web + "/api/openapi/meetings");
        o.put("web", web + "/");
        return o;
    }

    public Map<String, Object> body(String name, OffsetDateTime modified, List<Mandatperiod> terms) {
        Map<String, Object> o = object("/body/" + bodyId, "Body", modified);
        o.put("system", url("/system"));
        o.put("name", name);
        o.put("website", web + "/");
        o.put("organization", url("/body/" + bodyId + "/organizations"));
        o.put("person", url("/body/" + bodyId + "/persons"));
        o.put("meeting", url("/body/" + bodyId + "/meetings"));
        o.put("paper", url("/body/" + bodyId + "/papers"));
        o.put("agendaItem", url("/body/" + bodyId + "/agendaitems"));
        o.put("consultation", url("/body/" + bodyId + "/consultations"));
        o.put("file", url("/body/" + bodyId + "/files"));
        o.put("locationList", url("/body/" + bodyId + "/locations"));
        o.put("legislativeTermList", url("/body/" + bodyId + "/legislativeterms"));
        o.put("membership", url("/body/" + bodyId + "/memberships"));
        o.put("legislativeTerm", terms.stream().map(this::legislativeTerm).toList());
        o.put("classification", "Kommun");
        return o;
    }

    public Map<String, Object> legislativeTerm(Mandatperiod t) {
        Map<String, Object> o = object("/legislativeterm/" + t.startYear(), "LegislativeTerm", null);
        o.put("body", url("/body/" + bodyId));
        o.put("name", t.name());
        o.put("startDate", t.start().toString());
        o.put("endDate", t.end().toString());
        return o;
    }

    /** An Organization: a Rådhus body, its seats (memberships of persons the public may see) and its meetings. */
    public Map<String, Object> organization(Body b, List<Integer> visibleSeats, OffsetDateTime modified) {
        Map<String, Object> o = object("/organization/" + b.id(), "Organization", modified);
        o.put("body", url("/body/" + bodyId));
        o.put("name", b.name());
        put(o, "shortName", b.shortName());
        o.put("membership", visibleSeats.stream().map(i -> url("/membership/" + b.id() + "/" + i)).toList());
        o.put("meeting", url("/body/" + bodyId + "/meetings?organization=" + b.id()));
        o.put("organizationType", "Gremium");
        o.put("classification", b.parentId() == null ? "Fullmäktige" : "Nämnd eller utskott");
        if (b.parentId() != null) {
            o.put("subOrganizationOf", url("/organization/" + b.parentId()));
        }
        put(o, "memberCount", b.seats());
        return o;
    }

    public Map<String, Object> person(Person p, List<Map<String, Object>> memberships) {
        Map<String, Object> o = object("/person/" + p.id(), "Person", null);
        o.put("body", url("/body/" + bodyId));
        o.put("name", p.name());
        put(o, "status", p.title() == null ? null : List.of(p.title()));
        put(o, "membership", memberships);
        if (p.party() != null) {
            o.put(EXTENSION + "party", p.party());
        }
        return o;
    }

    public Map<String, Object> membership(Body b, int index, Membership m) {
        Map<String, Object> o = object("/membership/" + b.id() + "/" + index, "Membership", null);
        o.put("person", url("/person/" + m.personId()));
        o.put("organization", url("/organization/" + b.id()));
        o.put("role", roleName(m.role()));
        o.put("votingRight", m.role() != Role.ERSATTARE && m.role() != Role.TJANSTEMAN && m.role() != Role.OVRIG);
        put(o, "startDate", m.from() == null ? null : m.from().toString());
        put(o, "endDate", m.to() == null ? null : m.to().toString());
        return o;
    }

    static String roleName(Role r) {
        return switch (r) {
            case ORDFORANDE -> "Ordförande";
            case VICE_ORDFORANDE -> "Vice ordförande";
            case LEDAMOT -> "Ledamot";
            case TJANSTGORANDE_ERSATTARE -> "Tjänstgörande ersättare";
            case ERSATTARE -> "Ersättare";
            case TJANSTEMAN -> "Tjänsteman";
            case OVRIG -> "Övrig";
        };
    }

    static OffsetDateTime at(LocalDate day, String hhmm) {
        return hhmm == null || hhmm.isBlank() ? null : day.atTime(LocalTime.parse(hhmm.replace('.', ':'))).atZone(STOCKHOLM).toOffsetDateTime();
    }

    public Map<String, Object> location(Meeting m) {
        Map<String, Object> o = object("/location/" + m.id(), "Location", null);
        o.put("description", m.place());
        o.put("meetings", List.of(url("/meeting/" + m.id())));
        return o;
    }

    /**
     * A Meeting, from the public view of the meeting (its protocol once adjusted) and of its published agenda.
     *
     * @param protocol  the meeting as the public sees it, or null while its protocol is not public
     * @param agenda    the published agenda as the public sees it, or null
     * @param items     its agenda items (see {@link #agendaItem} and {@link #plannedItem})
     * @param files     the protocol's and the case documents' Files
     * @param publicIds the person ids the public may see
     */
    public Map<String, Object> meeting(Meeting m, Meeting protocol, Agenda agenda, String bodyName, List<Map<String, Object>> items,
                                       Map<String, Object> protocolFile, List<Map<String, Object>> files,
                                       java.util.Set<String> publicIds, OffsetDateTime modified) {
        Meeting shown = protocol != null ? protocol : m;
        Map<String, Object> o = object("/meeting/" + m.id(), "Meeting", modified);
        o.put("name", bodyName + " " + m.date());
        o.put("meetingState", protocol != null ? (m.posting() != null ? "Protokollet justerat och tillkännagivet" : "Protokollet justerat")
                : "Kallad");
        o.put("cancelled", false);
        OffsetDateTime start = at(m.date(), m.startTime());
        put(o, "start", time(start != null ? start : startOf(m.date())));
        put(o, "end", time(at(m.date(), m.endTime())));
        if (shown.place() != null && !shown.place().isBlank()) {
            o.put("location", location(shown));
        }
        o.put("organization", List.of(url("/organization/" + m.bodyId())));
        if (protocol != null) {
            put(o, "participant", protocol.attendance().stream().filter(a -> a.personId() != null && publicIds.contains(a.personId())
                    && a.role().votes()).map(a -> url("/person/" + a.personId())).distinct().toList());
            put(o, "resultsProtocol", protocolFile);
            o.put(EXTENSION + "attendance", protocol.attendance().stream().map(a -> attendee(a, publicIds)).toList());
        }
        put(o, "auxiliaryFile", files);
        put(o, "agendaItem", items);
        o.put("web", web + "/api/meetings/" + m.id());
        return o;
    }

    /** Attendance with substitutes (extension): who, in what role, serving for whom, at which §. */
    Map<String, Object> attendee(Attendee a, java.util.Set<String> publicIds) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", a.name());
        if (a.personId() != null && publicIds.contains(a.personId())) {
            o.put("person", url("/person/" + a.personId()));
        }
        put(o, "party", a.party());
        o.put("role", a.role().name());
        put(o, "servingFor", a.servingFor());
        put(o, "title", a.title());
        if (a.paragraphs() != null) {
            o.put("paragraphs", Map.of("from", a.paragraphs().from(), "to", a.paragraphs().to()));
        }
        return o;
    }

    /** An AgendaItem from a § of a public protocol, with its votes (extension). */
    public Map<String, Object> agendaItem(Meeting shown, Paragraph p, int order, OffsetDateTime modified) {
        Map<String, Object> o = object("/meeting/" + shown.id() + "/agendaitem/" + order, "AgendaItem", modified);
        o.put("meeting", url("/meeting/" + shown.id()));
        o.put("number", "§ " + p.number());
        o.put("order", order);
        o.put("name", p.title());
        o.put("public", p.secrecy().stream().noneMatch(se.radhus.meetings.domain.Secrecy::wholeParagraph));
        if (p.caseNumber() != null) {
            o.put("consultation", url("/consultation/" + shown.id() + "/" + p.number()));
        }
        o.put("result", p.kind() == DecisionKind.BESLUT ? "Beslut" : "Förslag till beslut");
        String text = resolution(p);
        put(o, "resolutionText", text.isEmpty() ? null : text);
        o.put(EXTENSION + "paragraph", p.number());
        if (!p.votes().isEmpty()) {
            o.put(EXTENSION + "votes", p.votes().stream().map(this::vote).toList());
        }
        o.put("web", web + "/api/meetings/" + shown.id() + "/paragraphs/" + p.number());
        return o;
    }

    static String resolution(Paragraph p) {
        List<String> lines = new ArrayList<>();
        for (DecisionSection d : p.decisions()) {
            if (d.decidingBody() != null) {
                lines.add(d.decidingBody() + (d.kind() == DecisionKind.BESLUT ? " beslutar" : " föreslås besluta"));
            }
            d.clauses().forEach(c -> lines.add("att " + c));
        }
        return String.join("\n", lines);
    }

    Map<String, Object> vote(Vote v) {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "ja", v.ja());
        put(o, "nej", v.nej());
        put(o, "result", v.result());
        o.put("election", v.election());
        put(o, "decided", v.decided() == null ? null : v.decided().toString());
        o.put("ballots", v.ballots().stream().map(b -> {
            Map<String, Object> ballot = new LinkedHashMap<>();
            put(ballot, "member", b.member());
            put(ballot, "choice", b.choice() == null ? null : b.choice().toString());
            return ballot;
        }).toList());
        return o;
    }

    /** An AgendaItem of a published agenda, before the protocol is public. */
    public Map<String, Object> plannedItem(Meeting m, Agenda.AgendaItem i, OffsetDateTime modified) {
        Map<String, Object> o = object("/meeting/" + m.id() + "/agendaitem/" + i.number(), "AgendaItem", modified);
        o.put("meeting", url("/meeting/" + m.id()));
        o.put("number", String.valueOf(i.number()));
        o.put("order", i.number());
        o.put("name", i.title());
        o.put("public", i.isPublic());
        if (!i.proposedDecision().isEmpty()) {
            o.put(EXTENSION + "proposedDecision", i.proposedDecision());
        }
        o.put("web", web + "/api/meetings/" + m.id() + "/agenda");
        return o;
    }

    /** A Paper: a case (diarienummer) with a public decision, and its Consultations through the bodies. */
    public Map<String, Object> paper(String reference, String title, LocalDate first, List<Map<String, Object>> consultations,
                                     OffsetDateTime modified) {
        Map<String, Object> o = object("/paper/" + reference, "Paper", modified);
        o.put("body", url("/body/" + bodyId));
        o.put("name", title);
        o.put("reference", reference);
        put(o, "date", first == null ? null : first.toString());
        o.put("paperType", "Ärende");
        put(o, "consultation", consultations);
        o.put("web", web + "/api/cases/" + reference);
        return o;
    }

    public Map<String, Object> consultation(Meeting shown, Paragraph p, int order, OffsetDateTime modified) {
        Map<String, Object> o = object("/consultation/" + shown.id() + "/" + p.number(), "Consultation", modified);
        o.put("paper", url("/paper/" + p.caseNumber()));
        o.put("agendaItem", url("/meeting/" + shown.id() + "/agendaitem/" + order));
        o.put("meeting", url("/meeting/" + shown.id()));
        o.put("organization", List.of(url("/organization/" + shown.bodyId())));
        o.put("authoritative", p.kind() == DecisionKind.BESLUT);
        o.put("role", p.kind() == DecisionKind.BESLUT ? "Beslut" : "Förslag till beslut");
        return o;
    }

    /** The protocol of a public meeting, as a File (PDF). */
    public Map<String, Object> protocolFile(Meeting shown, String bodyName, OffsetDateTime modified) {
        Map<String, Object> o = object("/file/protocol-" + shown.id(), "File", modified);
        o.put("name", "Protokoll " + bodyName + " " + shown.date());
        o.put("fileName", shown.id() + ".pdf");
        o.put("mimeType", "application/pdf");
        put(o, "date", shown.justering() == null ? null : shown.justering().date().toString());
        o.put("accessUrl", web + "/api/meetings/" + shown.id() + "/protocol");
        o.put("meeting", List.of(url("/meeting/" + shown.id())));
        return o;
    }

    /** A case document of a public agenda item. */
    public Map<String, Object> file(CaseDocument d, String name, OffsetDateTime modified) {
        Map<String, Object> o = object("/file/" + d.id(), "File", modified);
        o.put("name", name);
        o.put("fileName", name);
        o.put("mimeType", d.contentType());
        o.put("size", d.size());
        o.put("accessUrl", web + "/api/meetings/" + d.meetingId() + "/documents/" + d.id());
        o.put("meeting", List.of(url("/meeting/" + d.meetingId())));
        o.put(EXTENSION + "sha256Checksum", d.sha256());
        return o;
    }
}
