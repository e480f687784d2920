package se.radhus.procurement.domain;

import java.time.LocalDate;
import se.radhus.common.domain.RuleViolation;

/** The rules of framework agreements (ramavtal, LOU 7 kap.). */
public final class Frameworks {

    private Frameworks() {
    }

    /** Whether the period from {@code start} to {@code latestEnd} (both included) is more than four years. */
    public static boolean overFourYears(LocalDate start, LocalDate latestEnd) {
        return start != null && latestEnd != null && latestEnd.isAfter(start.plusYears(4).minusDays(1));
    }

    /**
     * LOU 7 kap. 2 §: a framework agreement may run at most four years, every extension included, unless
     * there are special reasons (särskilda skäl); they must be recorded.
     */
    public static void checkDuration(Procurement.Type type, LocalDate start, LocalDate latestEnd, String specialReasons) {
        if (type == Procurement.Type.FRAMEWORK_AGREEMENT && overFourYears(start, latestEnd)
                && (specialReasons == null || specialReasons.isBlank())) {
            throw new RuleViolation("framework-over-four-years", "A framework agreement runs at most four years with all its"
                    + " extensions (LOU 7 kap. 2 §); " + start + " to " + latestEnd + " is longer. Record the special reasons"
                    + " (frameworkSpecialReasons) or shorten it.");
        }
    }

    /**
     * A call-off (LOU 7 kap. 5–7 §§) is placed while its contract runs (from its signing to its current
     * end), not on a day to come; after a renewed competition, only once its standstill has ended (LOU 20
     * kap. 1 §). Without a renewed competition there is no standstill (LOU 20 kap. 2 §).
     */
    public static void checkCallOff(CallOff c, Contract contract, LocalDate today) {
        if (c.calledOn().isAfter(today)) {
            throw new RuleViolation("call-off-in-future", "A call-off is recorded when it is placed; " + c.calledOn()
                    + " is after today, " + today + ".");
        }
        LocalDate from = contract.signedOn() != null ? contract.signedOn() : contract.start();
        if (from != null && c.calledOn().isBefore(from) || contract.start() != null && c.calledOn().isBefore(contract.start())) {
            throw new RuleViolation("call-off-outside-period", "Contract " + contract.id() + " runs from "
                    + (contract.start() != null ? contract.start() : from) + "; a call-off on " + c.calledOn() + " comes before it.");
        }
        if (contract.currentEnd() != null && c.calledOn().isAfter(contract.currentEnd())) {
            throw new RuleViolation("call-off-outside-period", "Contract " + contract.id() + " ended on " + contract.currentEnd()
                    + "; a call-off on " + c.calledOn() + " comes after it.");
        }
        if (c.renewedCompetition() && !c.calledOn().isAfter(c.standstillEnd())) {
            throw new RuleViolation("standstill", "After a renewed competition the standstill (avtalsspärr) runs to " + c.standstillEnd()
                    + "; the call-off may be placed from " + c.standstillEnd().plusDays(1) + ".");
        }
    }
}
