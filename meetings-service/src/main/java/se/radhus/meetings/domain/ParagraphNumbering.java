package se.radhus.meetings.domain;

import java.util.OptionalInt;
import se.radhus.common.domain.RuleViolation;

/**
 * Paragraph numbers run on through a body's calendar year: each new § is the next number. The first §
 * of a year that the system knows may start anywhere (protocols before it may live elsewhere); after it,
 * a gap or a number used twice is refused.
 */
public final class ParagraphNumbering {

    private ParagraphNumbering() {
    }

    /** The number to offer for the next §, given the highest used this year. */
    public static int next(OptionalInt lastThisYear) {
        return lastThisYear.isPresent() ? lastThisYear.getAsInt() + 1 : 1;
    }

    /** @throws RuleViolation when {@code number} is not the next one */
    public static void check(int number, OptionalInt lastThisYear, String bodyId, int year) {
        if (lastThisYear.isEmpty()) {
            return;
        }
        int last = lastThisYear.getAsInt();
        if (number <= last) {
            throw new RuleViolation("paragraph-number-used", "§ " + number + " of " + bodyId + " " + year
                    + " is used already; the next number is § " + (last + 1) + ".");
        }
        if (number > last + 1) {
            throw new RuleViolation("paragraph-number-gap", "§ " + number + " would leave a gap after § " + last
                    + " of " + bodyId + " " + year + "; the next number is § " + (last + 1) + ".");
        }
    }
}
