package se.radhus.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one Swedish calendar: public holidays (lag 1989:253) and deadlines (lag 1930:173). */
class SwedishCalendarTest {

    @Test
    void theHolidaysOfAYearAreTheLawsThirteen() {
        // lag (1989:253) om allmänna helgdagar 1 §: 2025
        var days = SwedishCalendar.publicHolidays(2025);
        assertEquals(13, days.size());
        assertEquals("Långfredagen", days.get(LocalDate.of(2025, 4, 18)));
        assertEquals("Annandag påsk", days.get(LocalDate.of(2025, 4, 21)));
        assertEquals("Kristi himmelsfärdsdag", days.get(LocalDate.of(2025, 5, 29)));
        assertEquals("Pingstdagen", days.get(LocalDate.of(2025, 6, 8)));
        assertEquals("Midsommardagen", days.get(LocalDate.of(2025, 6, 21)));
        assertEquals("Alla helgons dag", days.get(LocalDate.of(2025, 11, 1)));
        assertEquals("Sveriges nationaldag", days.get(LocalDate.of(2025, 6, 6)));
    }

    @ParameterizedTest(name = "{0} is a day a deadline may not end on: {1}")
    @CsvSource({
            // lag (1930:173) 2 §: Saturday, Sunday, public holiday, midsommarafton, julafton, nyårsafton
            "2024-06-01, true", "2024-06-02, true", "2024-06-03, false", "2024-06-06, true",
            "2024-06-21, true", "2024-12-24, true", "2024-12-31, true", "2025-01-06, true",
            "2024-05-09, true", "2024-05-10, false", "2024-03-29, true", "2024-04-01, true", "2024-04-02, false",
            "2026-06-19, true", "2026-06-18, false"})
    void deadlineHolidays(LocalDate day, boolean holiday) {
        assertEquals(holiday, SwedishCalendar.isDeadlineHoliday(day));
    }

    @ParameterizedTest(name = "{1} days from {0} end on {2}")
    @CsvSource({
            // LOU 20 kap. 1 § with lag (1930:173) 2 §: 10 days from Thu 2024-05-23 is Sun 06-02, so Mon 06-03
            "2024-05-23, 10, 2024-06-03",
            // 10 days from Thu 2024-08-22 is Sun 09-01, so Mon 09-02
            "2024-08-22, 10, 2024-09-02",
            // 15 days (sent otherwise) from Wed 2024-05-22 is Thu 06-06, the national day: Fri 06-07
            "2024-05-22, 15, 2024-06-07",
            // 10 days from 2024-12-14 is Tue 12-24, julafton; 25th and 26th are holidays: Fri 12-27
            "2024-12-14, 10, 2024-12-27",
            // 10 days from 2025-12-21 is nyårsafton; then nyårsdagen: Fri 2026-01-02
            "2025-12-21, 10, 2026-01-02",
            // 10 days from 2026-06-09 is midsommarafton Fri 06-19, then the weekend: Mon 06-22
            "2026-06-09, 10, 2026-06-22",
            // a weekday is kept
            "2024-05-20, 10, 2024-05-30"})
    void periodsEndOnTheNextWeekday(LocalDate from, int days, LocalDate last) {
        assertEquals(last, SwedishCalendar.lastDayOf(from, days));
    }

    @Test
    void aNegativePeriodIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> SwedishCalendar.lastDayOf(LocalDate.of(2024, 1, 1), -1));
    }

    @Property
    void theLastDayIsTheFirstDayADeadlineMayEndOnFromTheNominalDay(@ForAll @IntRange(min = 0, max = 40_000) int offset,
                                                                     @ForAll @IntRange(min = 0, max = 30) int days) {
        LocalDate from = LocalDate.of(2000, 1, 1).plusDays(offset);
        LocalDate last = SwedishCalendar.lastDayOf(from, days);
        assertFalse(last.isBefore(from.plusDays(days)));
        assertFalse(SwedishCalendar.isDeadlineHoliday(last));
        assertTrue(last.getDayOfWeek() != DayOfWeek.SATURDAY && last.getDayOfWeek() != DayOfWeek.SUNDAY);
        for (LocalDate d = from.plusDays(days); d.isBefore(last); d = d.plusDays(1)) {
            assertTrue(SwedishCalendar.isDeadlineHoliday(d), d + " lies between and is no holiday");
        }
        // never more than the longest run of holidays: a Christmas with a weekend
        assertTrue(!last.isAfter(from.plusDays(days + 5)), last.toString());
    }
}
