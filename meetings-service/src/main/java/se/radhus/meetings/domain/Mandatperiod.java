package se.radhus.meetings.domain;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A term of office (mandatperiod) of fullmäktige: four years from 15 October of an election year, elections being
 * held in the whole country every fourth year (2018, 2022, 2026, …; kommunallagen 5 kap. 9 §, vallagen 2005:837).
 *
 * @param startYear the election year it starts in
 */
public record Mandatperiod(int startYear) {

    private static final MonthDay START = MonthDay.of(10, 15);
    private static final int AN_ELECTION_YEAR = 2022;

    public Mandatperiod {
        if (Math.floorMod(startYear - AN_ELECTION_YEAR, 4) != 0) {
            throw new IllegalArgumentException(startYear + " is not an election year");
        }
    }

    /** The term a day falls in. */
    public static Mandatperiod of(LocalDate day) {
        int year = day.getYear() - Math.floorMod(day.getYear() - AN_ELECTION_YEAR, 4);
        if (day.isBefore(START.atYear(year))) {
            year -= 4;
        }
        return new Mandatperiod(year);
    }

    public LocalDate start() {
        return START.atYear(startYear);
    }

    /** The last day: 14 October four years on. */
    public LocalDate end() {
        return START.atYear(startYear + 4).minusDays(1);
    }

    public String name() {
        return "Mandatperioden " + startYear + "–" + (startYear + 4);
    }
}
