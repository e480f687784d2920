package se.radhus.procurement.domain;

import java.time.LocalDate;
import java.util.List;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

/**
 * A contract or framework agreement: supplier, value, period, extension options and the ones used.
 *
 * @param extensionYears options in years, e.g. [1, 1]
 * @param extensionsUsed how many of the options have been used, in order
 * @param start          first day, or null when the decision does not give it
 * @param end            last day before extensions, or null when the decision does not give it
 * @param extensionDecisions the adjusted decisions that used the options, in order (none recorded for
 *                       extensions made before they were kept)
 * @param extensions     each option used: its day, its decision, its years and the end it gave (none recorded
 *                       for extensions made before they were kept)
 * @param frameworkSpecialReasons the special reasons for a framework agreement of more than four years (LOU 7 kap. 2 §)
 */
public record Contract(String id, String procurementId, Procurement.Type type, String supplier, String organisationNumber,
                       Money valuePerYear, Money totalValue, LocalDate start, LocalDate end, List<Integer> extensionYears,
                       int extensionsUsed, LocalDate signedOn, List<DecisionRef> extensionDecisions, List<Extension> extensions,
                       String frameworkSpecialReasons) {

    /**
     * One extension option used.
     *
     * @param on       the day the option was used (the supplier told)
     * @param decision the adjusted decision that used it
     * @param years    the option's years
     * @param endsOn   the contract's last day with it
     */
    public record Extension(LocalDate on, DecisionRef decision, int years, LocalDate endsOn) {
    }

    /** The same contract with the supplier's name passed through the rule (protected identities, for the public). */
    public Contract shown(java.util.function.UnaryOperator<String> name) {
        return shown(name, t -> t);
    }

    /** The same contract with names and texts passed through the rules (protected identities, for the public). */
    public Contract shown(java.util.function.UnaryOperator<String> name, java.util.function.UnaryOperator<String> text) {
        String shown = name.apply(supplier);
        // a sole trader's organisation number is their personnummer: hidden with the name
        return new Contract(id, procurementId, type, shown, java.util.Objects.equals(shown, supplier) ? organisationNumber : null,
                valuePerYear, totalValue, start, end, extensionYears, extensionsUsed, signedOn, extensionDecisions, extensions,
                text.apply(frameworkSpecialReasons));
    }

    public Contract {
        extensionYears = extensionYears == null ? List.of() : List.copyOf(extensionYears);
        extensionDecisions = extensionDecisions == null ? List.of() : List.copyOf(extensionDecisions);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** A contract as signed, before any option is used. */
    public static Contract signed(String id, String procurementId, Procurement.Type type, String supplier, String organisationNumber,
                                  Money valuePerYear, Money totalValue, LocalDate start, LocalDate end, List<Integer> extensionYears,
                                  LocalDate signedOn, String frameworkSpecialReasons) {
        return new Contract(id, procurementId, type, supplier, organisationNumber, valuePerYear, totalValue, start, end, extensionYears,
                0, signedOn, List.of(), List.of(), frameworkSpecialReasons);
    }

    /** The end of the current period: the planned end with the used extensions. */
    public LocalDate currentEnd() {
        if (end == null) {
            return null;
        }
        int years = extensionYears.subList(0, extensionsUsed).stream().mapToInt(Integer::intValue).sum();
        return end.plusYears(years);
    }

    /** The latest possible end, every option used. */
    public LocalDate latestPossibleEnd() {
        if (end == null) {
            return null;
        }
        return end.plusYears(extensionYears.stream().mapToInt(Integer::intValue).sum());
    }

    public int extensionsLeft() {
        return extensionYears.size() - extensionsUsed;
    }

    /** A framework agreement may run at most four years in all, options included (LOU 7 kap. 2 §). */
    public boolean frameworkOverFourYears() {
        return type == Procurement.Type.FRAMEWORK_AGREEMENT && Frameworks.overFourYears(start, latestPossibleEnd());
    }

    /** Whether {@code by} has extended it already (a retry of the same extension changes nothing). */
    public boolean extendedBy(DecisionRef by) {
        return by != null && extensionDecisions.contains(by);
    }

    /**
     * Uses the next extension option on {@code on}, by the decision {@code by}; by the same decision again:
     * unchanged. The option is used while the contract runs (on or before its current end), not before the
     * decision's meeting nor on a day to come, and a framework agreement stays within four years unless
     * special reasons are recorded (LOU 7 kap. 2 §).
     */
    public Contract extended(DecisionRef by, LocalDate on, LocalDate today) {
        if (extendedBy(by)) {
            return this;
        }
        if (extensionsLeft() == 0) {
            throw new RuleViolation("no-extension-left", "Contract " + id + " has used all its extension options; it ends "
                    + currentEnd() + ".");
        }
        if (on == null) {
            throw new InvalidInput("date", "the day the option is used, YYYY-MM-DD");
        }
        if (on.isAfter(today)) {
            throw new RuleViolation("extension-in-future", "An extension is recorded when the option is used; " + on
                    + " is after today, " + today + ".");
        }
        if (by != null && on.isBefore(by.meetingDate())) {
            throw new RuleViolation("extension-before-decision", "The option is used by " + by + " of " + by.meetingDate()
                    + "; it cannot have been used on " + on + ".");
        }
        if (currentEnd() != null && on.isAfter(currentEnd())) {
            throw new RuleViolation("contract-ended", "Contract " + id + " ended on " + currentEnd() + "; an option is used"
                    + " while the contract runs, not on " + on + ".");
        }
        int years = extensionYears.get(extensionsUsed);
        LocalDate newEnd = currentEnd() == null ? null : currentEnd().plusYears(years);
        Frameworks.checkDuration(type, start, newEnd, frameworkSpecialReasons);
        List<DecisionRef> decisions = new java.util.ArrayList<>(extensionDecisions);
        decisions.add(by);
        List<Extension> used = new java.util.ArrayList<>(extensions);
        used.add(new Extension(on, by, years, newEnd));
        return new Contract(id, procurementId, type, supplier, organisationNumber, valuePerYear, totalValue, start, end,
                extensionYears, extensionsUsed + 1, signedOn, decisions, used, frameworkSpecialReasons);
    }

    public boolean expiresBetween(LocalDate from, LocalDate to) {
        LocalDate e = currentEnd();
        return e != null && !e.isBefore(from) && !e.isAfter(to);
    }
}
