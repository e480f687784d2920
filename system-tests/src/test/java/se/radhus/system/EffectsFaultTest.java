package se.radhus.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import se.radhus.system.Suite.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 100 decisions with effects are adjusted while finance-service and procurement-service are killed with
 * SIGKILL and started again, five times over; afterwards every effect is applied exactly once, and every
 * balance equals its ledger.
 */
class EffectsFaultTest extends RunningSuite {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MEETINGS = 10;
    static final int PER_MEETING = 10;
    static final long GRANT_ORE = 100_000;

    JsonNode ok(HttpResponse<String> r) throws Exception {
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    static String paragraph(int number, int meeting, int i) {
        String effect = i % 10 == 9
                ? "{\"kind\":\"TENDER_APPROVAL\",\"procurementId\":\"fp-" + meeting + "\"}"
                : "{\"kind\":\"GRANT\",\"appropriationId\":\"fault-anslag\",\"recipients\":[{\"name\":\"Förening " + meeting + "-" + i
                  + "\",\"amounts\":[{\"year\":2024,\"ore\":" + GRANT_ORE + "}]}]}";
        return "{\"number\":" + number + ",\"caseNumber\":\"FT-2024/" + String.format("%05d", number) + "\",\"title\":\"Beslut " + number
                + "\",\"decisions\":[{\"kind\":\"BESLUT\",\"decidingBody\":\"Feltestnämnden\",\"clauses\":[\"bevilja\"]}],"
                + "\"effects\":[" + effect + "]}";
    }

    @Test
    void everyEffectIsAppliedExactlyOnceThroughKillsAndRestarts() throws Exception {
        ok(suite.post("/api/bodies", "{\"id\":\"ft\",\"name\":\"Feltestnämnden\",\"diariumPrefix\":\"FT\"}"));
        ok(suite.post("/api/appropriations", "{\"id\":\"fault-anslag\",\"name\":\"Feltestanslaget\",\"ownerBodyId\":\"ft\","
                + "\"amounts\":[{\"year\":2024,\"amount\":{\"ore\":100000000,\"currency\":\"SEK\"}}]}"));
        for (int m = 0; m < MEETINGS; m++) {
            ok(suite.post("/api/procurements", "{\"id\":\"fp-" + m + "\",\"number\":\"FP-" + m + "\",\"title\":\"Feltest " + m
                    + "\",\"type\":\"CONTRACT\",\"procedure\":\"OPEN\",\"category\":\"SERVICES\"}"));
        }
        int number = 1;
        List<String> meetings = new ArrayList<>();
        for (int m = 0; m < MEETINGS; m++) {
            String date = String.format("2024-03-%02d", m + 1);
            JsonNode meeting = ok(suite.post("/api/meetings", "{\"bodyId\":\"ft\",\"date\":\"" + date + "\",\"attendance\":["
                    + "{\"name\":\"Ordf\",\"role\":\"ORDFORANDE\"},{\"name\":\"Just\",\"role\":\"LEDAMOT\"}],\"adjusters\":[\"Just\"]}"));
            String id = meeting.get("id").asString();
            meetings.add(id);
            for (int i = 0; i < PER_MEETING; i++) {
                ok(suite.post("/api/meetings/" + id + "/paragraphs", paragraph(number++, m, i)));
            }
        }
        // drafted: 90 grants reserve 90 × 1 000 kr
        JsonNode drafted = ok(suite.get("/api/appropriations/fault-anslag/balance")).get("years").get(0);
        assertEquals(90 * GRANT_ORE, drafted.get("reserved").get("ore").asLong());

        AtomicBoolean killing = new AtomicBoolean(true);
        AtomicInteger kills = new AtomicInteger();
        Thread killer = Thread.ofPlatform().start(() -> {
            try {
                for (int round = 0; round < 5; round++) {
                    suite.killHard(Service.FINANCE);
                    suite.killHard(Service.PROCUREMENT);
                    kills.incrementAndGet();
                    Thread.sleep(400);
                    suite.start(Service.FINANCE);
                    suite.start(Service.PROCUREMENT);
                    suite.awaitReady(Service.FINANCE);
                    suite.awaitReady(Service.PROCUREMENT);
                    Thread.sleep(300 + round * 200L);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                killing.set(false);
            }
        });
        for (String id : meetings) {
            ok(suite.post("/api/meetings/" + id + "/justering", "{\"date\":\"2024-03-20\",\"signedBy\":[\"Ordf\",\"Just\"]}"));
            Thread.sleep(250);
        }
        killer.join();
        assertEquals(5, kills.get());

        // wait for every effect to be carried out
        long deadline = System.nanoTime() + 240_000_000_000L;
        int done = 0;
        while (System.nanoTime() < deadline) {
            done = 0;
            List<String> failed = new ArrayList<>();
            for (String id : meetings) {
                for (JsonNode e : ok(suite.get("/api/meetings/" + id + "/effects")).get("effects")) {
                    done += e.get("state").asString().equals("DONE") ? 1 : 0;
                    if (e.get("state").asString().equals("FAILED")) {
                        failed.add(e.toString());
                    }
                }
            }
            assertEquals(List.of(), failed, "effects failed for good");
            if (done == MEETINGS * PER_MEETING) {
                break;
            }
            Thread.sleep(1000);
        }
        assertEquals(MEETINGS * PER_MEETING, done);

        // exactly once: one commitment per grant, each reservation released once, balance = ledger
        JsonNode entries = ok(suite.get("/api/appropriations/fault-anslag/ledger?pageSize=1000")).get("items");
        long allocated = 0;
        long reserved = 0;
        long committed = 0;
        java.util.Set<String> commitmentKeys = new java.util.HashSet<>();
        int commitments = 0;
        for (JsonNode e : entries) {
            long ore = e.get("amount").get("ore").asLong();
            switch (e.get("kind").asString()) {
                case "ALLOCATION" -> allocated += ore;
                case "RESERVATION" -> reserved += ore;
                case "COMMITMENT" -> {
                    committed += ore;
                    commitments++;
                    commitmentKeys.add(e.get("idempotencyKey").asString());
                }
                case "RELEASE" -> reserved -= e.get("releases").asString().equals("RESERVATION") ? ore : 0;
                default -> throw new AssertionError("unexpected entry " + e);
            }
        }
        assertEquals(90, commitments, "one commitment per grant");
        assertEquals(90, commitmentKeys.size(), "each grant committed under its own key, once");
        assertEquals(0, reserved, "every draft reservation released exactly once");
        assertEquals(90 * GRANT_ORE, committed);
        JsonNode year = ok(suite.get("/api/appropriations/fault-anslag/balance")).get("years").get(0);
        assertEquals(allocated, year.get("appropriated").get("ore").asLong());
        assertEquals(committed, year.get("committed").get("ore").asLong());
        assertEquals(0, year.get("reserved").get("ore").asLong());
        assertEquals(allocated - committed, year.get("remaining").get("ore").asLong());
        assertEquals(90, ok(suite.get("/api/grants?appropriationId=fault-anslag&pageSize=1000")).get("items").size());
        for (int m = 0; m < MEETINGS; m++) {
            JsonNode p = ok(suite.get("/api/procurements/fp-" + m)).get("procurement");
            assertEquals("TENDER_DOCUMENTS_APPROVED", p.get("state").asString());
            assertEquals((m + 1) * PER_MEETING, p.get("tenderDocumentsDecision").get("paragraph").asInt());
        }
    }
}
