package se.radhus.procurement.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import se.radhus.common.domain.DecisionRef;
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
 */
public record Contract(String id, String procurementId, Procurement.Type type, String supplier, String organisationNumber,
                       Money valuePerYear, Money totalValue, LocalDate start, LocalDate end, List<Integer> extensionYears,
                       int extensionsUsed, LocalDate signedOn, List<DecisionRef> extensionDecisions) {

    /** The same contract with the supplier's name passed through the rule (protected identities, for the public). */
    public Contract shown(java.util.function.UnaryOperator<String> name) {
        String shown = name.apply(supplier);
        // a sole trader's organisation number is their personnummer: hidden with the name
        return new Contract(id, procurementId, type, shown, java.util.Objects.equals(shown, supplier) ? organisationNumber : null,
                valuePerYear, totalValue, start, end,
                extensionYears, extensionsUsed, signedOn, extensionDecisions);
    }

    public Contract {
        extensionYears = extensionYears == null ? List.of() : List.copyOf(extensionYears);
        extensionDecisions = extensionDecisions == null ? List.of() : List.copyOf(extensionDecisions);
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
        return type == Procurement.Type.FRAMEWORK_AGREEMENT && start != null && end != null && ChronoUnit.DAYS.between(start, latestPossibleEnd().plusDays(1)) > 4 * 365 + 1;
    }

    /** Whether {@code by} has extended it already (a retry of the same extension changes nothing). */
    public boolean extendedBy(DecisionRef by) {
        return by != null && extensionDecisions.contains(by);
    }

    /** Uses the next extension option, by the decision {@code by}; by the same decision again: unchanged. */
    public Contract extended(DecisionRef by) {
        if (extendedBy(by)) {
            return this;
        }
        if (extensionsLeft() == 0) {
            throw new RuleViolation("no-extension-left", "Contract " + id + " has used all its extension options; it ends "
                    + currentEnd() + ".");
        }
        List<DecisionRef> decisions = new java.util.ArrayList<>(extensionDecisions);
        decisions.add(by);
        return new Contract(id, procurementId, type, supplier, organisationNumber, valuePerYear, totalValue, start, end,
                extensionYears, extensionsUsed + 1, signedOn, decisions);
    }

    public boolean expiresBetween(LocalDate from, LocalDate to) {
        LocalDate e = currentEnd();
        return e != null && !e.isBefore(from) && !e.isAfter(to);
    }
}
