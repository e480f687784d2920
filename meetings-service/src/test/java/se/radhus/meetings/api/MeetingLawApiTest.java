package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The meeting's law through the API, scenario by scenario (kommunallagen 2017:725), on a clock fixed at
 * 2024-06-01 so that "today" and "in the future" do not move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.grpc.server.port=0", "radhus.today=2024-06-01"})
class MeetingLawApiTest extends ApiTestBase {


    HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(method, path, "application/json", json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "admin");
    }

    HttpResponse<String> ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return r;
    }

    static final String FIVE = "[{\"name\":\"Ordf\",\"role\":\"ORDFORANDE\"},{\"name\":\"A\",\"role\":\"LEDAMOT\"},"
            + "{\"name\":\"B\",\"role\":\"LEDAMOT\"},{\"name\":\"C\",\"role\":\"LEDAMOT\"},{\"name\":\"D\",\"role\":\"LEDAMOT\"}]";

    /** A body of {@code seats} and a meeting of it on {@code date} with {@code attendance}. */
    String meeting(String body, int seats, String date, String attendance) throws Exception {
        HttpResponse<String> b = send("POST", "/api/bodies", "{\"id\":\"" + body + "\",\"name\":\"Nämnd " + body + "\",\"seats\":" + seats + "}");
        assertThat(b.statusCode()).as(b.body()).isIn(201, 409);
        ok(send("POST", "/api/meetings", "{\"bodyId\":\"" + body + "\",\"date\":\"" + date + "\",\"attendance\":" + attendance
                + ",\"adjusters\":[\"A\"]}"));
        return body + "-" + date;
    }

    static String para(int n, String extra) {
        return "{\"number\":" + n + ",\"title\":\"Ärende " + n + "\",\"decisions\":[{\"kind\":\"BESLUT\",\"decidingBody\":\"Nämnden\","
                + "\"clauses\":[\"bifalla förslaget\"]}]" + extra + "}";
    }

    static String vote(String ballots, String more) {
        return ",\"votes\":[{\"ja\":\"bifall\",\"nej\":\"avslag\",\"ballots\":[" + ballots + "]" + more + "}]";
    }

    static String ballot(String who, String choice) {
        return "{\"member\":\"" + who + "\",\"choice\":\"" + choice + "\"}";
    }

    @Test
    void twoOfSixMembersCannotDecide() throws Exception {
        String id = meeting("q6", 6, "2024-05-21", "[{\"name\":\"Ordf\",\"role\":\"ORDFORANDE\"},{\"name\":\"A\",\"role\":\"LEDAMOT\"}]");
        HttpResponse<String> r = send("POST", "/api/meetings/" + id + "/paragraphs", para(1, ""));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("quorum").contains("6 seats").contains("2 present and serving");
        assertThat(send("GET", "/api/meetings/" + id, null).body()).contains("\"paragraphs\":[]");
        String none = meeting("q6", 6, "2024-05-22", "[]");
        HttpResponse<String> empty = send("POST", "/api/meetings/" + none + "/paragraphs", para(1, ""));
        assertThat(empty.statusCode()).isEqualTo(409);
        assertThat(empty.body()).contains("quorum").contains("0 present and serving");
    }

    @Test
    void tiesAreSettledByTheChairOrRefusedAndTheResultIsStated() throws Exception {
        String id = meeting("tie", 5, "2024-05-21", FIVE);
        String abstains = vote(ballot("Ordf", "AVSTAR") + "," + ballot("A", "JA") + "," + ballot("B", "JA") + "," + ballot("C", "NEJ")
                + "," + ballot("D", "NEJ"), "");
        HttpResponse<String> r = send("POST", "/api/meetings/" + id + "/paragraphs", para(1, abstains));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("vote-tie").contains("utslagsröst");
        String chairNej = ballot("Ordf", "NEJ") + "," + ballot("A", "JA") + "," + ballot("B", "JA") + "," + ballot("C", "NEJ") + ","
                + ballot("D", "AVSTAR");
        HttpResponse<String> mismatch = send("POST", "/api/meetings/" + id + "/paragraphs", para(1, vote(chairNej, ",\"decided\":\"JA\"")));
        assertThat(mismatch.statusCode()).isEqualTo(409);
        assertThat(mismatch.body()).contains("vote-result").contains("The count gives NEJ");
        HttpResponse<String> decided = ok(send("POST", "/api/meetings/" + id + "/paragraphs", para(1, vote(chairNej, ""))));
        assertThat(decided.body()).contains("Med 2 ja-röster mot 2 nej-röster, 1 avstår, och ordförandens utslagsröst, beslutar nämnden enligt avslag.")
                .contains("\"decided\":\"NEJ\"");
        assertThat(send("GET", "/api/meetings/" + id + "/paragraphs/1/extract", null).body()).contains("Med 2 ja-röster mot 2 nej-röster");
    }

    @Test
    void aSubstituteBesideTheirMemberAndAnAbsentReservationAreRefused() throws Exception {
        String att = "[{\"name\":\"Ordf\",\"role\":\"ORDFORANDE\"},{\"name\":\"A\",\"role\":\"LEDAMOT\"},{\"name\":\"B\",\"role\":\"LEDAMOT\"},"
                + "{\"name\":\"C\",\"role\":\"LEDAMOT\"},{\"name\":\"E\",\"role\":\"TJANSTGORANDE_ERSATTARE\",\"servingFor\":\"A\"}]";
        String id = meeting("sub", 4, "2024-05-21", att);
        String five = ballot("Ordf", "JA") + "," + ballot("A", "JA") + "," + ballot("B", "JA") + "," + ballot("C", "NEJ") + "," + ballot("E", "NEJ");
        HttpResponse<String> r = send("POST", "/api/meetings/" + id + "/paragraphs", para(1, vote(five, "")));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("E is listed as serving for A");
        String id2 = meeting("res", 5, "2024-05-21", FIVE);
        HttpResponse<String> absent = send("POST", "/api/meetings/" + id2 + "/paragraphs",
                para(1, ",\"reservations\":[{\"by\":\"Frånvarande Person\",\"party\":\"V\"}]"));
        assertThat(absent.statusCode()).isEqualTo(409);
        assertThat(absent.body()).contains("reservation-not-serving");
        HttpResponse<String> jav = send("POST", "/api/meetings/" + id2 + "/paragraphs",
                para(1, ",\"recusals\":[\"B\"],\"reservations\":[{\"by\":\"B\",\"party\":\"S\"}]"));
        assertThat(jav.statusCode()).isEqualTo(409);
        assertThat(jav.body()).contains("reservation-jav");
    }

    @Test
    void justeringPostingAndAppealsFollowTheLaw() throws Exception {
        String id = meeting("jp", 5, "2024-05-21", FIVE);
        ok(send("POST", "/api/meetings/" + id + "/paragraphs", para(1, "")));
        HttpResponse<String> future = send("POST", "/api/meetings/" + id + "/justering", "{\"date\":\"2031-01-01\",\"signedBy\":[\"Ordf\",\"A\"]}");
        assertThat(future.statusCode()).isEqualTo(409);
        assertThat(future.body()).contains("justering-future");
        HttpResponse<String> stranger = send("POST", "/api/meetings/" + id + "/justering",
                "{\"date\":\"2024-05-23\",\"signedBy\":[\"Ordf\",\"A\",\"Gäst Utan Plats\"]}");
        assertThat(stranger.statusCode()).isEqualTo(409);
        assertThat(stranger.body()).contains("did not attend");
        ok(send("POST", "/api/meetings/" + id + "/justering", "{\"date\":\"2024-05-23\",\"signedBy\":[\"Ordf\",\"A\"]}"));
        // Thu 2024-05-23 justering: due Sat 05-25, which moves to Mon 05-27 (8 kap. 12 §, lag 1930:173)
        HttpResponse<String> late = send("POST", "/api/meetings/" + id + "/anslag", "{\"postedOn\":\"2024-05-28\"}");
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("lateReason").contains("2024-05-27");
        HttpResponse<String> posted = ok(send("POST", "/api/meetings/" + id + "/anslag",
                "{\"postedOn\":\"2024-05-27\",\"keptAt\":\"Kommunkansliet, Stadshuset\"}"));
        assertThat(posted.body()).contains("\"late\":false").contains("\"due\":\"2024-05-27\"").contains("\"appealDeadline\":\"2024-06-17\"")
                .contains("\"keptAt\":\"Kommunkansliet, Stadshuset\"");
        assertThat(send("GET", "/api/meetings/" + id + "/paragraphs/1/legal-force", null).body()).contains("\"state\":\"OVERKLAGBAR\"");
        HttpResponse<String> appeal = ok(send("POST", "/api/meetings/" + id + "/paragraphs/1/appeals",
                "{\"received\":\"2024-05-30\",\"court\":\"Förvaltningsrätten i Umeå\",\"caseNumber\":\"1234-24\"}"));
        assertThat(appeal.statusCode()).isEqualTo(201);
        assertThat(send("GET", "/api/meetings/" + id + "/paragraphs/1/legal-force", null).body()).contains("\"state\":\"OVERKLAGAD\"");
        HttpResponse<String> futureJudgment = send("POST", "/api/meetings/" + id + "/paragraphs/1/appeals/1/judgments",
                "{\"court\":\"Förvaltningsrätten i Umeå\",\"date\":\"2024-09-01\",\"outcome\":\"AVSLAG\",\"isFinal\":true}");
        assertThat(futureJudgment.statusCode()).isEqualTo(409);
        ok(send("POST", "/api/meetings/" + id + "/paragraphs/1/appeals/1/judgments",
                "{\"court\":\"Förvaltningsrätten i Umeå\",\"date\":\"2024-05-31\",\"outcome\":\"AVSLAG\",\"isFinal\":true}"));
        // the deadline (2024-06-17) has not passed on 2024-06-01: appealable still, the appeal settled
        assertThat(send("GET", "/api/meetings/" + id + "/legal-force", null).body()).contains("\"state\":\"OVERKLAGBAR\"");
        HttpResponse<String> none = send("POST", "/api/meetings/" + id + "/paragraphs/9/appeals", "{\"received\":\"2024-05-30\",\"court\":\"FR\"}");
        assertThat(none.statusCode()).isEqualTo(404);
    }

    @Test
    void numbersFollowTheDatesAndAttendanceChangesWhileADraft() throws Exception {
        String later = meeting("nr", 5, "2024-05-22", FIVE);
        ok(send("POST", "/api/meetings/" + later + "/paragraphs", para(1, "")));
        HttpResponse<String> earlier = send("POST", "/api/meetings", "{\"bodyId\":\"nr\",\"date\":\"2024-05-20\",\"attendance\":" + FIVE + "}");
        assertThat(earlier.statusCode()).isEqualTo(409);
        assertThat(earlier.body()).contains("numbering-by-date").contains(later);
        // a member leaves after § 1 and a substitute serves for them from § 2
        String att = FIVE.replace("{\"name\":\"D\",\"role\":\"LEDAMOT\"}",
                "{\"name\":\"D\",\"role\":\"LEDAMOT\",\"paragraphs\":{\"from\":1,\"to\":1}},"
                        + "{\"name\":\"E\",\"role\":\"TJANSTGORANDE_ERSATTARE\",\"servingFor\":\"D\",\"paragraphs\":{\"from\":2,\"to\":9999}}");
        HttpResponse<String> changed = send("PUT", "/api/meetings/" + later + "/attendance", "{\"attendance\":" + att + ",\"adjusters\":[\"A\"]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"servingFor\":\"D\"");
        String withE = ballot("Ordf", "JA") + "," + ballot("A", "JA") + "," + ballot("B", "JA") + "," + ballot("C", "NEJ") + "," + ballot("E", "NEJ");
        ok(send("POST", "/api/meetings/" + later + "/paragraphs", para(2, vote(withE, ""))));
        // an attendance that would leave § 1 without quorum is refused
        HttpResponse<String> thin = send("PUT", "/api/meetings/" + later + "/attendance",
                "{\"attendance\":[{\"name\":\"Ordf\",\"role\":\"ORDFORANDE\"},{\"name\":\"A\",\"role\":\"LEDAMOT\"}],\"adjusters\":[\"A\"]}");
        assertThat(thin.statusCode()).isEqualTo(409);
        assertThat(thin.body()).contains("quorum");
    }
}
