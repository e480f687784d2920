package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** The anslagstavla as data: the seed protocol's notice while it is up, then in the archive. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0",
        classes = {se.radhus.meetings.MeetingsApplication.class, PublicSideApiTestBase.Today.class})
class AnslagstavlaApiTest extends PublicSideApiTestBase {

    @BeforeEach
    void seeded() throws Exception {
        seed();
    }

    static JsonNode notice(JsonNode board, String id) {
        for (JsonNode n : board.get("notices")) {
            if (n.get("id").asString().equals(id)) {
                return n;
            }
        }
        return null;
    }

    @Test
    void theSeedNoticeIsUpFromItsPostingUntilTheLastDayToAppeal() throws Exception {
        for (String day : List.of("2024-05-24", "2024-05-27", "2024-06-14")) {
            today(day);
            JsonNode board = json(expect(200, anonymous("/api/anslagstavla")));
            JsonNode n = notice(board, "protokoll-" + SEED_MEETING);
            assertThat(n).as(day).isNotNull();
            assertThat(n.get("kind").asString()).isEqualTo("PROTOCOL");
            assertThat(n.get("bodyId").asString()).isEqualTo("ks-nau");
            assertThat(n.get("bodyName").asString()).isEqualTo("Kommunstyrelsens näringslivs- och arbetsutskott");
            assertThat(n.get("meetingId").asString()).isEqualTo(SEED_MEETING);
            assertThat(n.get("meetingDate").asString()).isEqualTo("2024-05-21");
            assertThat(n.get("postedOn").asString()).isEqualTo("2024-05-24");
            // kommunallagen 13 kap. 5 §: three weeks from the posting; 8 kap. 12 §: up until the time has run out
            assertThat(n.get("lastDayToAppeal").asString()).isEqualTo("2024-06-14");
            assertThat(n.get("takenDownOn").asString()).isEqualTo("2024-06-15");
            assertThat(n.get("protocolKeptAt").asString()).isEqualTo("Kommunledningskontoret, Umeå kommun");
            assertThat(n.get("protocolUrl").asString()).isEqualTo("/api/meetings/" + SEED_MEETING + "/protocol");
            assertThat(n.get("late").asBoolean()).isFalse();
            assertThat(board.get("howToAppeal").get("text").asString()).contains("tre veckor").contains("förvaltningsrätten")
                    .contains("laglighetsprövning");
            assertThat(board.get("archive").asString()).isEqualTo("/api/anslagstavla/arkiv");
            assertThat(board.get("nextPageToken").isNull()).isTrue();
            assertThat(notice(json(expect(200, anonymous("/api/anslagstavla/arkiv"))), "protokoll-" + SEED_MEETING)).as(day).isNull();
        }
        // the protocol it links is public
        expect(200, anonymous("/api/meetings/" + SEED_MEETING + "/protocol"));
    }

    @Test
    void beforeItsPostingAndAfterTheAppealTimeTheNoticeIsNotUp() throws Exception {
        today("2024-05-23");
        assertThat(notice(json(expect(200, anonymous("/api/anslagstavla"))), "protokoll-" + SEED_MEETING)).isNull();
        today("2024-06-15");
        assertThat(notice(json(expect(200, anonymous("/api/anslagstavla"))), "protokoll-" + SEED_MEETING)).isNull();
        JsonNode archived = notice(json(expect(200, anonymous("/api/anslagstavla/arkiv"))), "protokoll-" + SEED_MEETING);
        assertThat(archived).isNotNull();
        assertThat(archived.get("lastDayToAppeal").asString()).isEqualTo("2024-06-14");
        assertThat(archived.get("takenDownOn").asString()).isEqualTo("2024-06-15");
        today("2026-12-01");
        assertThat(notice(json(expect(200, anonymous("/api/anslagstavla/arkiv"))), "protokoll-" + SEED_MEETING)).isNotNull();
    }

    @Test
    void theArchiveIsPagedWithSealedTokens() throws Exception {
        today("2026-12-01");
        List<String> ids = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            JsonNode page = json(expect(200, anonymous("/api/anslagstavla/arkiv?pageSize=1&pageToken=" + token)));
            page.get("notices").forEach(n -> ids.add(n.get("id").asString()));
            assertThat(page.get("notices").size()).isLessThanOrEqualTo(1);
            token = page.get("nextPageToken").isNull() ? null : page.get("nextPageToken").asString();
            assertThat(++pages).isLessThan(20);
        } while (token != null);
        assertThat(ids).contains("protokoll-" + SEED_MEETING).doesNotHaveDuplicates();
        HttpResponse400.check(anonymous("/api/anslagstavla/arkiv?pageToken=made-up"));
    }

    /** A made-up page token is 400 problem+json. */
    static final class HttpResponse400 {
        static void check(java.net.http.HttpResponse<String> r) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
    }
}
