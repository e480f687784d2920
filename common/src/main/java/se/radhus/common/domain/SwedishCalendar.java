package se.radhus.common.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;

/**
 * Swedish public holidays (lag 1989:253 om allmänna helgdagar) and the days that lag 1930:173 treats as
 * holidays when a deadline falls on them: Saturdays, Sundays, Midsummer Eve, Christmas Eve and New
 * Year's Eve. Easter is computed (anonymous Gregorian algorithm), and the days that follow it.
 *
 * <p>One calendar for every service: the posting and appeal deadlines of meetings-service (kommunallagen)
 * and the standstill of procurement-service (LOU 20 kap.) count their days with it.
 */
public final class SwedishCalendar {

    private SwedishCalendar() {
    }

    /** Easter Sunday of a Gregorian year. */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /** Midsommardagen: the Saturday from 20 to 26 June. */
    public static LocalDate midsummerDay(int year) {
        return LocalDate.of(year, Month.JUNE, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
    }

    /** Alla helgons dag: the Saturday from 31 October to 6 November. */
    public static LocalDate allSaintsDay(int year) {
        return LocalDate.of(year, Month.OCTOBER, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
    }

    /** The public holidays of a year, by date, with their Swedish names. */
    public static Map<LocalDate, String> publicHolidays(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "Nyårsdagen");
        days.put(LocalDate.of(year, 1, 6), "Trettondedag jul");
        days.put(easter.minusDays(2), "Långfredagen");
        days.put(easter, "Påskdagen");
        days.put(easter.plusDays(1), "Annandag påsk");
        days.put(LocalDate.of(year, 5, 1), "Första maj");
        days.put(easter.plusDays(39), "Kristi himmelsfärdsdag");
        days.put(easter.plusDays(49), "Pingstdagen");
        days.put(LocalDate.of(year, 6, 6), "Sveriges nationaldag");
        days.put(midsummerDay(year), "Midsommardagen");
        days.put(allSaintsDay(year), "Alla helgons dag");
        days.put(LocalDate.of(year, 12, 25), "Juldagen");
        days.put(LocalDate.of(year, 12, 26), "Annandag jul");
        return days;
    }

    /**
     * True when a deadline may not end on this day: a Saturday, a Sunday, a public holiday, Midsummer Eve,
     * Christmas Eve or New Year's Eve (lag 1930:173 om beräkning av lagstadgad tid).
     */
    public static boolean isDeadlineHoliday(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return true;
        }
        if (day.getMonth() == Month.DECEMBER && (day.getDayOfMonth() == 24 || day.getDayOfMonth() == 31)) {
            return true;
        }
        if (day.equals(midsummerDay(day.getYear()).minusDays(1))) {
            return true;
        }
        return publicHolidays(day.getYear()).containsKey(day);
    }

    /**
     * The last day of a period of {@code days} days counted from {@code from} (the day after {@code from}
     * is the first): {@code from + days}, moved to the next day on which a deadline may end (lag 1930:173
     * 2 §: a period whose last day is a Saturday, Sunday, public holiday, Midsummer Eve, Christmas Eve or
     * New Year's Eve runs to the next weekday).
     */
    public static LocalDate lastDayOf(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a period of " + days + " days");
        }
        return nextDeadlineDay(from.plusDays(days));
    }

    /** The day itself, or the first day after it on which a deadline may end. */
    public static LocalDate nextDeadlineDay(LocalDate day) {
        LocalDate d = day;
        while (isDeadlineHoliday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
