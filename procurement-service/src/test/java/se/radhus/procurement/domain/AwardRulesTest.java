package se.radhus.procurement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

/** Awards tied to bids and to the evaluation (LOU 16 kap. 1 §), direct awards held to their limit (LOU 19 kap.). */
class AwardRulesTest {

    static final LocalDate DAY = LocalDate.of(2024, 5, 21);
    static final DecisionRef D179 = new DecisionRef("ks-nau", DAY, 179, "KS-2024/00449");

    static Procurement plan(String id, Procedure procedure, Money estimate, String kind) {
        return Procurement.ofPlan(id, id, "Test " + id, null, "Umeå kommun", "212000-2627", List.of(), Procurement.Type.CONTRACT, procedure,
                Category.GOODS, kind, null, estimate, LocalDate.of(2024, 3, 1), null, null, List.of(), null, EvaluationBasis.LOWEST_PRICE,
                List.of(), true, List.of(), List.of()).planned(DAY);
    }

    static Bid bid(String id, String supplier, String org, Long kronor, boolean qualified) {
        return new Bid(id, supplier, org, kronor == null ? null : Money.kronor(kronor), false, qualified, qualified ? null : "krav ej uppfyllda", Map.of());
    }

    static Procurement opened(Procurement p, List<Bid> bids) {
        Procurement published = p.approveTenderDocuments(new DecisionRef("ks", LocalDate.of(2024, 2, 13), 50, null))
                .publish(LocalDate.of(2024, 2, 20), LocalDate.of(2024, 3, 25), DAY);
        return published.openBids(bids);
    }

    /** The seed's 23310 as § 179 tells it: six bids, all qualified, the alternative of Input Interiör AB priced 1 452 384 kr. */
    static Procurement chairs() {
        List<Bid> bids = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            bids.add(new Bid(String.valueOf(i), null, null, null, false, true, null, Map.of()));
        }
        bids.add(new Bid("6", "Input Interiör AB", null, Money.kronor(1_452_384), true, true, null, Map.of()));
        return opened(plan("p-23310", Procedure.OPEN, null, null), bids);
    }

    static Award proposal(Award.Supplier s, Money value) {
        return new Award(List.of(s), value, D179, LocalDate.of(2024, 5, 23), true, null);
    }

    @Test
    void paragraph179TheJurysChoiceIsTheAwardAtTheBidsPriceAndTheStandstillEndsOnMonday() {
        // § 179: "Juryn föreslår att alternativ 2 (omklädning av befintliga stolar) tilldelas kontraktet, med hänvisning
        // till miljöperspektivet och en lägre kostnad." — the evaluation is a jury's choice with its reasons
        Procurement evaluated = chairs().evaluateByJury("6", "Alternativ 2 (omklädning av befintliga stolar), med hänvisning till"
                + " miljöperspektivet och en lägre kostnad.");
        assertEquals(Evaluation.Method.JURY, evaluated.evaluationMethod());
        assertEquals(1, evaluated.evaluation().size());
        assertEquals("6", evaluated.evaluation().get(0).bidId());
        assertNull(evaluated.evaluation().get(0).total(), "a jury gives no points");
        Award a = Awards.decide(evaluated, proposal(new Award.Supplier("Input Interiör AB", null, 1), null), null, null);
        assertEquals("6", a.suppliers().get(0).bidId());
        assertEquals(Money.kronor(1_452_384), a.value());
        // LOU 20 kap. 1 §: sent electronically Thu 2024-05-23, ten days is Sun 06-02; lag 1930:173 moves it to Mon 06-03
        assertEquals(LocalDate.of(2024, 6, 3), a.standstillEnd());
        Procurement awarded = evaluated.awarded(a);
        assertEquals("standstill", assertThrows(RuleViolation.class, () -> awarded.contracted(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 12, 1))).rule());
        assertEquals(ProcurementState.CONTRACTED, awarded.contracted(LocalDate.of(2024, 6, 4), LocalDate.of(2024, 12, 1)).state());
    }

    @Test
    void anAwardGoesToABidThatWasMadeByAQualifiedBidder() {
        Procurement p = opened(plan("p-1", Procedure.OPEN, null, null), List.of(bid("1", "Ett AB", "556036-0793", 400_000L, true),
                bid("2", "Två AB", null, 300_000L, false), bid("3", "Tre AB", null, 450_000L, true))).evaluate();
        // LOU 16 kap. 1 §: a company that never bid is awarded nothing
        RuleViolation stranger = assertThrows(RuleViolation.class,
                () -> Awards.decide(p, proposal(new Award.Supplier("Främling AB", null, 1), Money.kronor(450_000)), null, null));
        assertEquals("award-not-a-bid", stranger.rule());
        assertEquals("award-not-a-bid", assertThrows(RuleViolation.class,
                () -> Awards.decide(p, proposal(new Award.Supplier(null, null, 1, "9"), null), null, null)).rule());
        assertEquals("award-bid-not-qualified", assertThrows(RuleViolation.class,
                () -> Awards.decide(p, proposal(new Award.Supplier("Två AB", null, 1), null), null, null)).rule());
        // found by organisation number, however it is spelled
        Award byOrg = Awards.decide(p, proposal(new Award.Supplier("Ett", "5560360793", 1), null), null, null);
        assertEquals("1", byOrg.suppliers().get(0).bidId());
        assertEquals("Ett AB", byOrg.suppliers().get(0).name(), "the bidder's own name");
    }

    @Test
    void anAwardFollowsTheEvaluationUnlessAJustificationIsRecorded() {
        Procurement p = opened(plan("p-2", Procedure.OPEN, null, null), List.of(bid("1", "Dyr AB", null, 500_000L, true),
                bid("2", "Billig AB", null, 400_000L, true))).evaluate();
        assertEquals("2", p.evaluation().get(0).bidId());
        RuleViolation second = assertThrows(RuleViolation.class,
                () -> Awards.decide(p, proposal(new Award.Supplier("Dyr AB", null, 1), null), null, null));
        assertEquals("award-not-first-ranked", second.rule());
        assertTrue(second.getMessage().contains("Billig AB"), second.getMessage());
        Award justified = Awards.decide(p, new Award(List.of(new Award.Supplier("Dyr AB", null, 1)), null, D179, DAY, true, null, null,
                "Billig AB återkallade sitt anbud före tilldelningen.", null, List.of()), null, null);
        assertEquals("Billig AB återkallade sitt anbud före tilldelningen.", justified.justification());
    }

    @Test
    void theValueIsTheBidsPriceUnlessAnotherIsStatedWithAReason() {
        Procurement p = opened(plan("p-3", Procedure.OPEN, null, null), List.of(bid("1", "Ett AB", null, 500_000L, true))).evaluate();
        RuleViolation nobodyBid = assertThrows(RuleViolation.class,
                () -> Awards.decide(p, proposal(new Award.Supplier("Ett AB", null, 1), Money.kronor(650_000)), null, null));
        assertEquals("award-value-differs", nobodyBid.rule());
        assertEquals(Money.kronor(500_000), Awards.decide(p, proposal(new Award.Supplier("Ett AB", null, 1), Money.kronor(500_000)), null, null).value());
        Award reasoned = Awards.decide(p, new Award(List.of(new Award.Supplier("Ett AB", null, 1)), Money.kronor(650_000), D179, DAY, true,
                null, "Optionen för montering avropas samtidigt.", null, null, List.of()), null, null);
        assertEquals(Money.kronor(650_000), reasoned.value());
        assertThrows(InvalidInput.class, () -> Awards.decide(p, proposal(new Award.Supplier("Ett AB", null, 1), Money.kronor(0)), null, null));
    }

    @Test
    void anAwardValueAboveTheRegimesThresholdIsFlaggedNotRefused() {
        Procurement p = opened(plan("p-4", Procedure.OPEN, Money.kronor(1_000_000), null), List.of(bid("1", "Ett AB", null, 2_500_000L, true))).evaluate();
        Regime regime = Regime.of(p.valueForThresholds(), p.procedure(), p.category(), p.regimeDay(), Threshold.defaults());
        assertEquals(Regime.Kind.NATIONAL, regime.regime());
        Award a = Awards.decide(p, proposal(new Award.Supplier("Ett AB", null, 1), null), regime, null);
        assertEquals(1, a.warnings().size());
        assertTrue(a.warnings().get(0).contains("2 389 585 kr"), a.warnings().toString());
    }

    static Procurement direct(String id, long kronor, String kind) {
        Procurement p = plan(id, Procedure.DIRECT_AWARD, null, kind);
        assertTrue(p.allowedNext().contains(ProcurementState.BIDS_OPENED), "a direct award asks for offers without advertising");
        return p.openBids(List.of(bid("1", "Leverantör AB", null, kronor, true)));
    }

    static Awards.DirectLimit limit(long earlier) {
        return new Awards.DirectLimit(Money.kronor(700_000), Money.kronor(earlier), 2024, "goods");
    }

    static Award directProposal(Award.DirectAward basis) {
        return new Award(List.of(new Award.Supplier("Leverantör AB", null, 1)), null, D179, DAY, true, null, null, null, basis, List.of());
    }

    @ParameterizedTest(name = "{0} kr after {1} kr of the same kind: {2}")
    @CsvSource({
            // LOU 19 kap. 8 §: below the limit in force (700 000 kr in 2024), counting earlier direct purchases of the kind
            "800000, 0, direct-award-over-limit", "3000000, 0, direct-award-over-limit", "700000, 0, direct-award-over-limit",
            "650000, 100000, direct-award-over-limit", "699999, 0, ok", "550000, 100000, ok",
            // LOU 19 kap. 30 §: above 100 000 kr the documentation is required (given here)
            "100001, 0, ok"})
    void aDirectAwardStaysBelowItsLimit(long kronor, long earlier, String outcome) {
        Procurement p = direct("d-" + kronor, kronor, null);
        Award.DirectAward documented = new Award.DirectAward("Tre offerter inhämtade; lägst pris.", null, null);
        if (outcome.equals("ok")) {
            Award a = Awards.decide(p, directProposal(documented), null, limit(earlier));
            assertNull(a.standstillEnd(), "no mandatory standstill for a direct award (LOU 20 kap. 2 §)");
            Procurement awarded = p.awarded(a);
            assertEquals(ProcurementState.CONTRACTED, awarded.contracted(DAY, DAY).state(), "signed the day it is awarded");
            assertEquals("signed-before-award", assertThrows(RuleViolation.class, () -> awarded.contracted(DAY.minusDays(1), DAY)).rule());
        } else {
            RuleViolation e = assertThrows(RuleViolation.class, () -> Awards.decide(p, directProposal(documented), null, limit(earlier)));
            assertEquals(outcome, e.rule());
            assertEquals(earlier * 100 + kronor * 100, e.details().get("total"));
        }
    }

    @Test
    void aboveTheLimitOnlyOnARecordedLegalGroundAndOver100000KronorOnlyDocumented() {
        Procurement big = direct("d-big", 3_000_000, null);
        // LOU 6 kap. 15 §: synnerlig brådska, recorded with its reason
        Award grounded = Awards.decide(big, directProposal(new Award.DirectAward("Vattenläcka i skolan.", "LOU 6 kap. 15 §",
                "Synnerlig brådska: skolan stängd efter vattenskada.")), null, limit(0));
        assertEquals("LOU 6 kap. 15 §", grounded.directAward().legalGround());
        assertEquals("direct-award-over-limit", assertThrows(RuleViolation.class, () -> Awards.decide(big,
                directProposal(new Award.DirectAward("x", "LOU 6 kap. 15 §", " ")), null, limit(0))).rule(), "a ground with no reason is none");
        Procurement small = direct("d-small", 150_000, null);
        assertEquals("direct-award-undocumented", assertThrows(RuleViolation.class,
                () -> Awards.decide(small, directProposal(null), null, limit(0))).rule());
        Procurement tiny = direct("d-tiny", 100_000, null);
        assertEquals(Money.kronor(100_000), Awards.decide(tiny, directProposal(null), null, limit(0)).value(), "100 000 kr needs no documentation");
    }

    @Test
    void pointsPerCriterionAreRecordedAsTheProtocolGivesThem() {
        Procurement p = Procurement.ofPlan("p-5", "5", "T", null, "Umeå kommun", null, List.of(), Procurement.Type.CONTRACT, Procedure.OPEN,
                Category.SERVICES, null, null, null, LocalDate.of(2024, 3, 1), null, null, List.of(), null, EvaluationBasis.BEST_PRICE_QUALITY,
                List.of(new Criterion("pris", 60), new Criterion("kvalitet", 40)), false, List.of(), List.of()).planned(DAY);
        Procurement o = opened(p, List.of(bid("1", "A AB", null, 100L, true), bid("2", "B AB", null, 120L, true), bid("3", "C AB", null, 90L, false)));
        Procurement e = o.evaluateByPoints(Map.of("1", Map.of("pris", new BigDecimal("60"), "kvalitet", new BigDecimal("20")),
                "2", Map.of("pris", new BigDecimal("50"), "kvalitet", new BigDecimal("35"))));
        assertEquals(Evaluation.Method.POINTS, e.evaluationMethod());
        assertEquals(List.of("2", "1"), e.evaluation().stream().map(Evaluation.Result::bidId).toList());
        assertEquals(0, new BigDecimal("85").compareTo(e.evaluation().get(0).total()));
        assertEquals(new BigDecimal("35"), e.evaluation().get(0).points().get("kvalitet"));
        // every qualified bid, every criterion, within its weight; no unqualified bid
        assertThrows(InvalidInput.class, () -> o.evaluateByPoints(Map.of("1", Map.of("pris", BigDecimal.TEN, "kvalitet", BigDecimal.TEN))));
        assertThrows(InvalidInput.class, () -> o.evaluateByPoints(Map.of("1", Map.of("pris", BigDecimal.TEN), "2", Map.of("pris", BigDecimal.TEN))));
        assertThrows(InvalidInput.class, () -> o.evaluateByPoints(Map.of("1", Map.of("pris", new BigDecimal("61"), "kvalitet", BigDecimal.ONE),
                "2", Map.of("pris", BigDecimal.ONE, "kvalitet", BigDecimal.ONE))));
        assertEquals("evaluation-unqualified-bid", assertThrows(RuleViolation.class, () -> o.evaluateByPoints(Map.of(
                "3", Map.of("pris", BigDecimal.ONE, "kvalitet", BigDecimal.ONE)))).rule());
        assertThrows(InvalidInput.class, () -> o.evaluateByJury("2", " "), "a jury gives its reasons");
        assertEquals("evaluation-unqualified-bid", assertThrows(RuleViolation.class, () -> o.evaluateByJury("3", "billigast")).rule());
        assertThrows(InvalidInput.class, () -> o.evaluateByJury("9", "finns inte"));
    }
}
