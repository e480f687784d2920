package se.radhus.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.radhus.system.Suite.Service;

/**
 * One trace across the four processes, read from their logs: the gateway's access line for a justering
 * names its request id and trace id, and the same trace id is on meetings-service's lines for the
 * justering, its effect dispatch and the decision checks it set off, and on finance-service's (and
 * procurement-service's) lines for the effects they carried out — also when the effect is carried out
 * after meetings-service was killed and started again, from the traceparent stored with it.
 */
class OneTraceTest extends RunningSuite {

    /** {@code <time> <LEVEL> [<request id>] [<trace id>] <logger> - <message>}, as every process writes it. */
    static final Pattern LINE = Pattern.compile("^\\S+ +[A-Z]+ +\\[([^\\]]*)\\] \\[([0-9a-f]{32})?\\] (\\S+) - (.*)$");
    static final long DEADLINE_SECONDS = 180;

    /** A log line: the ids in its context and its message. */
    record Line(Service service, String requestId, String traceId, String logger, String message) {
    }

    /** Where each log ends now: the lines a test reads are those written after (other tests of the run append to the same files). */
    Map<Service, Long> marks() throws IOException {
        Map<Service, Long> marks = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            marks.put(s, java.nio.file.Files.size(suite.logOf(s)));
        }
        return marks;
    }

    List<Line> linesSince(Service s, Map<Service, Long> marks) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(suite.logOf(s).toFile(), "r")) {
            f.seek(marks.get(s));
            byte[] bytes = new byte[(int) (f.length() - marks.get(s))];
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().map(LINE::matcher).filter(Matcher::matches)
                    .map(m -> new Line(s, m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3), m.group(4))).toList();
        }
    }

    /** The first line of {@code s} since the marks that matches, waiting for it (effects are carried out asynchronously). */
    Line await(Service s, Map<Service, Long> marks, String what, Predicate<Line> match) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (true) {
            Optional<Line> found = linesSince(s, marks).stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(s.module + " logged no line " + what + " within " + DEADLINE_SECONDS + " s; lines since the mark:\n"
                        + String.join("\n", linesSince(s, marks).stream().map(Line::toString).toList()));
            }
            Thread.sleep(500);
        }
    }

    /** The gateway's access line for a justering: its request id and its trace id. */
    Line justeringAccess(Map<Service, Long> marks, String meetingId) throws Exception {
        Line access = await(Service.GATEWAY, marks, "for the justering of " + meetingId,
                l -> l.logger().equals("se.radhus.gateway.access")
                        && l.message().contains(" POST /api/meetings/" + meetingId + "/justering -> 200"));
        assertTrue(access.traceId().matches("[0-9a-f]{32}") && !access.traceId().matches("0+"), access.toString());
        assertTrue(access.message().startsWith("requestId=" + access.requestId() + " traceId=" + access.traceId() + " "), access.toString());
        return access;
    }

    @Test
    void oneJusteringOfTheSeedIsOneTraceInTheGatewayMeetingsFinanceAndProcurement() throws Exception {
        Map<Service, Long> marks = marks();
        Process seed = new ProcessBuilder("python3", suite.root.resolve("bin/seed").toString(), suite.gateway())
                .redirectErrorStream(true).start();
        String out = new String(seed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(seed.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, seed.exitValue(), out);
        assertTrue(out.contains("ks-nau-2024-05-21-181-1 (GRANT, § 181): DONE"), out);

        Line access = justeringAccess(marks, "ks-nau-2024-05-21");
        String trace = access.traceId();
        assertEquals("seed-loader", access.requestId(), "the seed loader's own X-Request-Id");

        // meetings-service: the justering itself, under both ids
        Line adjusted = await(Service.MEETINGS, marks, "adjusting the meeting",
                l -> l.message().equals("adjusted ks-nau-2024-05-21"));
        assertEquals(trace, adjusted.traceId(), adjusted.toString());
        assertEquals(access.requestId(), adjusted.requestId(), adjusted.toString());
        // the effects' dispatch, and finance's and procurement's decision checks, on meetings' side
        for (String effect : List.of("ks-nau-2024-05-21-181-1 (GRANT)", "ks-nau-2024-05-21-179-1 (AWARD)",
                "ks-nau-2024-05-21-180-1 (TENDER_APPROVAL)")) {
            Line done = await(Service.MEETINGS, marks, "carrying out " + effect,
                    l -> l.message().equals("effect " + effect + " carried out"));
            assertEquals(trace, done.traceId(), done.toString());
        }
        for (int paragraph : new int[] {179, 180, 181}) {
            Line check = await(Service.MEETINGS, marks, "for the decision check of § " + paragraph,
                    l -> l.message().startsWith("decision check ks-nau 2024-05-21 § " + paragraph + ":") && l.traceId().equals(trace));
            assertTrue(check.message().endsWith(": adjusted"), check.toString());
        }
        // finance-service: the grant of § 181, created from the dispatch
        Line grant = await(Service.FINANCE, marks, "for CreateGrant of § 181",
                l -> l.message().startsWith("CreateGrant ks-nau-2024-05-21-181-1 "));
        assertEquals(trace, grant.traceId(), grant.toString());
        // procurement-service: the award of § 179 and the approval of § 180
        Line award = await(Service.PROCUREMENT, marks, "for RecordAward of § 179",
                l -> l.message().startsWith("RecordAward ks-nau-2024-05-21-179-1 "));
        assertEquals(trace, award.traceId(), award.toString());
        Line approval = await(Service.PROCUREMENT, marks, "for ApproveTenderDocuments of § 180",
                l -> l.message().startsWith("ApproveTenderDocuments ks-nau-2024-05-21-180-1 "));
        assertEquals(trace, approval.traceId(), approval.toString());

        // the seed's other justering (ks-2024-02-13) is a trace of its own
        Line other = justeringAccess(marks, "ks-2024-02-13");
        assertNotEquals(trace, other.traceId());
        assertTrue(linesSince(Service.FINANCE, marks).stream().filter(l -> l.message().startsWith("CreateGrant "))
                .allMatch(l -> l.traceId().equals(trace)), "the seed's only grant effect is § 181's");
    }

    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    tools.jackson.databind.JsonNode ok(HttpResponse<String> r) {
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void anEffectCarriedOutAfterMeetingsRestartedStaysInItsJusteringsTrace() throws Exception {
        ok(suite.post("/api/bodies", "{\"id\":\"spar\",\"name\":\"Spårnämnden\",\"diariumPrefix\":\"SP\"}"));
        ok(suite.post("/api/appropriations", "{\"id\":\"spar-anslag\",\"name\":\"Spåranslaget\",\"ownerBodyId\":\"spar\","
                + "\"amounts\":[{\"year\":2024,\"amount\":{\"ore\":10000000,\"currency\":\"SEK\"}}]}"));
        String meeting = ok(suite.post("/api/meetings", "{\"bodyId\":\"spar\",\"date\":\"2024-04-02\",\"attendance\":["
                + "{\"name\":\"Ordf\",\"role\":\"ORDFORANDE\"},{\"name\":\"Just\",\"role\":\"LEDAMOT\"}],\"adjusters\":[\"Just\"]}"))
                .get("id").asString();
        ok(suite.post("/api/meetings/" + meeting + "/paragraphs", "{\"number\":1,\"caseNumber\":\"SP-2024/00001\",\"title\":\"Bidrag\","
                + "\"decisions\":[{\"kind\":\"BESLUT\",\"decidingBody\":\"Spårnämnden\",\"clauses\":[\"bevilja\"]}],"
                + "\"effects\":[{\"kind\":\"GRANT\",\"appropriationId\":\"spar-anslag\",\"recipients\":[{\"name\":\"Förening\","
                + "\"amounts\":[{\"year\":2024,\"ore\":100000}]}]}]}"));
        String effect = meeting + "-1-1";

        // finance is down: the justering records the effect, which cannot be carried out yet ...
        suite.killHard(Service.FINANCE);
        Map<Service, Long> marks = marks();
        ok(suite.send("POST", "/api/meetings/" + meeting + "/justering", "{\"date\":\"2024-04-05\",\"signedBy\":[\"Ordf\",\"Just\"]}",
                Map.of("X-Request-Id", "trace-test-justering")));
        Line access = justeringAccess(marks, meeting);
        assertEquals("trace-test-justering", access.requestId());
        // ... and meetings-service dies before it is; it starts again, then finance does
        suite.killHard(Service.MEETINGS);
        suite.start(Service.MEETINGS);
        suite.awaitReady(Service.MEETINGS);
        suite.start(Service.FINANCE);
        suite.awaitReady(Service.FINANCE);

        Line done = await(Service.MEETINGS, marks, "carrying out " + effect,
                l -> l.message().equals("effect " + effect + " (GRANT) carried out"));
        assertEquals(access.traceId(), done.traceId(), "the restarted dispatcher continues the stored trace: " + done);
        Line grant = await(Service.FINANCE, marks, "for CreateGrant of " + effect,
                l -> l.message().startsWith("CreateGrant " + effect + " "));
        assertEquals(access.traceId(), grant.traceId(), grant.toString());
        Line check = await(Service.MEETINGS, marks, "for finance's decision check",
                l -> l.message().startsWith("decision check spar 2024-04-02 § 1:") && l.traceId().equals(access.traceId()));
        assertTrue(check.message().endsWith(": adjusted"), check.toString());
        assertEquals("DONE", ok(suite.get("/api/meetings/" + meeting + "/effects")).get("effects").get(0).get("state").asString());
    }
}
