package se.radhus.procurement.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.radhus.common.money.Money;

/**
 * Which rules of LOU apply to a procurement by its value, and whether its procedure fits.
 *
 * @param regime   DIRECT_AWARD_ALLOWED (below the direct award limit), NATIONAL (below the EU threshold,
 *                 LOU 19 kap.) or EU (at or above it)
 * @param warnings procedures that do not fit the value, in words
 */
public record Regime(Kind regime, Money threshold, List<String> warnings) {

    /** The regime. */
    public enum Kind { DIRECT_AWARD_ALLOWED, NATIONAL, EU, UNKNOWN }

    public static Regime of(Money value, Procedure procedure, Category category, LocalDate on, List<Threshold> table) {
        List<String> warnings = new ArrayList<>();
        if (value == null) {
            return new Regime(Kind.UNKNOWN, null, List.of("No estimated value: the regime cannot be told."));
        }
        Threshold.Kind euKind = category == Category.WORKS ? Threshold.Kind.EU_WORKS : Threshold.Kind.EU_GOODS_SERVICES;
        var direct = Threshold.find(table, Threshold.Kind.DIRECT_AWARD_LIMIT, on);
        var eu = Threshold.find(table, euKind, on);
        if (direct.isEmpty() || eu.isEmpty()) {
            return new Regime(Kind.UNKNOWN, null, List.of("No LOU threshold is recorded for " + on + "."));
        }
        Kind kind;
        Money threshold;
        if (value.compareTo(direct.get().amount()) < 0) {
            kind = Kind.DIRECT_AWARD_ALLOWED;
            threshold = direct.get().amount();
        } else if (value.compareTo(eu.get().amount()) < 0) {
            kind = Kind.NATIONAL;
            threshold = eu.get().amount();
        } else {
            kind = Kind.EU;
            threshold = eu.get().amount();
        }
        if (procedure == Procedure.DIRECT_AWARD && kind != Kind.DIRECT_AWARD_ALLOWED) {
            warnings.add("A direct award needs a value below " + direct.get().amount().display() + "; this is "
                    + value.display() + ".");
        }
        if (procedure == Procedure.SIMPLIFIED && kind == Kind.EU) {
            warnings.add("The simplified procedure is for values below the EU threshold (" + eu.get().amount().display()
                    + "); this is " + value.display() + ".");
        }
        return new Regime(kind, threshold, warnings);
    }
}
