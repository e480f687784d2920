package se.radhus.procurement.domain;

import java.time.LocalDate;
import java.util.List;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.money.Money;

/**
 * An award decision (tilldelningsbeslut): the ranked suppliers, the value, and the standstill
 * (avtalsspärr, LOU 20 kap. 1 §): 10 days from the day the decision was sent electronically, 15 days
 * otherwise. No contract may be signed until the day after {@code standstillEnd}.
 */
public record Award(List<Supplier> suppliers, Money value, DecisionRef decision, LocalDate sentOn, boolean sentElectronically,
                    LocalDate standstillEnd) {

    /** An awarded supplier, ranked from 1. */
    public record Supplier(String name, String organisationNumber, int rank) {
    }

    public Award {
        suppliers = List.copyOf(suppliers);
    }

    public static LocalDate standstillEnd(LocalDate sentOn, boolean electronically) {
        return sentOn.plusDays(electronically ? 10 : 15);
    }
}
