package se.radhus.procurement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

/** Framework agreements (LOU 7 kap.): four years with every option, extensions with their day and decision, call-offs. */
class FrameworkRulesTest {

    static final LocalDate DAY = LocalDate.of(2024, 5, 21);
    static final DecisionRef D40 = new DecisionRef("ks-nau", LocalDate.of(2026, 3, 3), 40, null);
    static final DecisionRef D41 = new DecisionRef("ks-nau", LocalDate.of(2027, 3, 2), 41, null);

    static Procurement framework(LocalDate start, LocalDate end, List<Integer> options, String specialReasons) {
        return Procurement.ofPlan("lab", "LAB", "Laboratorietjänster", null, "Umeå kommun", "212000-2627", List.of(),
                Procurement.Type.FRAMEWORK_AGREEMENT, Procedure.OPEN, Category.SERVICES, null, Money.kronor(10_000_000), null,
                LocalDate.of(2024, 1, 10), start, end, options, specialReasons, EvaluationBasis.LOWEST_PRICE, List.of(), false, List.of(),
                List.of()).planned(DAY);
    }

    @Test
    void aFrameworkOfThreePlusOnePlusOneYearsIsRefusedUnlessSpecialReasonsAreRecorded() {
        // LOU 7 kap. 2 §: at most four years, every extension included
        RuleViolation e = assertThrows(RuleViolation.class,
                () -> framework(LocalDate.of(2024, 6, 1), LocalDate.of(2027, 5, 31), List.of(1, 1), null));
        assertEquals("framework-over-four-years", e.rule());
        assertTrue(e.getMessage().contains("2029-05-31"), e.getMessage());
        Procurement reasoned = framework(LocalDate.of(2024, 6, 1), LocalDate.of(2027, 5, 31), List.of(1, 1),
                "Investeringar i analysutrustning som skrivs av på fem år.");
        assertEquals(LocalDate.of(2029, 5, 31), reasoned.latestPossibleEnd());
        // § 178: 2024-06-01 – 2026-05-31 with 1 + 1 years is four years exactly
        assertEquals(LocalDate.of(2028, 5, 31), framework(LocalDate.of(2024, 6, 1), LocalDate.of(2026, 5, 31), List.of(1, 1), null).latestPossibleEnd());
        assertFalse(Frameworks.overFourYears(LocalDate.of(2024, 6, 1), LocalDate.of(2028, 5, 31)));
        assertTrue(Frameworks.overFourYears(LocalDate.of(2024, 6, 1), LocalDate.of(2028, 6, 1)));
        // a single contract is not held to it
        Frameworks.checkDuration(Procurement.Type.CONTRACT, LocalDate.of(2024, 1, 1), LocalDate.of(2034, 1, 1), null);
    }

    static Contract lab() {
        return Contract.signed("lab-1", "lab", Procurement.Type.FRAMEWORK_AGREEMENT, "Lab AB", "556036-0793", Money.kronor(10_000_000),
                Money.kronor(40_000_000), LocalDate.of(2024, 6, 1), LocalDate.of(2026, 5, 31), List.of(1, 1), LocalDate.of(2024, 6, 7), null);
    }

    @Test
    void eachExtensionHasItsDayItsDecisionAndTheOptionsLeft() {
        Contract lab = lab();
        LocalDate today = LocalDate.of(2027, 12, 1);
        assertEquals("extension-in-future", assertThrows(RuleViolation.class, () -> lab.extended(D40, LocalDate.of(2027, 12, 2), today)).rule());
        assertEquals("extension-before-decision", assertThrows(RuleViolation.class, () -> lab.extended(D40, LocalDate.of(2026, 3, 2), today)).rule());
        assertEquals("contract-ended", assertThrows(RuleViolation.class, () -> lab.extended(D40, LocalDate.of(2026, 6, 1), today)).rule());
        assertThrows(InvalidInput.class, () -> lab.extended(D40, null, today));
        Contract once = lab.extended(D40, LocalDate.of(2026, 3, 10), today);
        assertEquals(LocalDate.of(2027, 5, 31), once.currentEnd());
        assertEquals(1, once.extensionsLeft());
        assertEquals(List.of(new Contract.Extension(LocalDate.of(2026, 3, 10), D40, 1, LocalDate.of(2027, 5, 31))), once.extensions());
        assertSame(once, once.extended(D40, LocalDate.of(2026, 3, 11), today), "the same decision again (a retry) uses no second option");
        Contract twice = once.extended(D41, LocalDate.of(2027, 3, 9), today);
        assertEquals(List.of(D40, D41), twice.extensionDecisions());
        assertEquals(LocalDate.of(2028, 5, 31), twice.currentEnd());
        assertEquals("no-extension-left", assertThrows(RuleViolation.class,
                () -> twice.extended(new DecisionRef("ks-nau", LocalDate.of(2028, 3, 7), 42, null), LocalDate.of(2028, 3, 8), LocalDate.of(2028, 4, 1))).rule());
        assertTrue(lab.expiresBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertFalse(once.expiresBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void anExtensionBeyondFourYearsOfAnOlderFrameworkIsRefused() {
        // a framework signed before the rule was checked at planning: 3 + 1 + 1
        Contract old = Contract.signed("x-1", "x", Procurement.Type.FRAMEWORK_AGREEMENT, "X AB", null, null, Money.kronor(1),
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), List.of(1, 1), LocalDate.of(2023, 12, 1), null);
        assertTrue(old.frameworkOverFourYears());
        Contract fourth = old.extended(D40, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 1));
        assertEquals(LocalDate.of(2027, 12, 31), fourth.currentEnd());
        RuleViolation fifth = assertThrows(RuleViolation.class, () -> fourth.extended(D41, LocalDate.of(2027, 6, 1), LocalDate.of(2027, 12, 1)));
        assertEquals("framework-over-four-years", fifth.rule());
    }

    static Procurement contracted() {
        Procurement p = framework(LocalDate.of(2024, 6, 1), LocalDate.of(2026, 5, 31), List.of(1, 1), null)
                .approveTenderDocuments(new DecisionRef("ks-nau", LocalDate.of(2024, 1, 16), 10, null))
                .publish(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), DAY)
                .openBids(List.of(new Bid("1", "Lab AB", "556036-0793", Money.kronor(9_000_000), false, true, null, Map.of()))).evaluate();
        Award a = Awards.decide(p, new Award(List.of(new Award.Supplier("Lab AB", null, 1)), Money.kronor(40_000_000),
                new DecisionRef("ks-nau", DAY, 178, null), LocalDate.of(2024, 5, 22), false, null,
                "Ramavtalets uppskattade volym, 10 miljoner per år i fyra år.", null, null, List.of()), null, null);
        assertEquals(LocalDate.of(2024, 6, 7), a.standstillEnd(), "15 days from Wed 05-22 is the national day; then Fri 06-07");
        return p.awarded(a).contracted(LocalDate.of(2024, 6, 10), DAY.plusMonths(1));
    }

    static CallOff callOff(String id, long kronor, LocalDate on) {
        return new CallOff(id, "lab-1", Money.kronor(kronor), on, "Analyser", false, null, false, null);
    }

    @Test
    void callOffsAddUpAgainstTheEstimatedVolume() {
        Procurement p = contracted();
        Contract c = lab();
        LocalDate today = LocalDate.of(2026, 12, 1);
        Procurement one = p.calledOff(callOff("AV-1", 25_000_000, LocalDate.of(2025, 1, 15)), c, today);
        assertSame(one, one.calledOff(callOff("AV-1", 25_000_000, LocalDate.of(2025, 1, 15)), c, today), "a retry");
        assertEquals("call-off-exists", assertThrows(RuleViolation.class,
                () -> one.calledOff(callOff("AV-1", 1, LocalDate.of(2025, 1, 15)), c, today)).rule());
        Procurement two = one.calledOff(callOff("AV-2", 15_000_000, LocalDate.of(2025, 6, 1)), c, today);
        assertEquals(2, two.callOffs().size());
        // 40 000 000 kr estimated (10 MSEK a year, 2 + 1 + 1 years): one krona more is over
        RuleViolation over = assertThrows(RuleViolation.class, () -> two.calledOff(callOff("AV-3", 1, LocalDate.of(2025, 7, 1)), c, today));
        assertEquals("framework-volume-exceeded", over.rule());
        assertEquals("call-off-outside-period", assertThrows(RuleViolation.class,
                () -> p.calledOff(callOff("AV-9", 1, LocalDate.of(2026, 6, 1)), c, today)).rule(), "after the contract's current end");
        assertEquals("call-off-outside-period", assertThrows(RuleViolation.class,
                () -> p.calledOff(callOff("AV-9", 1, LocalDate.of(2024, 6, 5)), c, today)).rule(), "before it was signed");
        assertEquals("call-off-in-future", assertThrows(RuleViolation.class,
                () -> p.calledOff(callOff("AV-9", 1, LocalDate.of(2026, 12, 2)), c, LocalDate.of(2026, 12, 1).minusMonths(10))).rule());
    }

    @Test
    void aCallOffAfterARenewedCompetitionWaitsForItsStandstillWithoutOneNone() {
        Procurement p = contracted();
        Contract c = lab();
        LocalDate today = LocalDate.of(2026, 12, 1);
        // LOU 20 kap. 1 §: notice sent Thu 2024-08-22 electronically; the tenth day is Sun 09-01, so the last is Mon 09-02
        CallOff renewed = new CallOff("AV-R", "lab-1", Money.kronor(100_000), LocalDate.of(2024, 9, 2), null, true,
                LocalDate.of(2024, 8, 22), true, Award.standstillEnd(LocalDate.of(2024, 8, 22), true));
        assertEquals(LocalDate.of(2024, 9, 2), renewed.standstillEnd());
        assertEquals("standstill", assertThrows(RuleViolation.class, () -> p.calledOff(renewed, c, today)).rule());
        CallOff afterwards = new CallOff("AV-R", "lab-1", Money.kronor(100_000), LocalDate.of(2024, 9, 3), null, true,
                LocalDate.of(2024, 8, 22), true, renewed.standstillEnd());
        assertEquals(1, p.calledOff(afterwards, c, today).callOffs().size());
        // LOU 20 kap. 2 §: a call-off by the framework's own terms has no standstill
        assertEquals(1, p.calledOff(callOff("AV-D", 100_000, LocalDate.of(2024, 8, 23)), c, today).callOffs().size());
    }

    @Test
    void aSingleContractHasNoCallOffs() {
        Procurement p = AwardRulesTest.chairs().evaluateByJury("6", "Juryns val");
        Procurement contracted = p.awarded(Awards.decide(p, AwardRulesTest.proposal(new Award.Supplier("Input Interiör AB", null, 1), null), null, null))
                .contracted(LocalDate.of(2024, 6, 4), LocalDate.of(2024, 12, 1));
        Contract c = Contract.signed("p-23310-1", "p-23310", Procurement.Type.CONTRACT, "Input Interiör AB", null, null, Money.kronor(1_452_384),
                null, null, List.of(), LocalDate.of(2024, 6, 4), null);
        assertEquals("not-a-framework", assertThrows(RuleViolation.class,
                () -> contracted.calledOff(new CallOff("A", "p-23310-1", Money.kronor(1), LocalDate.of(2024, 7, 1), null, false, null, false, null),
                        c, LocalDate.of(2024, 12, 1))).rule());
    }
}
