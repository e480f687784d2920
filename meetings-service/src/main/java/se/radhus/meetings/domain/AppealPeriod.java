package se.radhus.meetings.domain;

import se.radhus.common.domain.SwedishCalendar;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The appeal period (laglighetsprövning, kommunallagen 13 kap. 5 §): an appeal must arrive within three
 * weeks of the day the justering was posted on the notice board (anslagstavlan). A deadline that ends on
 * a Saturday, Sunday, public holiday, Midsummer Eve, Christmas Eve or New Year's Eve moves to the next
 * weekday (lag 1930:173).
 *
 * @param meetingDate  the day of the meeting
 * @param adjustedOn   the day of the justering
 * @param postedOn     the day the notice was posted
 * @param deadline     the last day to appeal
 * @param warnings     a late justering, in words (more than 14 days after the meeting); a late posting is
 *                     the notice's own record (Meeting.Posting)
 */
public record AppealPeriod(LocalDate meetingDate, LocalDate adjustedOn, LocalDate postedOn, LocalDate deadline,
                           List<String> warnings) {

    public static final int JUSTERING_PRACTICE_DAYS = 14;

    public AppealPeriod {
        warnings = List.copyOf(warnings);
    }

    /** The last day of the three weeks from posting, moved past holidays. */
    public static LocalDate deadline(LocalDate postedOn) {
        return SwedishCalendar.nextDeadlineDay(postedOn.plusWeeks(3));
    }

    /**
     * @throws IllegalArgumentException when the dates are out of order (posting before justering, or
     *                                  justering before the meeting)
     */
    public static AppealPeriod of(LocalDate meetingDate, LocalDate adjustedOn, LocalDate postedOn) {
        if (adjustedOn.isBefore(meetingDate)) {
            throw new IllegalArgumentException("the justering (" + adjustedOn + ") cannot be before the meeting (" + meetingDate + ")");
        }
        if (postedOn.isBefore(adjustedOn)) {
            throw new IllegalArgumentException("the notice (" + postedOn + ") cannot be posted before the justering (" + adjustedOn + ")");
        }
        List<String> warnings = new ArrayList<>();
        long toJustering = ChronoUnit.DAYS.between(meetingDate, adjustedOn);
        if (toJustering > JUSTERING_PRACTICE_DAYS) {
            warnings.add("The protocol was adjusted " + toJustering + " days after the meeting, later than the "
                    + JUSTERING_PRACTICE_DAYS + " days of kommunallagen 5 kap. 69 §.");
        }
        return new AppealPeriod(meetingDate, adjustedOn, postedOn, deadline(postedOn), warnings);
    }

    /**
     * Laga kraft: the decision can no longer be appealed once the deadline has passed with no appeal
     * recorded.
     */
    public boolean hasLegalForce(LocalDate today, boolean appealRecorded) {
        return !appealRecorded && !today.isBefore(legalForceFrom(deadline));
    }

    /** The first day a decision unappealed by {@code deadline} has legal force: the day after it. */
    public static LocalDate legalForceFrom(LocalDate deadline) {
        return deadline.plusDays(1);
    }
}
