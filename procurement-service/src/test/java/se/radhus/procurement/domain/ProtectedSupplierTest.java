package se.radhus.procurement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import se.radhus.common.money.Money;

/** A sole trader with a protected identity: their name and their organisation number (a personnummer) go together. */
class ProtectedSupplierTest {

    static final UnaryOperator<String> HIDE_LANN = n -> n != null && n.contains("Lann") ? "Skyddad identitet" : n;

    @Test
    void aHiddenSuppliersOrganisationNumberIsHiddenWithTheNameOthersStay() {
        Procurement p = new Procurement("p-1", "1", "Test", null, "Umeå kommun", null, List.of(), Procurement.Type.CONTRACT,
                Procedure.OPEN, Category.SERVICES, null, Money.kronor(100_000), null, LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 6, 1), LocalDate.of(2026, 5, 31), List.of(), null, EvaluationBasis.LOWEST_PRICE, List.of(), false,
                List.of(), List.of(), null, null, null, null, List.of(
                new Bid("1", "Elisabet Lann", "700101-1233", Money.kronor(100), false, true, null, Map.of()),
                new Bid("2", "Bygg AB", "556000-0001", Money.kronor(120), false, true, null, Map.of())),
                null, null, null, null, null, null, null);
        Procurement shown = p.shown(HIDE_LANN, HIDE_LANN);
        assertEquals("Skyddad identitet", shown.bids().get(0).supplier());
        assertNull(shown.bids().get(0).organisationNumber());
        assertEquals("556000-0001", shown.bids().get(1).organisationNumber());

        Contract c = new Contract("c-1", "p-1", Procurement.Type.CONTRACT, "Elisabet Lann", "700101-1233", null, Money.kronor(1),
                LocalDate.of(2024, 6, 1), LocalDate.of(2025, 5, 31), List.of(), 0, LocalDate.of(2024, 5, 1), null, null, null);
        assertEquals("Skyddad identitet", c.shown(HIDE_LANN).supplier());
        assertNull(c.shown(HIDE_LANN).organisationNumber());
        Contract other = new Contract("c-2", "p-1", Procurement.Type.CONTRACT, "Bygg AB", "556000-0001", null, Money.kronor(1),
                LocalDate.of(2024, 6, 1), LocalDate.of(2025, 5, 31), List.of(), 0, LocalDate.of(2024, 5, 1), null, null, null);
        assertEquals(other, other.shown(HIDE_LANN));
    }
}
