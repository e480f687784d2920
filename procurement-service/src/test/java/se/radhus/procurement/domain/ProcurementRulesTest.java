package se.radhus.procurement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

class ProcurementRulesTest {

    static final LocalDate DAY = LocalDate.of(2024, 5, 21);
    static final DecisionRef D180 = new DecisionRef("ks-nau", DAY, 180, "KS-2024/00464");

    static Procurement planning(Procurement.Type type, EvaluationBasis basis, List<Criterion> criteria, boolean alternatives) {
        return new Procurement("p-1", "1", "Test", null, "Umeå kommun", List.of(), type, Procedure.OPEN, Category.SERVICES,
                Money.kronor(100_000), null, LocalDate.of(2024, 6, 1), LocalDate.of(2026, 5, 31), List.of(1, 1), basis, criteria,
                alternatives, List.of(), List.of(), null, null, null, null, null, null, null, null).planned();
    }

    static Procurement planning() {
        return planning(Procurement.Type.CONTRACT, EvaluationBasis.LOWEST_PRICE, List.of(), false);
    }

    static Bid bid(String id, String supplier, long kronor, Map<String, Integer> scores) {
        return new Bid(id, supplier, null, Money.kronor(kronor), false, true, null, scores);
    }

    @ParameterizedTest
    @ValueSource(strings = {"556036-0793", "5560360793", "212000-1355"})
    void validOrganisationNumbers(String number) {
        assertEquals(11, OrganisationNumber.normalise(number).length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"556036-0794", "556036-079", "55603-60793", "abcdef-ghij", ""})
    void invalidOrganisationNumbersAreRefused(String number) {
        assertThrows(IllegalArgumentException.class, () -> OrganisationNumber.normalise(number));
    }

    @ParameterizedTest(name = "{0} kr with {1} → {2}")
    @CsvSource({
            "699999, DIRECT_AWARD, DIRECT_AWARD_ALLOWED, 0",
            "700000, DIRECT_AWARD, NATIONAL, 1",
            "700001, DIRECT_AWARD, NATIONAL, 1",
            "700000, SIMPLIFIED, NATIONAL, 0",
            "2389584, SIMPLIFIED, NATIONAL, 0",
            "2389585, SIMPLIFIED, EU, 1",
            "2389585, OPEN, EU, 0"})
    void thresholdEdges(long kronor, Procedure procedure, Regime.Kind kind, int warnings) {
        Regime r = Regime.of(Money.kronor(kronor), procedure, Category.SERVICES, DAY, Threshold.defaults());
        assertEquals(kind, r.regime());
        assertEquals(warnings, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void worksHaveTheirOwnThresholdAndPeriodsAreData() {
        assertEquals(Regime.Kind.NATIONAL, Regime.of(Money.kronor(59_880_178), Procedure.OPEN, Category.WORKS, DAY, Threshold.defaults()).regime());
        assertEquals(Regime.Kind.EU, Regime.of(Money.kronor(59_880_179), Procedure.OPEN, Category.WORKS, DAY, Threshold.defaults()).regime());
        assertEquals(Regime.Kind.UNKNOWN, Regime.of(Money.kronor(1), Procedure.OPEN, Category.WORKS, LocalDate.of(2026, 1, 1), Threshold.defaults()).regime());
        var table = new java.util.ArrayList<>(Threshold.defaults());
        table.add(new Threshold(Threshold.Kind.EU_GOODS_SERVICES, Money.kronor(2_300_000), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)));
        table.add(new Threshold(Threshold.Kind.EU_WORKS, Money.kronor(57_000_000), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)));
        assertEquals(Regime.Kind.EU, Regime.of(Money.kronor(2_300_000), Procedure.OPEN, Category.GOODS, LocalDate.of(2026, 3, 1), table).regime());
    }

    @Test
    void theValueForThresholdsCountsTheOptions() {
        // 2 years + 1 + 1 options at 100 000 kr a year
        assertEquals(Money.kronor(400_000), planning().valueForThresholds());
    }

    @Test
    void everyStepOutOfOrderIsRefusedNamingTheAllowedSteps() {
        Procurement p = planning();
        RuleViolation e = assertThrows(RuleViolation.class, () -> p.publish(DAY, DAY.plusDays(30)));
        assertEquals("procurement-step", e.rule());
        assertTrue(e.getMessage().contains("TENDER_DOCUMENTS_APPROVED"), e.getMessage());
        assertThrows(RuleViolation.class, () -> p.openBids(List.of(bid("1", "A", 1, Map.of()))));
        assertThrows(RuleViolation.class, () -> p.evaluate(null));
        assertThrows(RuleViolation.class, () -> p.contracted(DAY));
        Procurement approved = p.approveTenderDocuments(D180);
        assertEquals(approved, approved.approveTenderDocuments(D180), "the same approval again is no change");
        assertThrows(RuleViolation.class, () -> approved.approveTenderDocuments(new DecisionRef("ks", DAY, 1, null)));
        Procurement published = approved.publish(DAY, DAY.plusDays(30));
        assertThrows(RuleViolation.class, () -> published.evaluate(null));
        Procurement opened = published.openBids(List.of(bid("1", "A", 100, Map.of()), bid("2", "B", 90, Map.of())));
        Procurement evaluated = opened.evaluate(null);
        assertEquals("2", evaluated.evaluation().get(0).bidId());
        Award award = new Award(List.of(new Award.Supplier("B", null, 1)), Money.kronor(90), D180, DAY, true, Award.standstillEnd(DAY, true));
        Procurement awarded = evaluated.awarded(award);
        RuleViolation early = assertThrows(RuleViolation.class, () -> awarded.contracted(DAY.plusDays(10)));
        assertEquals("standstill", early.rule());
        Procurement contracted = awarded.contracted(DAY.plusDays(11));
        assertEquals(ProcurementState.CONTRACTED, contracted.state());
        assertThrows(RuleViolation.class, () -> contracted.cancelled("för sent"));
        assertEquals(ProcurementState.CANCELLED, published.cancelled("inga anbud").state());
    }

    @Test
    void theStandstillIsTenDaysElectronicallyFifteenOtherwise() {
        assertEquals(LocalDate.of(2024, 5, 31), Award.standstillEnd(DAY, true));
        assertEquals(LocalDate.of(2024, 6, 5), Award.standstillEnd(DAY, false));
    }

    @Test
    void alternativeBidsOnlyWhereAllowedAndBadBidsNamed() {
        Procurement p = planning().approveTenderDocuments(D180).publish(DAY, DAY.plusDays(30));
        Bid alternative = new Bid("1", "A", null, Money.kronor(5), true, true, null, Map.of());
        InvalidInput e = assertThrows(InvalidInput.class, () -> p.openBids(List.of(alternative)));
        assertTrue(e.errors().get(0).field().endsWith("alternative"));
        Bid badOrg = new Bid("1", "A", "556036-0794", Money.kronor(5), false, true, null, Map.of());
        assertThrows(InvalidInput.class, () -> p.openBids(List.of(badOrg)));
        Bid unqualifiedWithoutReason = new Bid("1", "A", null, Money.kronor(5), false, false, null, Map.of());
        assertThrows(InvalidInput.class, () -> p.openBids(List.of(unqualifiedWithoutReason)));
    }

    @Test
    void bestPriceQualityIsPricePointsPlusWeightedQuality() {
        List<Criterion> criteria = List.of(new Criterion("pris", 60), new Criterion("kvalitet", 30), new Criterion("miljö", 10));
        List<Bid> bids = List.of(bid("1", "Billig AB", 1_000_000, Map.of("kvalitet", 5, "miljö", 5)),
                bid("2", "Bra AB", 1_200_000, Map.of("kvalitet", 10, "miljö", 10)),
                new Bid("3", "Ej kvalificerad AB", null, Money.kronor(1), false, false, "saknar F-skattsedel", Map.of()));
        List<Evaluation.Result> r = Evaluation.evaluate(EvaluationBasis.BEST_PRICE_QUALITY, criteria, bids);
        assertEquals(2, r.size());
        // Billig: 60 + 15 + 5 = 80; Bra: 60 × 1 000 000 / 1 200 000 = 50 + 30 + 10 = 90
        assertEquals("2", r.get(0).bidId());
        assertEquals(0, new BigDecimal("90").compareTo(r.get(0).total()));
        assertEquals(0, new BigDecimal("80").compareTo(r.get(1).total()));
        assertFalse(r.get(0).tied());
    }

    @Test
    void tiesShareARankAreStatedAndOrderedByPriceThenName() {
        List<Criterion> criteria = List.of(new Criterion("pris", 50), new Criterion("kvalitet", 50));
        // A: 50 + 25 = 75 at 100; B: 50 × 100/200 = 25 + 50 = 75 at 200; C: 50 + 20 = 70
        List<Bid> bids = List.of(bid("b", "B AB", 200, Map.of("kvalitet", 10)), bid("a", "A AB", 100, Map.of("kvalitet", 5)),
                bid("c", "C AB", 100, Map.of("kvalitet", 4)));
        List<Evaluation.Result> r = Evaluation.evaluate(EvaluationBasis.BEST_PRICE_QUALITY, criteria, bids);
        assertEquals(List.of("a", "b", "c"), r.stream().map(Evaluation.Result::bidId).toList());
        assertEquals(List.of(1, 1, 3), r.stream().map(Evaluation.Result::rank).toList());
        assertEquals(List.of(true, true, false), r.stream().map(Evaluation.Result::tied).toList());
        List<Evaluation.Result> price = Evaluation.evaluate(EvaluationBasis.LOWEST_PRICE, List.of(), List.of(
                bid("x", "X AB", 100, Map.of()), bid("y", "Y AB", 100, Map.of())));
        assertTrue(price.get(0).tied() && price.get(1).tied());
        assertEquals("x", price.get(0).bidId());
    }

    @Test
    void weightsMustAddUpAndScoresMustBeThere() {
        assertThrows(RuleViolation.class, () -> Evaluation.evaluate(EvaluationBasis.BEST_PRICE_QUALITY,
                List.of(new Criterion("pris", 50)), List.of(bid("1", "A", 1, Map.of()))));
        assertThrows(RuleViolation.class, () -> Evaluation.evaluate(EvaluationBasis.BEST_PRICE_QUALITY,
                List.of(new Criterion("pris", 50), new Criterion("kvalitet", 50)), List.of(bid("1", "A", 1, Map.of()))));
    }

    @Test
    void contractsExtendOptionByOptionAndFrameworksOverFourYearsAreFlagged() {
        Contract lab = new Contract("lab-1", "lab", Procurement.Type.FRAMEWORK_AGREEMENT, "Lab AB", null, Money.kronor(10_000_000),
                Money.kronor(40_000_000), LocalDate.of(2024, 6, 1), LocalDate.of(2026, 5, 31), List.of(1, 1), 0, DAY, null);
        assertEquals(LocalDate.of(2028, 5, 31), lab.latestPossibleEnd());
        assertFalse(lab.frameworkOverFourYears());
        var first = new se.radhus.common.domain.DecisionRef("ks-nau", LocalDate.of(2026, 3, 3), 40, null);
        var second = new se.radhus.common.domain.DecisionRef("ks-nau", LocalDate.of(2027, 3, 2), 41, null);
        Contract once = lab.extended(first);
        assertEquals(LocalDate.of(2027, 5, 31), once.currentEnd());
        assertEquals(1, once.extensionsLeft());
        assertEquals(once, once.extended(first), "the same decision again (a retry) uses no second option");
        Contract twice = once.extended(second);
        assertEquals(List.of(first, second), twice.extensionDecisions());
        RuleViolation none = assertThrows(RuleViolation.class,
                () -> twice.extended(new se.radhus.common.domain.DecisionRef("ks-nau", LocalDate.of(2028, 3, 7), 42, null)));
        assertEquals("no-extension-left", none.rule());
        Contract longOne = new Contract("x", "x", Procurement.Type.FRAMEWORK_AGREEMENT, "X", null, null, Money.kronor(1),
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), List.of(1, 1), 0, DAY, null);
        assertTrue(longOne.frameworkOverFourYears());
        assertTrue(lab.expiresBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertFalse(once.expiresBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @ParameterizedTest
    @EnumSource(ProcurementState.class)
    void finalStatesHaveNoNextStep(ProcurementState s) {
        assertEquals(s == ProcurementState.CONTRACTED || s == ProcurementState.CANCELLED, s.next().isEmpty());
    }
}
