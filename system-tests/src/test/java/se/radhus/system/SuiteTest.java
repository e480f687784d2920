package se.radhus.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.radhus.proto.common.v1.Date;
import se.radhus.proto.common.v1.DecisionRef;
import se.radhus.proto.finance.v1.FinanceServiceGrpc;
import se.radhus.proto.finance.v1.GetBalanceRequest;
import se.radhus.proto.meetings.v1.GetDecisionRequest;
import se.radhus.proto.meetings.v1.MeetingsServiceGrpc;
import se.radhus.proto.procurement.v1.GetProcurementRequest;
import se.radhus.proto.procurement.v1.ProcurementServiceGrpc;
import se.radhus.system.Suite.Service;

/** The running suite, through the real gateway to the real services, and their gRPC contracts. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteTest extends RunningSuite {

    @Test
    @Order(1)
    void theGatewayAnswersEachServicesListsWithJson() throws Exception {
        for (String path : new String[] {"/api/bodies", "/api/appropriations", "/api/procurements", "/api/contracts"}) {
            HttpResponse<String> r = suite.get(path);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"), path);
            assertTrue(r.body().contains("\"items\":["), path + ": " + r.body());
        }
    }

    @Test
    @Order(2)
    void unknownPathsAreDeniedByDefaultAsProblemJson() throws Exception {
        // no rule names the path, so nobody is let in (deny by default): 403 to admin, 401 to the public
        HttpResponse<String> r = suite.get("/api/no-such-thing");
        assertEquals(403, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(r.body().contains("\"type\":\"urn:radhus:problem:forbidden\""), r.body());
        HttpResponse<String> anonymous = suite.send("GET", "/api/no-such-thing", null, java.util.Map.of("Authorization", ""));
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("\"type\":\"urn:radhus:problem:unauthenticated\""), anonymous.body());
        // a meeting that does not exist is still a plain 404
        HttpResponse<String> missing = suite.get("/api/meetings/no-such-meeting");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("\"type\":\"urn:radhus:problem:not-found\""), missing.body());
    }

    @Test
    @Order(3)
    void oversizedBodiesAre413ProblemJson() throws Exception {
        String huge = "{\"id\":\"x\",\"name\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}";
        HttpResponse<String> r = suite.post("/api/bodies", huge);
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("urn:radhus:problem:too-large"), r.body());
    }

    @Test
    @Order(4)
    void theRequestIdReachesTheServiceAndItsLog() throws Exception {
        HttpResponse<String> r = suite.send("POST", "/api/appropriations", """
                {"id":"suite-anslag","name":"Ett anslag för systemtestet","ownerBodyId":"ks",
                 "amounts":[{"year":2024,"amount":{"ore":147820000,"currency":"SEK"}}]}""",
                Map.of("X-Request-Id", "suite-req-0001"));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(java.util.List.of("suite-req-0001"), r.headers().allValues("X-Request-Id"));
        String log = Files.readString(suite.logOf(Service.FINANCE));
        assertTrue(log.contains("[suite-req-0001]") && log.contains("created appropriation suite-anslag"),
                "finance log lacks the request id");
        HttpResponse<String> generated = suite.get("/api/bodies");
        assertTrue(generated.headers().firstValue("X-Request-Id").orElseThrow().length() >= 16);
    }

    @Test
    @Order(5)
    void eachServiceAnswersItsGrpcContractAndHealth() throws Exception {
        for (Service s : new Service[] {Service.MEETINGS, Service.FINANCE, Service.PROCUREMENT}) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", suite.grpcPorts.get(s)).usePlaintext()
                    .intercept(suite.asService(s == Service.MEETINGS ? "finance-service" : "meetings-service")).build();
            try {
                HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance());
                assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.getStatus(), s.module);
                switch (s) {
                    case MEETINGS -> assertEquals(false, MeetingsServiceGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(5, TimeUnit.SECONDS)
                            .getDecision(GetDecisionRequest.newBuilder().setRef(DecisionRef.newBuilder().setBodyId("ks-nau")
                                    .setMeetingDate(Date.newBuilder().setYear(2024).setMonth(5).setDay(21))
                                    .setParagraph(181)).build()).getExists());
                    case FINANCE -> assertEquals(147_820_000L, FinanceServiceGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(5, TimeUnit.SECONDS)
                            .getBalance(GetBalanceRequest.newBuilder().setAppropriationId("suite-anslag").build())
                            .getYears(0).getRemaining().getOre());
                    case PROCUREMENT -> {
                        assertEquals(201, suite.post("/api/procurements", """
                                {"id":"suite-upphandling","number":"S-1","title":"Systemtestets upphandling","type":"CONTRACT","procedure":"OPEN","category":"SERVICES"}""").statusCode());
                        assertEquals("S-1", ProcurementServiceGrpc.newBlockingStub(channel)
                                .withDeadlineAfter(5, TimeUnit.SECONDS)
                                .getProcurement(GetProcurementRequest.newBuilder().setId("suite-upphandling").build())
                                .getProcurement().getNumber());
                    }
                    default -> throw new IllegalStateException();
                }
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(6)
    void aDownServiceIs503WithinTwoSecondsAndBackWithoutAGatewayRestart() throws Exception {
        suite.killHard(Service.FINANCE);
        long start = System.nanoTime();
        HttpResponse<String> down = suite.get("/api/appropriations");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(millis < 2000, "503 took " + millis + " ms");
        assertTrue(down.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(down.body().contains("\"service\":\"finance\""), down.body());
        // the others still answer
        assertEquals(200, suite.get("/api/bodies").statusCode());

        suite.start(Service.FINANCE);
        suite.awaitReady(Service.FINANCE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = suite.get("/api/appropriations").statusCode();
            if (status != 200) {
                Thread.sleep(250);
            }
        }
        assertEquals(200, status, "finance did not answer through the gateway after its restart");
    }

    @Test
    @Order(7)
    void writesThroughTheGatewaySurviveKillNineAndAnOrderlyRestart() throws Exception {
        assertEquals(201, suite.post("/api/bodies", """
                {"id":"ks","name":"Kommunstyrelsen","shortName":"KS","diariumPrefix":"KS"}""").statusCode());
        assertEquals(201, suite.post("/api/bodies", """
                {"id":"ks-nau","name":"Kommunstyrelsens näringslivs- och arbetsutskott","shortName":"NAU","parentId":"ks","diariumPrefix":"KS"}""").statusCode());
        suite.killHard(Service.MEETINGS);
        suite.start(Service.MEETINGS);
        suite.awaitReady(Service.MEETINGS);
        HttpResponse<String> after = awaitOk("/api/bodies/ks-nau");
        assertTrue(after.body().contains("arbetsutskott"), after.body());

        suite.stop(Service.MEETINGS);
        suite.start(Service.MEETINGS);
        suite.awaitReady(Service.MEETINGS);
        assertTrue(awaitOk("/api/bodies/ks").body().contains("Kommunstyrelsen"));
        // and the finance write made before finance was killed in the test before
        assertTrue(awaitOk("/api/appropriations/suite-anslag").body().contains("1 478 200 kr"));
    }

    @Test
    @Order(8)
    void theSeedLoaderLoadsAdjustsAndPostsTheSeedMeetingThroughTheGateway() throws Exception {
        Process seed = new ProcessBuilder("python3", suite.root.resolve("bin/seed").toString(), suite.gateway())
                .redirectErrorStream(true).start();
        String out = new String(seed.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(seed.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, seed.exitValue(), out);
        assertTrue(out.contains("appeal deadline 2024-06-14"), out);
        HttpResponse<String> meeting = suite.get("/api/meetings/ks-nau-2024-05-21");
        assertTrue(meeting.body().contains("\"state\":\"POSTED\""), meeting.body());
        assertTrue(out.contains("ks-nau-2024-05-21-181-1 (GRANT, § 181): DONE"), out);
        assertTrue(out.contains("ks-nau-2024-05-21-179-1 (AWARD, § 179): DONE"), out);
        assertTrue(out.contains("ks-nau-2024-05-21-180-1 (TENDER_APPROVAL, § 180): DONE"), out);
        // § 181: the NSSO grant in tillväxtanslaget's balance, from its day
        String before = suite.get("/api/appropriations/ks-tillvaxt/balance?asOf=2024-05-20").body();
        assertTrue(before.contains("1 478,2 tkr") && before.contains("3 007,4 tkr") && before.contains("9 296,2 tkr"), before);
        String after = suite.get("/api/appropriations/ks-tillvaxt/balance?asOf=2024-05-21").body();
        assertTrue(after.contains("1 458,2 tkr") && after.contains("2 907,4 tkr") && after.contains("9 196,2 tkr"), after);
        assertTrue(after.contains("\"preCommitted\":{\"ore\":8000000"), after);
        String ledger = suite.get("/api/appropriations/ks-tillvaxt/ledger").body();
        int commitments = ledger.split("\"kind\":\"COMMITMENT\"").length - 1;
        assertEquals(4, commitments, ledger);
        int moved = ledger.split("\"kind\":\"").length - 1 - (ledger.split("\"kind\":\"ALLOCATION\"").length - 1);
        assertEquals(12, moved, "the draft's 4 reservations, their 4 releases and the 4 commitments");
        assertEquals(moved, ledger.split("\"paragraph\":181,\"caseNumber\":\"KS-2024/00361\"").length - 1,
                "every entry that moved money traces to § 181, KS-2024/00361: " + ledger);
        String grant = suite.get("/api/grants/ks-nau-2024-05-21-181-1").body();
        assertTrue(grant.contains("\"conditionStatus\":\"CONDITIONAL\"") && grant.contains("\"paragraph\":181"), grant);
        // § 179 and § 180 in procurement
        String chairs = suite.get("/api/procurements/p-23310").body();
        assertTrue(chairs.contains("\"state\":\"AWARDED\"") && chairs.contains("Input Interiör AB")
                && chairs.contains("\"ore\":145238400") && chairs.contains("\"paragraph\":179"), chairs);
        String phone = suite.get("/api/procurements/p-24115").body();
        assertTrue(phone.contains("\"state\":\"TENDER_DOCUMENTS_APPROVED\"") && phone.contains("\"paragraph\":180"), phone);
        // klimatneutralitet as it stood, and the adjusted protocol readable by anyone
        String klimat = suite.get("/api/appropriations/ks-klimatneutralitet/balance?asOf=2024-05-14").body();
        assertTrue(klimat.contains("1 617,0 tkr") && klimat.contains("1 697,0 tkr") && klimat.contains("2 156,0 tkr"), klimat);
        HttpResponse<String> anonymous = suite.send("GET", "/api/meetings/ks-nau-2024-05-21", null, Map.of("Authorization", ""));
        assertEquals(200, anonymous.statusCode());
        assertTrue(anonymous.body().contains("\"number\":190"), anonymous.body());
        // the adjusted protocol is searchable, in Swedish
        String found = suite.get("/api/search?q=skyddade%20personuppgifter").body();
        assertTrue(found.contains("\"paragraph\":187"), found);
        assertEquals(found.indexOf("\"paragraph\":"), found.indexOf("\"paragraph\":187"), "§ 187 comes first: " + found);
        // the case shows its decision and what it did, gathered from finance
        String caseView = suite.get("/api/cases/KS-2024/00361").body();
        assertTrue(caseView.contains("\"state\":\"DONE\"") && caseView.contains("1 458,2 tkr") && caseView.contains("\"missing\":[]"), caseView);
        // a folder of protocols imports, through the gateway, as drafts of another body: bin/import
        assertEquals(201, suite.post("/api/bodies", "{\"id\":\"ks-nau-import\",\"name\":\"Importnämnden\",\"diariumPrefix\":\"KS\"}").statusCode());
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("radhus-import");
        java.nio.file.Files.copy(suite.root.resolve("testdata/seed/ks-nau-2024-05-21.txt"), folder.resolve("ks-nau-2024-05-21.txt"));
        java.nio.file.Files.writeString(folder.resolve("inkopslista.txt"), "Inköpslista: mjölk, bröd");
        String[] bulk = {"python3", suite.root.resolve("bin/import").toString(), "ks-nau-import", folder.toString(), suite.gateway()};
        Process importing = new ProcessBuilder(bulk).redirectErrorStream(true).start();
        String summary = new String(importing.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(importing.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, importing.exitValue(), "one file refused: " + summary);
        assertTrue(summary.contains("imported 1 protocol(s) (14 paragraphs), 0 already there, 1 refused, 0 failed, 0 warning(s)"), summary);
        assertTrue(summary.contains("refused inkopslista.txt (400): This is not a protocol"), summary);
        assertTrue(java.nio.file.Files.readString(folder.resolve("import-report.json")).contains("\"meetingId\": \"ks-nau-import-2024-05-21\""));
        Process rerun = new ProcessBuilder(bulk).redirectErrorStream(true).start();
        String rerunSummary = new String(rerun.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(rerun.waitFor(120, TimeUnit.SECONDS));
        assertTrue(rerunSummary.contains("imported 0 protocol(s) (0 paragraphs), 1 already there, 1 refused"), rerunSummary);
        String draft = suite.get("/api/meetings/ks-nau-import-2024-05-21").body();
        assertTrue(draft.contains("\"state\":\"PROTOCOL_DRAFT\"") && draft.contains("\"public\":false"), draft);
        assertTrue(draft.contains("\"clauses\":[\"bevilja North Sweden Stockholm Office 20 000 kr 2024"), draft);
        // a second run changes nothing
        Process again = new ProcessBuilder("python3", suite.root.resolve("bin/seed").toString(), suite.gateway())
                .redirectErrorStream(true).start();
        String second = new String(again.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(again.waitFor(60, TimeUnit.SECONDS));
        assertTrue(second.contains("loaded already"), second);

        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", suite.grpcPorts.get(Service.MEETINGS))
                .usePlaintext().intercept(suite.asService("procurement-service")).build();
        try {
            var decision = MeetingsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .getDecision(GetDecisionRequest.newBuilder().setRef(DecisionRef.newBuilder().setBodyId("ks-nau")
                            .setMeetingDate(Date.newBuilder().setYear(2024).setMonth(5).setDay(21)).setParagraph(181)).build());
            assertTrue(decision.getExists() && decision.getDecision().getAdjusted());
            assertEquals(361, decision.getDecision().getRef().getCaseNumber().getSequence());
            var stream = MeetingsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .watchDecisions(se.radhus.proto.meetings.v1.WatchDecisionsRequest.getDefaultInstance());
            // the seed's 14 decisions in their order, and the earlier one its procurement rests on (ks § 50)
            java.util.List<Integer> paragraphs = new java.util.ArrayList<>();
            java.util.List<String> others = new java.util.ArrayList<>();
            while (paragraphs.size() < 14 || others.isEmpty()) {
                var d = stream.next().getDecision();
                if (d.getMeetingId().equals("ks-nau-2024-05-21")) {
                    paragraphs.add(d.getRef().getParagraph());
                } else {
                    others.add(d.getMeetingId() + " § " + d.getRef().getParagraph());
                }
            }
            assertEquals(java.util.stream.IntStream.rangeClosed(177, 190).boxed().toList(), paragraphs);
            assertEquals(java.util.List.of("ks-2024-02-13 § 50"), others);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(10)
    void anAppealOnTheSeedsParagraph181HoldsOffLegalForceUntilAFinalJudgment() throws Exception {
        // kommunallagen 13 kap.: the seed was posted 2024-05-24, last day to appeal 2024-06-14
        String base = "/api/meetings/ks-nau-2024-05-21/paragraphs/181";
        HttpResponse<String> before = suite.get(base + "/legal-force");
        assertEquals(200, before.statusCode(), before.body());
        assertTrue(before.body().contains("\"state\":\"LAGA_KRAFT\"") && before.body().contains("\"appealDeadline\":\"2024-06-14\""),
                before.body());
        HttpResponse<String> appeal = suite.post(base + "/appeals",
                "{\"received\":\"2024-06-10\",\"court\":\"Förvaltningsrätten i Umeå\",\"caseNumber\":\"2411-24\"}");
        assertEquals(201, appeal.statusCode(), appeal.body());
        HttpResponse<String> pending = suite.get(base + "/legal-force");
        assertTrue(pending.body().contains("\"state\":\"OVERKLAGAD\""), pending.body());
        HttpResponse<String> judged = suite.post(base + "/appeals/1/judgments",
                "{\"court\":\"Förvaltningsrätten i Umeå\",\"date\":\"2024-10-02\",\"outcome\":\"AVSLAG\",\"isFinal\":true}");
        assertEquals(200, judged.statusCode(), judged.body());
        HttpResponse<String> after = suite.get(base + "/legal-force");
        assertTrue(after.body().contains("\"state\":\"LAGA_KRAFT\"") && after.body().contains("\"legalForceSince\":\"2024-10-02\""),
                after.body());
        // the public reads it too; only a secretary records appeals
        HttpResponse<String> anonymous = suite.send("GET", base + "/legal-force", null, java.util.Map.of("Authorization", ""));
        assertEquals(200, anonymous.statusCode(), anonymous.body());
        HttpResponse<String> refused = suite.send("POST", base + "/appeals", "{\"received\":\"2024-06-10\",\"court\":\"X\"}",
                java.util.Map.of("Authorization", "Bearer " + suite.token("suite-ekonom", "ekonom")));
        assertEquals(403, refused.statusCode(), refused.body());
    }

    @Test
    @Order(11)
    void anAnnulledParagraphMarksItsEffectsForReviewInFinanceAndProcurementAndUndoesNothing() throws Exception {
        // kommunallagen 13 kap. 8 §: § 180 (tender approval of p-24115) and § 181 (the grant) annulled by final judgments
        for (int paragraph : new int[] {180, 181}) {
            String base = "/api/meetings/ks-nau-2024-05-21/paragraphs/" + paragraph;
            HttpResponse<String> appeal = suite.post(base + "/appeals",
                    "{\"received\":\"2024-06-12\",\"court\":\"Förvaltningsrätten i Umeå\",\"caseNumber\":\"2999-24\"}");
            assertEquals(201, appeal.statusCode(), appeal.body());
            String id = appeal.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> judged = suite.post(base + "/appeals/" + id + "/judgments",
                    "{\"court\":\"Förvaltningsrätten i Umeå\",\"date\":\"2024-11-05\",\"outcome\":\"UPPHAVT\",\"isFinal\":true}");
            assertEquals(200, judged.statusCode(), judged.body());
            assertTrue(suite.get(base + "/legal-force").body().contains("\"state\":\"UPPHAVD\""));
        }
        HttpResponse<String> grant = awaitOk("/api/grants/ks-nau-2024-05-21-181-1/review");
        assertTrue(grant.body().contains("annulled") && grant.body().contains("Förvaltningsrätten i Umeå"), grant.body());
        HttpResponse<String> procurement = awaitOk("/api/procurements/p-24115/review");
        assertTrue(procurement.body().contains("§ 180"), procurement.body());
        assertTrue(suite.get("/api/meetings/ks-nau-2024-05-21/paragraphs/181/legal-force").body().contains("\"state\":\"DONE\""));
        // nothing undone: the grant still stands and the money is still committed
        HttpResponse<String> stillThere = suite.get("/api/grants/ks-nau-2024-05-21-181-1");
        assertEquals(200, stillThere.statusCode(), stillThere.body());
        assertTrue(suite.get("/api/appropriations/ks-tillvaxt/balance?asOf=2024-05-21").body().contains("\"committed\":{\"ore\":2000000"));
        assertEquals(404, suite.get("/api/procurements/p-23310/review").statusCode());
    }

    @Test
    @Order(9)
    void aDraftGrantReservesItsMoneyAndGivesItBackWhenDropped() throws Exception {
        assertEquals(201, suite.post("/api/bodies", "{\"id\":\"drop\",\"name\":\"Dropnämnden\",\"diariumPrefix\":\"DR\"}").statusCode());
        assertEquals(201, suite.post("/api/meetings", "{\"bodyId\":\"drop\",\"date\":\"2024-11-05\",\"attendance\":["
                + "{\"name\":\"Ordf\",\"role\":\"ORDFORANDE\"}],\"adjusters\":[]}").statusCode());
        String paragraph = "{\"number\":1,\"title\":\"Bidrag\",\"decisions\":[{\"kind\":\"BESLUT\",\"decidingBody\":\"D\",\"clauses\":[\"bevilja\"]}],"
                + "\"effects\":[{\"kind\":\"GRANT\",\"appropriationId\":\"suite-anslag\",\"recipients\":[{\"name\":\"F\",\"amounts\":[{\"year\":2024,\"ore\":%d}]}]}]}";
        assertEquals(201, suite.post("/api/meetings/drop-2024-11-05/paragraphs", String.format(paragraph, 5_000_00)).statusCode());
        assertTrue(suite.get("/api/appropriations/suite-anslag/balance").body().contains("\"reserved\":{\"ore\":500000,"));
        // too much for what is left: the draft is refused, nothing is saved
        HttpResponse<String> tooMuch = suite.send("PUT", "/api/meetings/drop-2024-11-05/paragraphs/1",
                String.format(paragraph, 999_999_999_00L), Map.of());
        assertEquals(409, tooMuch.statusCode(), tooMuch.body());
        assertTrue(tooMuch.body().contains("insufficient-funds"), tooMuch.body());
        // changed: the old reservation goes back, the new one is made
        assertEquals(200, suite.send("PUT", "/api/meetings/drop-2024-11-05/paragraphs/1", String.format(paragraph, 7_000_00), Map.of()).statusCode());
        assertTrue(suite.get("/api/appropriations/suite-anslag/balance").body().contains("\"reserved\":{\"ore\":700000,"));
        // dropped: the money goes back and the number is free again
        assertEquals(200, suite.send("DELETE", "/api/meetings/drop-2024-11-05/paragraphs/1", null, Map.of()).statusCode());
        assertTrue(suite.get("/api/appropriations/suite-anslag/balance").body().contains("\"reserved\":{\"ore\":0,"));
        assertTrue(suite.get("/api/meetings/drop-2024-11-05/paragraphs/next").body().contains("\"next\":1"));
    }

    HttpResponse<String> as(String subject, String role, String method, String path, String json, String... headers) throws Exception {
        Map<String, String> all = new java.util.HashMap<>();
        all.put("Authorization", subject == null ? "" : "Bearer " + suite.token(subject, role));
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        return suite.send(method, path, json, all);
    }

    static void problem(HttpResponse<String> r, int status, String type) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        assertTrue(r.body().contains("\"type\":\"urn:radhus:problem:" + type + "\""), r.body());
    }

    static String grant(String appropriation, String status, String decision, long ore) {
        return "{\"appropriationId\":\"" + appropriation + "\",\"recipients\":[{\"name\":\"Förening\",\"amounts\":[{\"year\":2024,"
                + "\"amount\":{\"ore\":" + ore + ",\"currency\":\"SEK\"}}]}],\"status\":\"" + status + "\","
                + (decision == null ? "" : "\"decision\":" + decision + ",") + "\"effectiveDate\":\"2024-06-01\"}";
    }

    @Test
    @Order(12)
    void aGrantOrAnAwardOnAFakeDraftProposedOrMissingDecisionIs409AndNothingIsStored() throws Exception {
        String balance = suite.get("/api/appropriations/ks-klimatneutralitet/balance").body();
        String ledger = suite.get("/api/appropriations/ks-klimatneutralitet/ledger?pageSize=1000").body();
        String[][] refused = {
                {null, "decision-missing"},
                {"{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2099-01-01\",\"paragraph\":9999}", "decision-unknown"},
                // the seed's § 181 with another case number is not the seed's § 181
                {"{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2024-05-21\",\"paragraph\":181,\"caseNumber\":\"KS-2024/00999\"}", "decision-unknown"},
                // the imported protocol of test 8 is a draft
                {"{\"bodyId\":\"ks-nau-import\",\"meetingDate\":\"2024-05-21\",\"paragraph\":181}", "decision-not-adjusted"},
                // § 185 only proposes (förslag till beslut): KF decides
                {"{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2024-05-21\",\"paragraph\":185}", "decision-is-proposal"}};
        int n = 0;
        for (String[] c : refused) {
            problem(as("suite-ekonom", "ekonom", "POST", "/api/grants", grant("ks-klimatneutralitet", "COMMITTED", c[0], 1_000_00),
                    "Idempotency-Key", "fake-" + n++), 409, c[1]);
            problem(as("suite-upphandlare", "upphandlare", "POST", "/api/procurements/laboratorietjanster-2024/tender-documents/approval",
                    c[0] == null ? "{}" : "{\"decision\":" + c[0] + "}"), 409, c[1]);
        }
        assertEquals(balance, suite.get("/api/appropriations/ks-klimatneutralitet/balance").body(), "no money moved");
        assertEquals(ledger, suite.get("/api/appropriations/ks-klimatneutralitet/ledger?pageSize=1000").body(), "nothing in the ledger");
        assertTrue(suite.get("/api/grants?appropriationId=ks-klimatneutralitet").body().contains("\"items\":[]"));
        assertTrue(suite.get("/api/procurements/laboratorietjanster-2024").body().contains("\"state\":\"PLANNING\""));
        // anonymous and the wrong role never get that far
        problem(as(null, null, "POST", "/api/grants", grant("ks-klimatneutralitet", "COMMITTED", null, 1), "Idempotency-Key", "fake-x"),
                401, "unauthenticated");
        problem(as("suite-upphandlare", "upphandlare", "POST", "/api/grants", grant("ks-klimatneutralitet", "COMMITTED", null, 1),
                "Idempotency-Key", "fake-x"), 403, "forbidden");
        // a client cannot take an effect's id
        HttpResponse<String> chosen = as("suite-ekonom", "ekonom", "POST", "/api/grants",
                grant("ks-klimatneutralitet", "RESERVED", null, 1).replace("{\"appropriationId\"", "{\"id\":\"ks-nau-2024-06-11-200-1\",\"appropriationId\""),
                "Idempotency-Key", "fake-id");
        problem(chosen, 400, "validation");
        assertTrue(chosen.body().contains("\"field\":\"id\""), chosen.body());
    }

    @Test
    @Order(13)
    void anIdempotencyKeyWithAnotherBodyIs409AndTwoCallersKeysDoNotMeet() throws Exception {
        String before = suite.get("/api/appropriations/suite-anslag/balance").body();
        long reserved = Long.parseLong(before.replaceAll("(?s).*\"reserved\":\\{\"ore\":(\\d+),.*", "$1"));
        HttpResponse<String> first = as("suite-anna", "ekonom", "POST", "/api/grants", grant("suite-anslag", "RESERVED", null, 100),
                "Idempotency-Key", "suite-key-1");
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> retry = as("suite-anna", "ekonom", "POST", "/api/grants", grant("suite-anslag", "RESERVED", null, 100),
                "Idempotency-Key", "suite-key-1");
        assertEquals(first.body(), retry.body(), "a retry gets the first answer");
        problem(as("suite-anna", "ekonom", "POST", "/api/grants", grant("suite-anslag", "RESERVED", null, 999),
                "Idempotency-Key", "suite-key-1"), 409, "idempotency-key-reused");
        problem(as("suite-anna", "ekonom", "POST", "/api/appropriations/suite-anslag/allocations",
                "{\"year\":2024,\"amount\":{\"ore\":1}}", "Idempotency-Key", "suite-key-1"), 409, "idempotency-key-reused");
        HttpResponse<String> other = as("suite-bertil", "ekonom", "POST", "/api/grants", grant("suite-anslag", "RESERVED", null, 999),
                "Idempotency-Key", "suite-key-1");
        assertEquals(201, other.statusCode(), other.body());
        String after = suite.get("/api/appropriations/suite-anslag/balance").body();
        assertTrue(after.contains("\"reserved\":{\"ore\":" + (reserved + 100 + 999) + ","), before + " → " + after);
    }

    @Test
    @Order(14)
    void thePublicSeesNoDraftsIdentityInTheLedgerNorItsCaseInTheDiarium() throws Exception {
        // a draft that keeps its grant: money reserved, the draft and its case known to staff only
        assertEquals(201, suite.post("/api/bodies", "{\"id\":\"hemlig\",\"name\":\"Hemliga nämnden\",\"diariumPrefix\":\"HN\"}").statusCode());
        HttpResponse<String> registered = as("suite-registrator", "registrator", "POST", "/api/cases",
                "{\"bodyId\":\"hemlig\",\"title\":\"Bidrag till föreningen\",\"registeredOn\":\"2024-11-01\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        String number = registered.body().replaceAll(".*\"number\":\"([^\"]+)\".*", "$1");
        assertEquals(201, suite.post("/api/meetings", "{\"bodyId\":\"hemlig\",\"date\":\"2024-11-12\",\"attendance\":["
                + "{\"name\":\"Ordf\",\"role\":\"ORDFORANDE\"}],\"adjusters\":[]}").statusCode());
        HttpResponse<String> drafted = suite.post("/api/meetings/hemlig-2024-11-12/paragraphs", "{\"number\":1,\"caseNumber\":\"" + number
                + "\",\"title\":\"Bidrag\",\"decisions\":[{\"kind\":\"BESLUT\",\"decidingBody\":\"H\",\"clauses\":[\"bevilja\"]}],"
                + "\"effects\":[{\"kind\":\"GRANT\",\"appropriationId\":\"suite-anslag\",\"recipients\":[{\"name\":\"Föreningen\","
                + "\"amounts\":[{\"year\":2024,\"ore\":4242}]}]}]}");
        assertEquals(201, drafted.statusCode(), drafted.body());
        for (String path : new String[] {"/api/appropriations/suite-anslag/ledger?pageSize=1000", "/api/appropriations/suite-anslag/ledger.csv"}) {
            String open = as(null, null, "GET", path, null).body();
            assertTrue(open.contains("RESERVATION") && open.contains("42,42") || open.contains("\"ore\":4242"), open);
            for (String secret : new String[] {"hemlig", "drop-2024-11-05", "\"bodyId\":\"drop\"", number, "draft-", "res-"}) {
                assertFalse(open.contains(secret), path + " shows " + secret + " to the public");
            }
            String staff = as("suite-ekonom", "ekonom", "GET", path, null).body();
            assertTrue(staff.contains("hemlig") && staff.contains(number), staff);
        }
        assertTrue(as(null, null, "GET", "/api/appropriations/suite-anslag/balance", null).body().contains("\"reserved\":{\"ore\":"));
        // the diarium: the draft's case is in no public list and no public read
        assertFalse(as(null, null, "GET", "/api/cases?pageSize=1000", null).body().contains(number));
        assertTrue(as("suite-registrator", "registrator", "GET", "/api/cases?pageSize=1000", null).body().contains(number));
        assertEquals(404, as(null, null, "GET", "/api/cases/" + number, null).statusCode());
        assertTrue(as(null, null, "GET", "/api/cases?pageSize=1000", null).body().contains("KS-2024/00361"), "adjusted cases are public");
        // a page token names nothing, and a changed one is refused
        String next = as(null, null, "GET", "/api/cases?pageSize=1", null).body().replaceAll(".*\"nextPageToken\":\"([^\"]*)\".*", "$1");
        assertFalse(new String(java.util.Base64.getUrlDecoder().decode(next), java.nio.charset.StandardCharsets.ISO_8859_1).contains("KS-"));
        String changed = next.substring(0, 3) + (next.charAt(3) == 'A' ? 'B' : 'A') + next.substring(4);
        problem(as(null, null, "GET", "/api/cases?pageToken=" + changed, null), 400, "bad-request");
        problem(as(null, null, "GET", "/api/procurements?pageToken=" + changed, null), 400, "bad-request");
        problem(as(null, null, "GET", "/api/appropriations/suite-anslag/ledger?pageToken=" + changed, null), 400, "bad-request");
    }

    private HttpResponse<String> awaitOk(String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> r = suite.get(path);
        while (r.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            r = suite.get(path);
        }
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r;
    }
}
