package se.radhus.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

class GrantTest {

    static final DecisionRef NSSO = new DecisionRef("ks-nau", LocalDate.of(2024, 5, 21), 181, "KS-2024/00361");

    static Grant grant(String id, String condition) {
        return new Grant(id, "ks-tillvaxt", "Medfinansiering", List.of(new Grant.Recipient("North Sweden Stockholm Office",
                List.of(new YearAmount(2024, Money.kronor(20_000)), new YearAmount(2025, Money.kronor(100_000))))),
                condition, condition == null ? Grant.ConditionStatus.NONE : Grant.ConditionStatus.CONDITIONAL, Grant.Status.COMMITTED, NSSO);
    }

    @ParameterizedTest(name = "{0} belongs to {1}")
    @CsvSource({"grant-a-pp-1, a-pp", "grant-a-pp-1-c, a-pp", "grant-a-pp-1-1, a-pp-1", "grant-a-pp-1-1-c, a-pp-1",
            "grant-a-pp-12, a-pp", "grant-ks-nau-2024-05-21-181-1-1-c, ks-nau-2024-05-21-181-1", "grant-g-0123456789abcdef-3, g-0123456789abcdef"})
    void aHoldNamesItsGrantExactly(String hold, String grant) {
        assertEquals(Optional.of(grant), Grant.idOfHold(hold));
    }

    @ParameterizedTest
    @CsvSource({"res-draft-1", "grant-", "grant-a", "grant-a-0", "grant-a-1-d", "com-x-1", "''"})
    void whatIsNoGrantsHoldNamesNoGrant(String hold) {
        assertEquals(Optional.empty(), Grant.idOfHold(hold));
    }

    @Test
    void theHoldsOfGrantsWhoseIdsSharePrefixesNeverMeet() {
        Grant app = grant("a-pp", null);
        Grant app1 = grant("a-pp-1", null);
        assertTrue(app.holds().stream().noneMatch(app1.holds()::contains), app.holds() + " " + app1.holds());
        assertEquals(List.of("grant-a-pp-1", "grant-a-pp-1-c"), List.copyOf(app.holds()));
    }

    @Test
    void aPaymentIsDatedWithinTheDecisionsJusteringAndToday() {
        Grant g = grant("g-1", null).adjustedOn(LocalDate.of(2024, 5, 23));
        LocalDate today = LocalDate.of(2024, 12, 1);
        // kommunallagen (2017:725) 5 kap. 69 §: until the protocol is adjusted there is no decision to carry out
        assertEquals("payment-before-decision", assertThrows(RuleViolation.class,
                () -> g.checkPaymentDate(LocalDate.of(2024, 5, 22), today)).rule());
        g.checkPaymentDate(LocalDate.of(2024, 5, 23), today);
        g.checkPaymentDate(today, today);
        assertEquals("payment-in-future", assertThrows(RuleViolation.class, () -> g.checkPaymentDate(today.plusDays(1), today)).rule());
    }

    @Test
    void aConditionalGrantIsPaidFromTheDayItsConditionWasConfirmed() {
        // § 181: "under förutsättning att övrig sökt medfinansiering beviljas"
        Grant g = grant("g-2", "under förutsättning att övrig sökt medfinansiering beviljas").adjustedOn(LocalDate.of(2024, 5, 23));
        Grant confirmed = g.conditionConfirmed(LocalDate.of(2024, 9, 2));
        assertEquals(Grant.ConditionStatus.CONFIRMED, confirmed.conditionStatus());
        RuleViolation early = assertThrows(RuleViolation.class, () -> confirmed.checkPaymentDate(LocalDate.of(2024, 9, 1), LocalDate.of(2024, 12, 1)));
        assertEquals("payment-before-condition", early.rule());
        assertTrue(early.getMessage().contains("2024-09-02"), early.getMessage());
        confirmed.checkPaymentDate(LocalDate.of(2024, 9, 2), LocalDate.of(2024, 12, 1));
        assertThrows(RuleViolation.class, () -> confirmed.conditionConfirmed(LocalDate.of(2024, 9, 3)), "confirmed once");
    }

    @Test
    void paidInFullIsPaidAndAReversedPaymentCommitsItAgain() {
        Grant g = grant("g-3", null);
        assertSame(g, g.withPaid(1_000_000));
        Grant paid = g.withPaid(12_000_000);
        assertEquals(Grant.Status.PAID, paid.status());
        assertEquals(Grant.Status.COMMITTED, paid.withPaid(10_000_000).status());
        Grant cancelled = g.cancelled(NSSO);
        assertSame(cancelled, cancelled.withPaid(0), "a cancelled grant stays cancelled");
        assertSame(paid, paid.withPaid(12_000_000), "paid in full stays paid");
    }
}
