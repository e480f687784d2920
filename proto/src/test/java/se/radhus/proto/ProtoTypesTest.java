package se.radhus.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.money.Money;
import se.radhus.proto.common.v1.Date;

class ProtoTypesTest {

    @Test
    void aDecisionGoesThereAndBack() {
        DecisionRef ref = new DecisionRef("ks-nau", LocalDate.of(2024, 5, 21), 181, "KS-2024/00361");
        var proto = ProtoTypes.decision(ref);
        assertEquals("KS", proto.getCaseNumber().getRegistry());
        assertEquals(361, proto.getCaseNumber().getSequence());
        assertEquals(21, proto.getMeetingDate().getDay());
        assertEquals(ref, ProtoTypes.decision(proto));
    }

    @Test
    void aDecisionWithoutCaseOrBodyIsAsTheContractSays() {
        DecisionRef ref = new DecisionRef("ks", LocalDate.of(2024, 1, 2), 3, null);
        var proto = ProtoTypes.decision(ref);
        assertEquals(false, proto.hasCaseNumber());
        assertEquals(ref, ProtoTypes.decision(proto));
        assertNull(ProtoTypes.decision(se.radhus.proto.common.v1.DecisionRef.getDefaultInstance()));
    }

    @Test
    void moneyWithoutCurrencyIsKronor() {
        assertEquals(Money.sek(150), ProtoTypes.money(se.radhus.proto.common.v1.Money.newBuilder().setOre(150).build()));
        assertEquals(new Money(7, "EUR"), ProtoTypes.money(ProtoTypes.money(new Money(7, "EUR"))));
    }

    @Test
    void aMissingOrImpossibleDateIsRefusedNamingTheField() {
        InvalidInput missing = assertThrows(InvalidInput.class, () -> ProtoTypes.date(Date.getDefaultInstance(), "effective_date"));
        assertEquals("effective_date", missing.errors().get(0).field());
        InvalidInput impossible = assertThrows(InvalidInput.class,
                () -> ProtoTypes.date(Date.newBuilder().setYear(2023).setMonth(2).setDay(29).build(), "sent_date"));
        assertEquals("a calendar date", impossible.errors().get(0).expected());
        assertEquals(LocalDate.of(2024, 2, 29), ProtoTypes.date(ProtoTypes.date(LocalDate.of(2024, 2, 29)), "d"));
    }
}
