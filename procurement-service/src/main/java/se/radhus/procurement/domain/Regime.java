package se.radhus.procurement.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.radhus.common.money.Money;

/**
 * Which rules of LOU apply to a procurement, decided by its estimated value at its start (LOU 5 kap. 4 §:
 * when the notice is sent, or when the procedure begins), and whether its procedure fits.
 *
 * @param regime   DIRECT_AWARD_ALLOWED (below the direct award limit), NATIONAL (below the EU threshold,
 *                 LOU 19 kap.) or EU (at or above it); UNKNOWN only when there is no estimated value
 * @param threshold the threshold the value stays below (the direct award limit or the EU threshold), or the EU
 *                 threshold it reaches
 * @param warnings procedures that do not fit the value, in words
 * @param on       the day whose thresholds decided it
 * @param sources  where the thresholds used were read
 */
public record Regime(Kind regime, Money threshold, List<String> warnings, LocalDate on, List<String> sources) {

    /** The regime. */
    public enum Kind { DIRECT_AWARD_ALLOWED, NATIONAL, EU, UNKNOWN }

    /**
     * @throws Threshold.Missing when the table has no row for the day: an unknown period is an error naming the
     *                           missing row, never a silent UNKNOWN
     */
    public static Regime of(Money value, Procedure procedure, Category category, LocalDate on, List<Threshold> table) {
        List<String> warnings = new ArrayList<>();
        if (value == null) {
            return new Regime(Kind.UNKNOWN, null, List.of("No estimated value: the regime cannot be told."), on, List.of());
        }
        Threshold.Kind euKind = category == Category.WORKS ? Threshold.Kind.EU_WORKS : Threshold.Kind.EU_GOODS_SERVICES;
        Threshold direct = Threshold.require(table, Threshold.Kind.DIRECT_AWARD_LIMIT, on);
        Threshold eu = Threshold.require(table, euKind, on);
        Kind kind;
        Money threshold;
        if (value.compareTo(direct.amount()) < 0) {
            kind = Kind.DIRECT_AWARD_ALLOWED;
            threshold = direct.amount();
        } else if (value.compareTo(eu.amount()) < 0) {
            kind = Kind.NATIONAL;
            threshold = eu.amount();
        } else {
            kind = Kind.EU;
            threshold = eu.amount();
        }
        if (procedure == Procedure.DIRECT_AWARD && kind != Kind.DIRECT_AWARD_ALLOWED) {
            warnings.add("A direct award needs a value below " + direct.amount().display() + "; this is "
                    + value.display() + ".");
        }
        if (procedure == Procedure.SIMPLIFIED && kind == Kind.EU) {
            warnings.add("The simplified procedure is for values below the EU threshold (" + eu.amount().display()
                    + "); this is " + value.display() + ".");
        }
        List<String> sources = new ArrayList<>();
        for (Threshold t : List.of(direct, eu)) {
            if (t.source() != null && !sources.contains(t.source())) {
                sources.add(t.source());
            }
        }
        return new Regime(kind, threshold, warnings, on, sources);
    }
}
