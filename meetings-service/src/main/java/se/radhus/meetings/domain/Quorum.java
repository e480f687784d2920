package se.radhus.meetings.domain;

import se.radhus.common.domain.RuleViolation;

/**
 * Beslutförhet: a body may deal with matters only when more than half of its members (ledamöter) are
 * present and serving (kommunallagen 5 kap. 46 § for fullmäktige, 6 kap. 27 § for nämnder). Members who
 * abstain still count as present; members with jäv do not serve and do not count.
 */
public final class Quorum {

    private Quorum() {
    }

    /** Whether {@code serving} of {@code seats} is a quorum: strictly more than half. */
    public static boolean met(int seats, int serving) {
        if (seats < 1) {
            throw new IllegalArgumentException("a body has at least one seat");
        }
        return 2L * serving > seats;
    }

    /** The fewest serving members that make a quorum. */
    public static int needed(int seats) {
        return seats / 2 + 1;
    }

    /** @throws RuleViolation naming the count when § {@code paragraph} lacks a quorum */
    public static void require(String body, int seats, ParagraphPresence at) {
        if (!met(seats, at.serving().size())) {
            throw new RuleViolation("quorum", body + " has " + seats + " seats; " + at.serving().size()
                    + " present and serving at § " + at.paragraph() + " is not more than half (" + needed(seats)
                    + " needed), so it cannot decide (kommunallagen 5 kap. 46 §, 6 kap. 27 §).");
        }
    }
}
