package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/**
 * The feeds: ks-nau's iCalendar parsed by a real iCalendar library (ical4j), Atom for the anslagstavla, a
 * body's decisions and a case parsed as XML; ETag and Last-Modified answered with 304; a protected person's
 * name in none of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0",
        classes = {se.radhus.meetings.MeetingsApplication.class, PublicSideApiTestBase.Today.class})
class FeedsApiTest extends PublicSideApiTestBase {

    static final String SECOND = "ks-nau-2024-06-04";
    static final String PROTECTED = "Sara Skyddad";
    private static final java.util.Set<Integer> READY = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The seed, and a second ks-nau meeting where a protected person serves, moves and is named; KF's kallelse. */
    @BeforeEach
    void meetings() throws Exception {
        seed();
        if (READY.contains(port)) {
            return;
        }
        protectedMeeting(this);
        today("2024-06-05");
        expect(201, post("/api/meetings", Map.of("bodyId", "kf", "date", "2024-06-17", "startTime", "18:00", "place", "Stadshuset"), "sekreterare"));
        expect(200, put("/api/meetings/kf-2024-06-17/agenda", Map.of("items", List.of(Map.of("title", "Årsredovisning 2023",
                "caseNumber", "KS-2024/00449"))), "sekreterare"));
        expect(200, post("/api/meetings/kf-2024-06-17/kallelse", Map.of("publishedOn", "2024-06-05"), "sekreterare"));
        READY.add(port);
    }

    /** A ks-nau meeting (2024-06-04, § 191) attended and named by a protected person, adjusted and posted 2024-06-05. */
    static void protectedMeeting(PublicSideApiTestBase t) throws Exception {
        today("2024-06-05");
        String sara = json(expect(201, t.post("/api/persons", Map.of("name", PROTECTED, "party", "V", "protectedIdentity", true),
                "registrator"))).get("id").asString();
        expect(201, t.post("/api/meetings", Map.of("bodyId", "ks-nau", "date", "2024-06-04", "startTime", "13:15", "endTime", "15:00",
                "place", "Hos " + PROTECTED + ", Storgatan 1", "attendance", List.of(
                        Map.of("personId", "hans-lindberg", "name", "Hans Lindberg", "party", "S", "role", "ORDFORANDE"),
                        Map.of("personId", "anders-agren", "name", "Anders Ågren", "party", "M", "role", "LEDAMOT"),
                        Map.of("personId", sara, "name", PROTECTED, "party", "V", "role", "LEDAMOT")),
                "adjusters", List.of("Anders Ågren")), "sekreterare"));
        expect(201, t.post("/api/meetings/" + SECOND + "/paragraphs", Map.of("number", 191, "caseNumber", "KS-2024/00449",
                "title", "Motion av " + PROTECTED + " (V) om stolarna",
                "decisions", List.of(Map.of("kind", "BESLUT", "decidingBody", "Näringslivs- och arbetsutskottet",
                        "clauses", List.of("bifalla motionen från " + PROTECTED + ".")))), "sekreterare"));
        expect(200, t.post("/api/meetings/" + SECOND + "/justering", Map.of("date", "2024-06-05",
                "signedBy", List.of("Hans Lindberg", "Anders Ågren")), "sekreterare"));
        expect(200, t.post("/api/meetings/" + SECOND + "/anslag", Map.of("postedOn", "2024-06-05", "keptAt", "Stadshuset"), "sekreterare"));
    }

    static List<Component> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<Component> events = new ArrayList<>();
        for (Component c : calendar.getComponents()) {
            if (c.getName().equals(Component.VEVENT)) {
                events.add(c);
            }
        }
        return events;
    }

    static String property(Component c, String name) {
        return c.getPropertyList().<Property>getProperty(name).map(Property::getValue).orElse(null);
    }

    static Component event(List<Component> events, String uid) {
        return events.stream().filter(e -> uid.equals(property(e, Property.UID))).findFirst().orElseThrow(() -> new AssertionError(uid));
    }

    @Test
    void theCalendarOfKsNauParsesWithItsMeetings() throws Exception {
        HttpResponse<String> r = expect(200, anonymous("/api/bodies/ks-nau/calendar.ics"));
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        List<Component> events = events(r.body());
        assertThat(events).hasSize(2);
        Component seed = event(events, SEED_MEETING + "@radhus");
        assertThat(property(seed, Property.DTSTART)).isEqualTo("20240521");
        assertThat(property(seed, Property.SUMMARY)).isEqualTo("Kommunstyrelsens näringslivs- och arbetsutskott, sammanträde");
        assertThat(property(seed, Property.URL)).isEqualTo("http://localhost:8080/api/meetings/" + SEED_MEETING + "/protocol");
        Component second = event(events, SECOND + "@radhus");
        // 13:15 in Stockholm in June is 11:15 UTC
        assertThat(property(second, Property.DTSTART)).isEqualTo("20240604T111500Z");
        assertThat(property(second, Property.DTEND)).isEqualTo("20240604T130000Z");
        assertThat(property(second, Property.LOCATION)).contains("Storgatan 1").doesNotContain("Sara");
        assertThat(r.body()).doesNotContain("Sara").doesNotContain(PROTECTED);
        // no line is longer than 75 octets (RFC 5545 3.1)
        for (String line : r.body().split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void fullmaktigesCalendarLinksTheKallelseAndNoDraft() throws Exception {
        List<Component> events = events(expect(200, anonymous("/api/bodies/kf/calendar.ics")).body());
        assertThat(events).hasSize(1);
        Component kf = events.get(0);
        assertThat(property(kf, Property.URL)).isEqualTo("http://localhost:8080/api/meetings/kf-2024-06-17/agenda");
        assertThat(property(kf, Property.DTSTART)).isEqualTo("20240617T160000Z");
        assertThat(property(kf, Property.DESCRIPTION)).contains("Årsredovisning 2023").contains("Kallelse: ");
        // a planned meeting with no kallelse is a draft: in no calendar
        expect(201, post("/api/meetings", Map.of("bodyId", "ks", "date", "2024-06-20", "place", "Utkast"), "sekreterare"));
        assertThat(events(expect(200, anonymous("/api/bodies/ks/calendar.ics")).body())).isEmpty();
        KallelseApiTest.problem(anonymous("/api/bodies/none/calendar.ics"), 404, "none");
    }

    @Test
    void eachFeedAnswersItsETagAndLastModifiedWith304() throws Exception {
        for (String path : List.of("/api/bodies/ks-nau/calendar.ics", "/feeds/anslagstavla.atom", "/feeds/bodies/ks-nau/decisions.atom",
                "/feeds/cases/KS-2024/00449.atom")) {
            HttpResponse<String> first = expect(200, anonymous(path));
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String modified = first.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(anonymous(path, "If-None-Match", etag).statusCode()).as(path).isEqualTo(304);
            assertThat(anonymous(path, "If-Modified-Since", modified).statusCode()).as(path).isEqualTo(304);
            assertThat(anonymous(path, "If-None-Match", "\"other\"").statusCode()).as(path).isEqualTo(200);
        }
        // the decisions rest on the latest justering, 2024-06-05, from the start of that day in Stockholm
        assertThat(anonymous("/feeds/bodies/ks-nau/decisions.atom").headers().firstValue("Last-Modified").orElseThrow())
                .isEqualTo("Tue, 04 Jun 2024 22:00:00 GMT");
    }

    static Document xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
    }

    static List<Element> entries(Document d) {
        NodeList list = d.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static String child(Element e, String name) {
        return e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
    }

    @Test
    void theAtomFeedsOfTheAnslagstavlaABodyAndACase() throws Exception {
        HttpResponse<String> board = expect(200, anonymous("/feeds/anslagstavla.atom"));
        assertThat(board.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        Document d = xml(board.body());
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("feed");
        List<String> ids = entries(d).stream().map(e -> child(e, "id")).toList();
        assertThat(ids).containsExactly("urn:radhus:anslag:kungorelse-kf-2024-06-17", "urn:radhus:anslag:protokoll-" + SECOND,
                "urn:radhus:anslag:protokoll-" + SEED_MEETING);
        Element seed = entries(d).get(2);
        assertThat(child(seed, "summary")).contains("2024-06-14").contains("Kommunledningskontoret");
        assertThat(child(seed, "updated")).isEqualTo("2024-05-24T00:00:00+02:00");

        String decisionsBody = expect(200, anonymous("/feeds/bodies/ks-nau/decisions.atom")).body();
        List<Element> decisions = entries(xml(decisionsBody));
        assertThat(decisions).hasSize(15);
        assertThat(child(decisions.get(0), "id")).isEqualTo("urn:radhus:paragraph:" + SECOND + ":191");
        assertThat(child(decisions.get(0), "title")).contains("§ 191").doesNotContain("Sara");
        assertThat(decisionsBody).doesNotContain("Sara");

        String caseBody = expect(200, anonymous("/feeds/cases/KS-2024/00449.atom")).body();
        assertThat(entries(xml(caseBody)).stream().map(e -> child(e, "id")))
                .containsExactly("urn:radhus:paragraph:" + SECOND + ":191", "urn:radhus:paragraph:" + SEED_MEETING + ":179");
        assertThat(caseBody).doesNotContain("Sara");
        assertThat(board.body()).doesNotContain("Sara");
        // the case in another spelling, a case with no public decision, a number that is none
        expect(200, anonymous("/feeds/cases/KS%202024/449.atom"));
        KallelseApiTest.problem(anonymous("/feeds/cases/KS-2024/09999.atom"), 404, "KS-2024/09999");
        KallelseApiTest.problem(anonymous("/feeds/cases/KS-24/1.atom"), 400, "case number");
        KallelseApiTest.problem(anonymous("/feeds/bodies/none/decisions.atom"), 404, "none");
    }

    @Test
    void staffSeeTheSameFeedsAsThePublic() throws Exception {
        // a feed is public: a token changes nothing in it
        String asSecretary = send("GET", "/feeds/bodies/ks-nau/decisions.atom", null, null, "sekreterare").body();
        assertThat(asSecretary).isEqualTo(anonymous("/feeds/bodies/ks-nau/decisions.atom").body());
        JsonNode meeting = json(expect(200, anonymous("/api/meetings/" + SECOND)));
        assertThat(meeting.toString()).doesNotContain("Sara");
    }
}
