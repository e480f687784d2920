package se.radhus.meetings.domain;

import se.radhus.common.domain.SwedishCalendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppealPeriodTest {

    @ParameterizedTest(name = "posted {0} -> deadline {1}")
    @CsvSource({
            // an ordinary Tuesday: three weeks later is a Tuesday
            "2024-05-28, 2024-06-18",
            // 2024-03-08 + 3 weeks = Good Friday 29 March; Easter Saturday, Easter Day, Easter Monday follow
            "2024-03-08, 2024-04-02",
            // lands on a Saturday -> Monday
            "2024-05-04, 2024-05-27",
            // lands on Sunday -> Monday
            "2024-05-05, 2024-05-27",
            // Ascension Day 2024 is Thursday 9 May
            "2024-04-18, 2024-05-10",
            // Midsummer Eve 2024 is Friday 21 June; then Midsummer Day and a Sunday
            "2024-05-31, 2024-06-24",
            // National Day, Thursday 6 June 2024
            "2024-05-16, 2024-06-07",
            // Christmas Eve (Tue), Christmas Day, Boxing Day 2024 -> Friday 27th
            "2024-12-03, 2024-12-27",
            // New Year's Eve (Tue) 2024, New Year's Day (Wed) -> Thursday 2 January 2025
            "2024-12-10, 2025-01-02",
            // Epiphany, Monday 6 January 2025
            "2024-12-16, 2025-01-07",
            // First of May 2025 is a Thursday
            "2025-04-10, 2025-05-02",
            // Easter Monday 2025 is 21 April
            "2025-03-31, 2025-04-22",
            // All Saints' Day 2024 is Saturday 2 November: 2 -> Monday 4
            "2024-10-12, 2024-11-04",
            // Whit Sunday is a Sunday anyway; Easter 2027 is 28 March: Good Friday 26 March 2027
            "2027-03-05, 2027-03-30"
    })
    void deadlinesMovePastWeekendsAndHolidays(LocalDate posted, LocalDate deadline) {
        assertThat(AppealPeriod.deadline(posted)).isEqualTo(deadline);
    }

    @Test
    void easterDatesAreRight() {
        assertThat(SwedishCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(SwedishCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(SwedishCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(SwedishCalendar.easterSunday(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
        assertThat(SwedishCalendar.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(SwedishCalendar.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
    }

    @Test
    void midsummerAndAllSaints() {
        assertThat(SwedishCalendar.midsummerDay(2024)).isEqualTo(LocalDate.of(2024, 6, 22));
        assertThat(SwedishCalendar.midsummerDay(2025)).isEqualTo(LocalDate.of(2025, 6, 21));
        assertThat(SwedishCalendar.isDeadlineHoliday(LocalDate.of(2025, 6, 20))).isTrue(); // Midsummer Eve
        assertThat(SwedishCalendar.allSaintsDay(2025)).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(SwedishCalendar.publicHolidays(2024)).hasSize(13);
    }

    @Test
    void theSeedMeetingPostedTwoDaysAfterJustering() {
        AppealPeriod p = AppealPeriod.of(LocalDate.of(2024, 5, 21), LocalDate.of(2024, 5, 23), LocalDate.of(2024, 5, 24));
        assertThat(p.deadline()).isEqualTo(LocalDate.of(2024, 6, 14));
        assertThat(p.warnings()).isEmpty();
        assertThat(p.hasLegalForce(LocalDate.of(2024, 6, 14), false)).isFalse();
        assertThat(p.hasLegalForce(LocalDate.of(2024, 6, 15), false)).isTrue();
        assertThat(p.hasLegalForce(LocalDate.of(2024, 7, 1), true)).isFalse();
        assertThat(AppealPeriod.legalForceFrom(LocalDate.of(2024, 6, 14))).isEqualTo(LocalDate.of(2024, 6, 15));
        assertThat(new Meeting.Posting(LocalDate.of(2024, 5, 24), LocalDate.of(2024, 6, 14), java.util.List.of(), false)
                .legalForceFrom()).isEqualTo(LocalDate.of(2024, 6, 15));
    }

    @Test
    void aLateJusteringIsWarnedNotRefused() {
        // kommunallagen 5 kap. 69 §: justering within 14 days; a late posting is the notice's own record (Meeting.Posting)
        AppealPeriod p = AppealPeriod.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 20), LocalDate.of(2024, 5, 24));
        assertThat(p.warnings()).singleElement().asString().contains("19 days").contains("5 kap. 69 §");
        assertThat(AppealPeriod.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 15), LocalDate.of(2024, 5, 24)).warnings()).isEmpty();
    }

    @Test
    void datesOutOfOrderAreRefused() {
        assertThatThrownBy(() -> AppealPeriod.of(LocalDate.of(2024, 5, 21), LocalDate.of(2024, 5, 20), LocalDate.of(2024, 5, 22)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the meeting");
        assertThatThrownBy(() -> AppealPeriod.of(LocalDate.of(2024, 5, 21), LocalDate.of(2024, 5, 23), LocalDate.of(2024, 5, 22)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the justering");
    }

    @Property
    void aDeadlineIsAlwaysAnOrdinaryWeekdayAtLeastThreeWeeksOn(@ForAll @IntRange(min = 0, max = 365 * 200) int offset) {
        LocalDate posted = LocalDate.of(1950, 1, 1).plusDays(offset);
        LocalDate deadline = AppealPeriod.deadline(posted);
        assertThat(deadline).isAfterOrEqualTo(posted.plusWeeks(3));
        assertThat(deadline.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(SwedishCalendar.isDeadlineHoliday(deadline)).isFalse();
        // never more than a long Easter or Christmas away
        assertThat(deadline).isBeforeOrEqualTo(posted.plusWeeks(3).plusDays(5));
        for (LocalDate d = posted.plusWeeks(3); d.isBefore(deadline); d = d.plusDays(1)) {
            assertThat(SwedishCalendar.isDeadlineHoliday(d)).isTrue();
        }
    }
}
