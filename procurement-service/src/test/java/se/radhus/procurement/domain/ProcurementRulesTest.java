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
        return Procurement.ofPlan("p-1", "1", "Test", null, "Umeå kommun", "212000-2627", List.of(), type, Procedure.OPEN, Category.SERVICES,
                null, Money.kronor(100_000), null, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 1), LocalDate.of(2026, 5, 31),
                List.of(1, 1), null, basis, criteria, alternatives, List.of(), List.of()).planned(DAY);
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
        // 2026–2027 is not confirmed by a source at hand: an error naming the missing row, never a silent UNKNOWN
        Threshold.Missing missing = assertThrows(Threshold.Missing.class,
                () -> Regime.of(Money.kronor(1), Procedure.OPEN, Category.GOODS, LocalDate.of(2026, 3, 1), Threshold.defaults()));
        assertEquals("threshold-missing", missing.rule());
        assertEquals(Map.of("missing", Map.of("kind", "DIRECT_AWARD_LIMIT", "date", "2026-03-01")), missing.details());
        assertTrue(missing.getMessage().contains("2025-12-31") && missing.getMessage().contains("POST /api/thresholds"), missing.getMessage());
        var table = new java.util.ArrayList<>(Threshold.defaults());
        table.add(new Threshold(Threshold.Kind.DIRECT_AWARD_LIMIT, Money.kronor(700_000), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), "test"));
        assertEquals("EU_GOODS_SERVICES", ((Map<?, ?>) assertThrows(Threshold.Missing.class, () -> Regime.of(Money.kronor(1), Procedure.OPEN,
                Category.GOODS, LocalDate.of(2026, 3, 1), table)).details().get("missing")).get("kind"));
        table.add(new Threshold(Threshold.Kind.EU_GOODS_SERVICES, Money.kronor(2_300_000), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), "test"));
        table.add(new Threshold(Threshold.Kind.EU_WORKS, Money.kronor(57_000_000), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), "test"));
        Regime r = Regime.of(Money.kronor(2_300_000), Procedure.OPEN, Category.GOODS, LocalDate.of(2026, 3, 1), table);
        assertEquals(Regime.Kind.EU, r.regime());
        assertEquals(List.of("test"), r.sources());
        assertEquals(Regime.Kind.UNKNOWN, Regime.of(null, Procedure.OPEN, Category.GOODS, LocalDate.of(2030, 1, 1), table).regime(),
                "only a missing estimate leaves the regime unknown");
    }

    @ParameterizedTest(name = "{0} on {1}: {2} kr")
    @CsvSource({
            // LOU 19 kap. 8 §: the direct award limit; January 2022 still 28 % of the threshold, then 700 000 kr
            "DIRECT_AWARD_LIMIT, 2022-01-15, 626284", "DIRECT_AWARD_LIMIT, 2022-02-01, 700000", "DIRECT_AWARD_LIMIT, 2023-12-31, 700000",
            "DIRECT_AWARD_LIMIT, 2024-01-01, 700000", "DIRECT_AWARD_LIMIT, 2025-12-31, 700000",
            // LOU 5 kap. 1 §: the EU thresholds for municipalities (övriga upphandlande myndigheter)
            "EU_GOODS_SERVICES, 2022-06-01, 2236731", "EU_WORKS, 2023-06-01, 55991099",
            "EU_GOODS_SERVICES, 2024-06-01, 2389585", "EU_WORKS, 2025-06-01, 59880179"})
    void theShippedThresholdsAreTheSourcesFigures(Threshold.Kind kind, LocalDate day, long kronor) {
        Threshold t = Threshold.require(Threshold.defaults(), kind, day);
        assertEquals(Money.kronor(kronor), t.amount());
        assertTrue(t.source() != null && t.source().contains("https://"), t.toString());
    }

    @Test
    void everyShippedRowHasASourceAndNoPeriodBeyondTheConfirmedOnes() {
        List<Threshold> rows = Threshold.defaults();
        assertEquals(7, rows.size());
        assertTrue(rows.stream().allMatch(t -> t.source() != null && !t.source().isBlank() && t.validTo() != null));
        assertTrue(rows.stream().noneMatch(t -> t.appliesOn(LocalDate.of(2026, 1, 1))), "2026–2027 is left out until it is confirmed");
        assertTrue(rows.stream().noneMatch(t -> t.appliesOn(LocalDate.of(2021, 12, 31))));
    }

    @Test
    void theValueForThresholdsCountsTheOptions() {
        // 2 years + 1 + 1 options at 100 000 kr a year
        assertEquals(Money.kronor(400_000), planning().valueForThresholds());
    }

    @Test
    void everyStepOutOfOrderIsRefusedNamingTheAllowedSteps() {
        Procurement p = planning();
        RuleViolation e = assertThrows(RuleViolation.class, () -> p.publish(DAY, DAY.plusDays(30), DAY));
        assertEquals("procurement-step", e.rule());
        assertTrue(e.getMessage().contains("TENDER_DOCUMENTS_APPROVED"), e.getMessage());
        assertThrows(RuleViolation.class, () -> p.openBids(List.of(bid("1", "A", 1, Map.of()))));
        assertThrows(RuleViolation.class, p::evaluate);
        Procurement approved = p.approveTenderDocuments(D180);
        assertEquals(approved, approved.approveTenderDocuments(D180), "the same approval again is no change");
        assertThrows(RuleViolation.class, () -> approved.approveTenderDocuments(new DecisionRef("ks", DAY, 1, null)));
        assertThrows(InvalidInput.class, () -> approved.publish(DAY.plusDays(1), DAY.plusDays(30), DAY), "not published on a day to come");
        Procurement published = approved.publish(DAY, DAY.plusDays(30), DAY);
        assertThrows(RuleViolation.class, published::evaluate);
        Procurement opened = published.openBids(List.of(bid("1", "A", 100, Map.of()), bid("2", "B", 90, Map.of())));
        Procurement evaluated = opened.evaluate();
        assertEquals(Evaluation.Method.MODEL, evaluated.evaluationMethod());
        assertEquals("2", evaluated.evaluation().get(0).bidId());
        Award award = Awards.decide(evaluated, new Award(List.of(new Award.Supplier("B", null, 1)), null, D180, DAY, true, null), null, null);
        Procurement awarded = evaluated.awarded(award);
        assertEquals(Money.kronor(90), awarded.award().value(), "the bid's price");
        assertEquals(awarded, awarded.awarded(award), "the same award again (a retry) is no change");
        RuleViolation early = assertThrows(RuleViolation.class, () -> awarded.contracted(LocalDate.of(2024, 5, 31), LocalDate.of(2024, 12, 1)));
        assertEquals("standstill", early.rule());
        assertEquals("signed-in-future", assertThrows(RuleViolation.class,
                () -> awarded.contracted(LocalDate.of(2024, 6, 4), LocalDate.of(2024, 6, 3))).rule());
        Procurement contracted = awarded.contracted(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 12, 1));
        assertEquals(ProcurementState.CONTRACTED, contracted.state());
        assertThrows(RuleViolation.class, () -> contracted.cancelled("för sent", DAY));
        Procurement cancelled = published.cancelled("inga anbud", LocalDate.of(2024, 6, 1));
        assertEquals(ProcurementState.CANCELLED, cancelled.state());
        assertEquals(LocalDate.of(2024, 6, 1), cancelled.cancelledOn());
    }

    @Test
    void aProcurementBeginsOnItsDayOrTodayNeverOnADayToCome() {
        assertEquals(LocalDate.of(2024, 3, 1), planning().startedOn());
        Procurement noDay = Procurement.ofPlan("p-2", "2", "T", null, "Umeå kommun", null, List.of(), Procurement.Type.CONTRACT, Procedure.OPEN,
                Category.GOODS, null, null, null, null, null, null, List.of(), null, null, List.of(), false, List.of(), List.of());
        assertEquals(DAY, noDay.planned(DAY).startedOn());
        Procurement later = Procurement.ofPlan("p-3", "3", "T", null, "Umeå kommun", "212000-2628", List.of(), Procurement.Type.CONTRACT,
                Procedure.OPEN, Category.GOODS, null, null, null, DAY.plusDays(1), null, null, List.of(), null, null, List.of(), false,
                List.of(), List.of());
        InvalidInput e = assertThrows(InvalidInput.class, () -> later.planned(DAY));
        assertEquals(List.of("startedOn", "leadBuyerOrganisationNumber"), e.errors().stream().map(se.radhus.common.domain.FieldError::field).toList());
        assertEquals(LocalDate.of(2024, 3, 1), planning().regimeDay(), "before publication the day it began decides the regime");
    }

    @Test
    void alternativeBidsOnlyWhereAllowedAndBadBidsNamed() {
        Procurement p = planning().approveTenderDocuments(D180).publish(DAY, DAY.plusDays(30), DAY);
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

    @ParameterizedTest
    @EnumSource(ProcurementState.class)
    void finalStatesHaveNoNextStep(ProcurementState s) {
        assertEquals(s == ProcurementState.CONTRACTED || s == ProcurementState.CANCELLED, s.next().isEmpty());
    }
}
