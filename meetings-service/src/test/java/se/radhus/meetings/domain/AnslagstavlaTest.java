package se.radhus.meetings.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The anslagstavla's notices (kommunallagen 8 kap. 12 §, 13 kap. 5 §; 5 kap.: fullmäktige's meetings), from the records they rest on. */
class AnslagstavlaTest {

    static Meeting posted(String postedOn, String keptAt) {
        Meeting m = new Meeting("ks-nau-2024-05-21", "ks-nau", LocalDate.parse("2024-05-21"), null, null, null, MeetingState.ADJUSTED,
                List.of(), List.of(), List.of(), new Meeting.Justering(LocalDate.parse("2024-05-23"), List.of("A")), null);
        return m.post(LocalDate.parse(postedOn), "omständigheter", keptAt, true);
    }

    @Test
    void theSeedNoticeIsUpThreeWeeksFromItsPostingAndComesDownTheDayAfter() {
        Anslagstavla.Notice n = Anslagstavla.protocolNotice(posted("2024-05-24", null), "NAU", "Kommunhuset").orElseThrow();
        assertThat(n.lastDayToAppeal()).isEqualTo(LocalDate.parse("2024-06-14"));
        assertThat(n.takenDownOn()).isEqualTo(LocalDate.parse("2024-06-15"));
        assertThat(n.protocolKeptAt()).isEqualTo("Kommunhuset");
        assertThat(n.isUpOn(LocalDate.parse("2024-05-23"))).isFalse();
        assertThat(n.isUpOn(LocalDate.parse("2024-05-24"))).isTrue();
        assertThat(n.isUpOn(LocalDate.parse("2024-06-14"))).isTrue();
        assertThat(n.isUpOn(LocalDate.parse("2024-06-15"))).isFalse();
        assertThat(n.isDownOn(LocalDate.parse("2024-06-15"))).isTrue();
        assertThat(n.late()).isFalse();
    }

    @Test
    void aLastDayOnAHolidayMovesAndTheNoticeStaysUpUntilThen() {
        // posted Fri 2024-05-31: three weeks is Fri 06-21, midsommarafton; the deadline is Mon 06-24 (lag 1930:173)
        Anslagstavla.Notice n = Anslagstavla.protocolNotice(posted("2024-05-31", "Stadshuset"), "NAU", null).orElseThrow();
        assertThat(n.lastDayToAppeal()).isEqualTo(LocalDate.parse("2024-06-24"));
        assertThat(n.isUpOn(LocalDate.parse("2024-06-24"))).isTrue();
        assertThat(n.takenDownOn()).isEqualTo(LocalDate.parse("2024-06-25"));
        assertThat(n.protocolKeptAt()).isEqualTo("Stadshuset");
        assertThat(n.late()).isTrue();
    }

    @Test
    void anUnpostedProtocolHasNoNotice() {
        Meeting m = new Meeting("x", "ks", LocalDate.parse("2024-05-21"), null, null, null, MeetingState.ADJUSTED, List.of(), List.of(),
                List.of(), null, null);
        assertThat(Anslagstavla.protocolNotice(m, "KS", null)).isEmpty();
    }

    @Test
    void fullmaktigesNoticeIsUpFromTheKallelseUntilTheMeeting() {
        Meeting m = Meeting.plan("kf", LocalDate.parse("2024-06-10"), "18.00", null, "Sessionssalen", List.of(), List.of());
        Agenda a = AgendaTest.agenda();
        assertThat(Anslagstavla.meetingNotice(m, a, "KF")).isEmpty();
        Agenda published = a.publish(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-01"), 7, null);
        Anslagstavla.Notice n = Anslagstavla.meetingNotice(m, published, "KF").orElseThrow();
        assertThat(n.startsAt()).isEqualTo("2024-06-10T18:00");
        assertThat(n.place()).isEqualTo("Sessionssalen");
        assertThat(n.cases()).extracting(Anslagstavla.NoticeCase::diarienummer).containsExactly("KS-2024/00449", null);
        assertThat(n.isUpOn(LocalDate.parse("2024-06-10"))).isTrue();
        assertThat(n.isUpOn(LocalDate.parse("2024-06-11"))).isFalse();
        assertThat(n.late()).isFalse();
    }
}
