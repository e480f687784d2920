package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The OParl 1.1 read API: from the System, every list and object linked, page by page, validated against the
 * OParl 1.1 schemas (testdata/schemas/oparl-1.1), every one of the twelve types; modified_since / modified_until
 * and tombstones; Rådhus's votes and attendance under the {@code radhus:} extension; no protected name anywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.grpc.server.port=0",
        "radhus.oparl.body-name=Umeå kommun"},
        classes = {se.radhus.meetings.MeetingsApplication.class, PublicSideApiTestBase.Today.class})
class OParlApiTest extends PublicSideApiTestBase {

    static final Path SCHEMAS = Path.of("../testdata/schemas/oparl-1.1");
    static final String SCHEMA = "https://schema.oparl.org/1.1/";
    static final ObjectMapper JACKSON2 = new ObjectMapper();
    static final Map<String, JsonSchema> SCHEMAS_BY_TYPE = new HashMap<>();
    private static final Set<Integer> READY = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static JsonSchema schema(String type) throws Exception {
        JsonSchema s = SCHEMAS_BY_TYPE.get(type);
        if (s == null) {
            s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(Files.readString(SCHEMAS.resolve(type + ".json")));
            SCHEMAS_BY_TYPE.put(type, s);
        }
        return s;
    }

    @BeforeEach
    void meetings() throws Exception {
        seed();
        if (READY.contains(port)) {
            return;
        }
        FeedsApiTest.protectedMeeting(this);
        // a body with seats: one for a person the public may see, one for the protected person
        String sara = null;
        for (JsonNode p : json(expect(200, send("GET", "/api/persons?pageSize=100", null, null, "registrator"))).get("items")) {
            if (p.get("name").asString().equals(FeedsApiTest.PROTECTED)) {
                sara = p.get("id").asString();
            }
        }
        expect(201, post("/api/bodies", Map.of("id", "kf-valberedning", "name", "Valberedningen", "parentId", "kf", "members", List.of(
                Map.of("personId", "hans-lindberg", "role", "ORDFORANDE", "from", "2022-10-15"),
                Map.of("personId", sara, "role", "LEDAMOT", "from", "2022-10-15"))), "registrator"));
        // KF 2024-06-10: a kallelse of two items, one with a document; the second not taken up in the protocol
        today("2024-06-01");
        expect(201, post("/api/meetings", Map.of("bodyId", "kf", "date", "2024-06-10", "startTime", "18:00", "place", "Sessionssalen",
                "attendance", List.of(Map.of("personId", "hans-lindberg", "name", "Hans Lindberg", "party", "S", "role", "ORDFORANDE"),
                        Map.of("personId", "anders-agren", "name", "Anders Ågren", "party", "M", "role", "LEDAMOT")),
                "adjusters", List.of("Anders Ågren")), "sekreterare"));
        String doc = json(expect(201, send("POST", "/api/meetings/kf-2024-06-10/documents?name=skrivelse.pdf", "application/pdf",
                KallelseApiTest.PDF, "sekreterare"))).get("id").asString();
        expect(200, put("/api/meetings/kf-2024-06-10/agenda", Map.of("items", List.of(
                Map.of("title", "Stolar till aulan", "caseNumber", "KS-2024/00449", "documents", List.of(doc),
                        "proposedDecision", List.of("godkänna förfrågningsunderlaget.")),
                Map.of("title", "Information om läget"))), "sekreterare"));
        expect(200, post("/api/meetings/kf-2024-06-10/kallelse", Map.of("publishedOn", "2024-06-01"), "sekreterare"));
        today("2024-06-12");
        expect(200, post("/api/meetings/kf-2024-06-10/state", Map.of("state", "HELD"), "sekreterare"));
        expect(200, post("/api/meetings/kf-2024-06-10/agenda/paragraphs", Map.of(), "sekreterare"));
        expect(200, send("DELETE", "/api/meetings/kf-2024-06-10/paragraphs/2", null, null, "sekreterare"));
        expect(200, post("/api/meetings/kf-2024-06-10/justering", Map.of("date", "2024-06-11",
                "signedBy", List.of("Hans Lindberg", "Anders Ågren")), "sekreterare"));
        expect(200, post("/api/meetings/kf-2024-06-10/anslag", Map.of("postedOn", "2024-06-12", "keptAt", "Stadshuset"), "sekreterare"));
        // KF 2024-06-24: called, not yet held
        expect(201, post("/api/meetings", Map.of("bodyId", "kf", "date", "2024-06-24", "startTime", "18:00", "place", "Sessionssalen"),
                "sekreterare"));
        expect(200, put("/api/meetings/kf-2024-06-24/agenda", Map.of("items", List.of(Map.of("title", "Budget 2025"))), "sekreterare"));
        expect(200, post("/api/meetings/kf-2024-06-24/kallelse", Map.of("publishedOn", "2024-06-12"), "sekreterare"));
        READY.add(port);
    }

    String local(String url) {
        return url.replace("http://localhost:8080", "");
    }

    JsonNode get(String url) throws Exception {
        HttpResponse<String> r = expect(200, anonymous(local(url)));
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(r.body()).doesNotContain("Sara");
        return json(r);
    }

    /** Validates every OParl object in the answer (embedded ones too) against its type's schema; @return the types seen. */
    static Set<String> validate(JsonNode node, Set<String> types) throws Exception {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type != null && type.isString() && type.asString().startsWith(SCHEMA)) {
                String name = type.asString().substring(SCHEMA.length());
                Set<ValidationMessage> errors = schema(name).validate(JACKSON2.readTree(node.toString()));
                assertThat(errors).as(name + " " + node).isEmpty();
                types.add(name);
            }
            for (var e : node.properties()) {
                validate(e.getValue(), types);
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                validate(n, types);
            }
        }
        return types;
    }

    /** Every object of a list, page by page (5 a page), each also read by its id. */
    List<JsonNode> all(String listUrl) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String next = listUrl + (listUrl.contains("?") ? "&" : "?") + "limit=5";
        int pages = 0;
        while (next != null) {
            JsonNode page = get(next);
            assertThat(page.get("pagination").get("elementsPerPage").asInt()).isEqualTo(5);
            assertThat(page.get("data").size()).isLessThanOrEqualTo(5);
            page.get("data").forEach(out::add);
            next = page.get("links").has("next") ? page.get("links").get("next").asString() : null;
            assertThat(++pages).isLessThan(100);
            if (next == null) {
                assertThat(page.get("pagination").get("totalElements").asInt()).isEqualTo(out.size());
            }
        }
        return out;
    }

    @Test
    void fromTheSystemEveryObjectLinkedValidatesAgainstOParl11() throws Exception {
        Set<String> types = new TreeSet<>();
        JsonNode system = get("/oparl/v1/system");
        validate(system, types);
        assertThat(system.get("oparlVersion").asString()).isEqualTo("https://schema.oparl.org/1.1/");
        JsonNode bodies = get(system.get("body").asString());
        validate(bodies, types);
        assertThat(bodies.get("data")).hasSize(1);
        JsonNode body = get(bodies.get("data").get(0).get("id").asString());
        validate(body, types);
        assertThat(body.get("name").asString()).isEqualTo("Umeå kommun");
        Map<String, List<JsonNode>> lists = new HashMap<>();
        for (String list : List.of("organization", "person", "membership", "meeting", "agendaItem", "paper", "consultation", "file",
                "locationList", "legislativeTermList")) {
            List<JsonNode> objects = all(body.get(list).asString());
            assertThat(objects).as(list).isNotEmpty();
            Set<String> ids = new HashSet<>();
            for (JsonNode o : objects) {
                validate(o, types);
                assertThat(ids.add(o.get("id").asString())).as("one id once: " + o.get("id")).isTrue();
                // each object is also at its own id, the same
                assertThat(get(o.get("id").asString())).isEqualTo(o);
            }
            lists.put(list, objects);
        }
        assertThat(types).containsExactlyInAnyOrder("System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem",
                "Paper", "Consultation", "File", "LegislativeTerm", "Location");

        // the municipality's bodies, a person and a term
        assertThat(lists.get("organization")).extracting(o -> o.get("name").asString())
                .contains("Kommunfullmäktige", "Kommunstyrelsen", "Kommunstyrelsens näringslivs- och arbetsutskott");
        assertThat(lists.get("person")).extracting(o -> o.get("name").asString()).contains("Hans Lindberg").doesNotContain("Sara Skyddad");
        // the protected member's seat is in no list; Hans Lindberg's is
        assertThat(lists.get("membership")).hasSize(1);
        assertThat(lists.get("membership").get(0).get("role").asString()).isEqualTo("Ordförande");
        assertThat(lists.get("legislativeTermList")).extracting(o -> o.get("startDate").asString()).contains("2022-10-15");
        // the case of the seed's § 179 is a paper with its consultations through the bodies
        JsonNode paper = lists.get("paper").stream().filter(p -> p.get("reference").asString().equals("KS-2024/00449")).findFirst().orElseThrow();
        assertThat(paper.get("consultation")).hasSize(3);
    }

    JsonNode meeting(String id) throws Exception {
        return get("/oparl/v1/meeting/" + id);
    }

    @Test
    void votesAndAttendanceWithSubstitutesAreUnderTheExtension() throws Exception {
        JsonNode seed = meeting(SEED_MEETING);
        JsonNode urban = null;
        for (JsonNode a : seed.get("radhus:attendance")) {
            if (a.get("name").asString().equals("Urban Helmersson")) {
                urban = a;
            }
        }
        assertThat(urban).isNotNull();
        assertThat(urban.get("role").asString()).isEqualTo("TJANSTEMAN");
        assertThat(urban.get("paragraphs").get("from").asInt()).isEqualTo(178);
        assertThat(urban.get("person").asString()).isEqualTo("http://localhost:8080/oparl/v1/person/urban-helmersson");
        assertThat(seed.get("resultsProtocol").get("accessUrl").asString()).endsWith("/api/meetings/" + SEED_MEETING + "/protocol");
        assertThat(seed.get("agendaItem")).hasSize(14);
        assertThat(seed.get("agendaItem").get(4).get("number").asString()).isEqualTo("§ 181");

        JsonNode second = meeting(FeedsApiTest.SECOND);
        JsonNode vote = second.get("agendaItem").get(0).get("radhus:votes").get(0);
        assertThat(vote.get("result").asString()).contains("2 ja-röster mot 1 nej-röst");
        assertThat(vote.get("ballots")).extracting(b -> b.get("member").asString())
                .containsExactly("Hans Lindberg", "Anders Ågren", "Skyddad identitet");
        // the protected member serves and is counted, but is named nowhere and linked to no person
        assertThat(second.get("participant")).hasSize(2);
        assertThat(second.get("location").get("description").asString()).doesNotContain("Sara").contains("Storgatan 1");

        JsonNode called = meeting("kf-2024-06-24");
        assertThat(called.get("meetingState").asString()).isEqualTo("Kallad");
        assertThat(called.get("agendaItem").get(0).get("name").asString()).isEqualTo("Budget 2025");
        assertThat(called.has("resultsProtocol")).isFalse();
        JsonNode held = meeting("kf-2024-06-10");
        assertThat(held.get("auxiliaryFile").get(0).get("fileName").asString()).isEqualTo("skrivelse.pdf");
        // a planned meeting with no kallelse is nobody's business
        expect(201, post("/api/meetings", Map.of("bodyId", "ks", "date", "2024-06-28"), "sekreterare"));
        KallelseApiTest.problem(anonymous("/oparl/v1/meeting/ks-2024-06-28"), 404, "ks-2024-06-28");
    }

    @Test
    void modifiedSinceAndUntilFilterAndCarryTombstones() throws Exception {
        String since = java.net.URLEncoder.encode("2024-06-05T00:00:00+02:00", java.nio.charset.StandardCharsets.UTF_8);
        List<String> meetings = new ArrayList<>();
        all("/oparl/v1/body/kommun/meetings?modified_since=" + since).forEach(m -> meetings.add(m.get("id").asString()));
        assertThat(meetings).extracting(this::local).containsExactly("/oparl/v1/meeting/kf-2024-06-10", "/oparl/v1/meeting/kf-2024-06-24",
                "/oparl/v1/meeting/ks-nau-2024-06-04");
        String until = java.net.URLEncoder.encode("2024-05-31T00:00:00+02:00", java.nio.charset.StandardCharsets.UTF_8);
        List<String> older = new ArrayList<>();
        all("/oparl/v1/body/kommun/meetings?modified_until=" + until).forEach(m -> older.add(local(m.get("id").asString())));
        assertThat(older).containsExactly("/oparl/v1/meeting/" + SEED_MEETING);
        // the agenda's second item, not taken up in the adjusted protocol, is gone: a tombstone, valid OParl
        JsonNode gone = null;
        for (JsonNode i : all("/oparl/v1/body/kommun/agendaitems?modified_since=" + since)) {
            if (i.has("deleted")) {
                gone = i;
            }
        }
        assertThat(gone).isNotNull();
        assertThat(local(gone.get("id").asString())).isEqualTo("/oparl/v1/meeting/kf-2024-06-10/agendaitem/2");
        assertThat(gone.get("deleted").asBoolean()).isTrue();
        validate(gone, new HashSet<>());
        assertThat(get(gone.get("id").asString()).get("deleted").asBoolean()).isTrue();
        // without modified_since, no tombstones
        for (JsonNode i : all("/oparl/v1/body/kommun/agendaitems")) {
            assertThat(i.has("deleted")).isFalse();
        }
        // the meetings of one organization
        assertThat(all("/oparl/v1/body/kommun/meetings?organization=kf")).hasSize(2);
    }

    @Test
    void badParametersAndUnknownObjectsAreProblems() throws Exception {
        KallelseApiTest.problem(anonymous("/oparl/v1/body/kommun/meetings?modified_since=yesterday"), 400, "modified_since");
        KallelseApiTest.problem(anonymous("/oparl/v1/body/kommun/meetings?page=0"), 400, "page");
        KallelseApiTest.problem(anonymous("/oparl/v1/body/kommun/nothing"), 404, "nothing");
        KallelseApiTest.problem(anonymous("/oparl/v1/body/other"), 404, "other");
        KallelseApiTest.problem(anonymous("/oparl/v1/person/none"), 404, "/person/none");
        KallelseApiTest.problem(anonymous("/oparl/v1/body/kommun/meetings?page=2&limit=x"), 400, "limit");
    }
}
