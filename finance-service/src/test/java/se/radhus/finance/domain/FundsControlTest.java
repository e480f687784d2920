package se.radhus.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;
import se.radhus.common.money.SwedishFormat;

class FundsControlTest {

    static final AtomicInteger IDS = new AtomicInteger();
    static final DecisionRef NSSO = new DecisionRef("ks-nau", LocalDate.of(2024, 5, 21), 181, "KS-2024/00361");

    static FundsControl.Posting on(LocalDate day) {
        return new FundsControl.Posting("p" + IDS.incrementAndGet(), "key-" + IDS.get(), Instant.parse("2024-05-21T10:00:00Z"),
                day, NSSO, "SEK");
    }

    static List<Entry> tillvaxt() {
        List<Entry> ledger = new ArrayList<>();
        LocalDate jan1 = LocalDate.of(2024, 1, 1);
        ledger.addAll(FundsControl.allocate(ledger, on(jan1), 2024, Money.kronor(1_478_200)));
        ledger.addAll(FundsControl.allocate(ledger, on(jan1), 2025, Money.kronor(3_007_400)));
        ledger.addAll(FundsControl.allocate(ledger, on(jan1), 2026, Money.kronor(9_296_200)));
        return ledger;
    }

    static List<String> tkr(List<Entry> ledger, LocalDate asOf) {
        return Ledger.balance(ledger, asOf, "SEK").stream().map(y -> y.year() + " " + SwedishFormat.tkr(y.remaining())).toList();
    }

    static final List<YearAmount> NSSO_AMOUNTS = List.of(new YearAmount(2024, Money.kronor(20_000)),
            new YearAmount(2025, Money.kronor(100_000)), new YearAmount(2026, Money.kronor(100_000)),
            new YearAmount(2027, Money.kronor(80_000)));

    @Test
    void theNssoGrantOfParagraph181() {
        List<Entry> ledger = tillvaxt();
        assertEquals(List.of("2024 1 478,2 tkr", "2025 3 007,4 tkr", "2026 9 296,2 tkr"), tkr(ledger, LocalDate.of(2024, 4, 29)));
        ledger.addAll(FundsControl.commit(ledger, on(LocalDate.of(2024, 5, 21)), "grant-nsso", NSSO_AMOUNTS, null, true));
        assertEquals(List.of("2024 1 478,2 tkr", "2025 3 007,4 tkr", "2026 9 296,2 tkr"), tkr(ledger, LocalDate.of(2024, 5, 20)));
        List<YearBalance> after = Ledger.balance(ledger, LocalDate.of(2024, 5, 21), "SEK");
        assertEquals(List.of("2024 1 458,2 tkr", "2025 2 907,4 tkr", "2026 9 196,2 tkr", "2027 0,0 tkr"), tkr(ledger, LocalDate.of(2024, 5, 21)));
        YearBalance y2027 = after.get(3);
        assertEquals(Money.kronor(80_000), y2027.preCommitted());
        assertEquals(Money.kronor(0), y2027.committed());
        assertTrue(ledger.stream().filter(e -> e.kind() == EntryKind.COMMITMENT).allMatch(e -> e.decision().equals(NSSO)));
    }

    @Test
    void aPreCommitmentCountsOnceTheYearHasItsAmount() {
        List<Entry> ledger = tillvaxt();
        ledger.addAll(FundsControl.commit(ledger, on(LocalDate.of(2024, 5, 21)), "grant-nsso", NSSO_AMOUNTS, null, true));
        ledger.addAll(FundsControl.allocate(ledger, on(LocalDate.of(2026, 11, 1)), 2027, Money.kronor(3_000_000)));
        YearBalance y2027 = Ledger.balance(ledger, null, "SEK").get(3);
        assertEquals(Money.kronor(80_000), y2027.committed());
        assertEquals(Money.kronor(2_920_000), y2027.remaining());
        assertEquals(Money.kronor(0), y2027.preCommitted());
    }

    @Test
    void aYearWithNoAmountTakesMoneyOnlyAsAnExplicitPreCommitment() {
        List<Entry> ledger = tillvaxt();
        RuleViolation e = assertThrows(RuleViolation.class, () -> FundsControl.commit(ledger, on(LocalDate.of(2024, 5, 21)),
                "grant-x", List.of(new YearAmount(2027, Money.kronor(1))), null, false));
        assertEquals("no-appropriation", e.rule());
    }

    @Test
    void overspendingIsRefusedNamingYearRemainingAndShortfall() {
        List<Entry> ledger = tillvaxt();
        FundsControl.InsufficientFunds e = assertThrows(FundsControl.InsufficientFunds.class, () -> FundsControl.reserve(ledger,
                on(LocalDate.of(2024, 5, 1)), "big", List.of(new YearAmount(2024, Money.kronor(1_500_000))), false));
        assertEquals(2024, e.year());
        assertEquals(Money.kronor(1_478_200), e.remaining());
        assertEquals(Money.kronor(21_800), e.shortfall());
        assertTrue(e.getMessage().contains("1 478 200 kr"), e.getMessage());
        // exactly what is left is fine
        ledger.addAll(FundsControl.reserve(ledger, on(LocalDate.of(2024, 5, 1)), "all", List.of(new YearAmount(2024, Money.kronor(1_478_200))), false));
        assertEquals(Money.kronor(0), Ledger.balance(ledger, null, "SEK").get(0).remaining());
    }

    @Test
    void aReservationCommittedIsReleasedInTheSameStep() {
        List<Entry> ledger = tillvaxt();
        ledger.addAll(FundsControl.reserve(ledger, on(LocalDate.of(2024, 5, 14)), "draft-181", NSSO_AMOUNTS, true));
        assertEquals(Money.kronor(20_000), Ledger.balance(ledger, null, "SEK").get(0).reserved());
        ledger.addAll(FundsControl.commit(ledger, on(LocalDate.of(2024, 5, 21)), "grant-nsso", NSSO_AMOUNTS, "draft-181", true));
        YearBalance y2024 = Ledger.balance(ledger, null, "SEK").get(0);
        assertEquals(Money.kronor(0), y2024.reserved());
        assertEquals(Money.kronor(20_000), y2024.committed());
        assertEquals(Money.kronor(1_458_200), y2024.remaining());
        assertEquals(Money.kronor(80_000), Ledger.balance(ledger, null, "SEK").get(3).preCommitted());
    }

    @Test
    void aLapsedGrantGivesItsUnpaidMoneyBack() {
        List<Entry> ledger = tillvaxt();
        ledger.addAll(FundsControl.commit(ledger, on(LocalDate.of(2024, 5, 21)), "grant-nsso", NSSO_AMOUNTS, null, true));
        ledger.addAll(FundsControl.pay(ledger, on(LocalDate.of(2024, 6, 1)), "grant-nsso", 2024, Money.kronor(5_000)));
        assertThrows(RuleViolation.class, () -> FundsControl.pay(ledger, on(LocalDate.of(2024, 6, 1)), "grant-nsso", 2024, Money.kronor(15_001)));
        ledger.addAll(FundsControl.release(ledger, on(LocalDate.of(2024, 9, 1)), "grant-nsso"));
        List<YearBalance> b = Ledger.balance(ledger, null, "SEK");
        assertEquals(Money.kronor(5_000), b.get(0).committed());
        assertEquals(Money.kronor(1_473_200), b.get(0).remaining());
        assertEquals(Money.kronor(3_007_400), b.get(1).remaining());
        assertEquals(Money.kronor(0), b.get(3).preCommitted());
        assertThrows(RuleViolation.class, () -> FundsControl.release(ledger, on(LocalDate.of(2024, 9, 2)), "grant-nsso"));
    }

    @Test
    void aReversalCancelsAnAllocationOrAPaymentOnceFromItsOwnDayAndNeverOverdraws() {
        List<Entry> ledger = tillvaxt();
        String first = ledger.get(0).id();
        ledger.addAll(FundsControl.reserve(ledger, on(LocalDate.of(2024, 5, 1)), "r", List.of(new YearAmount(2024, Money.kronor(1_000))), false));
        // the whole of 2024's amount cannot be taken back while 1 000 kr of it is reserved
        assertThrows(FundsControl.InsufficientFunds.class, () -> FundsControl.reverse(ledger, on(LocalDate.of(2024, 5, 2)), first, "fel år"));
        // a reservation is a draft's hold: it is given back by its release, not corrected
        String reservation = ledger.get(ledger.size() - 1).id();
        RuleViolation hold = assertThrows(RuleViolation.class, () -> FundsControl.reverse(ledger, on(LocalDate.of(2024, 5, 2)), reservation, "x"));
        assertEquals("reverse-hold", hold.rule());
        // a payment made wrongly is reversed, once, from its own day: the balance before that day stays as it was
        ledger.addAll(FundsControl.commit(ledger, on(LocalDate.of(2024, 5, 21)), "grant-g-1", List.of(new YearAmount(2024, Money.kronor(20_000))),
                null, false));
        ledger.addAll(FundsControl.pay(ledger, on(LocalDate.of(2024, 6, 3)), "grant-g-1", 2024, Money.kronor(20_000)));
        String payment = ledger.get(ledger.size() - 1).id();
        List<YearBalance> before = Ledger.balance(ledger, LocalDate.of(2024, 6, 30), "SEK");
        var blank = assertThrows(se.radhus.common.domain.InvalidInput.class,
                () -> FundsControl.reverse(ledger, on(LocalDate.of(2024, 7, 1)), payment, " "));
        assertEquals("reason", blank.errors().get(0).field());
        RuleViolation early = assertThrows(RuleViolation.class, () -> FundsControl.reverse(ledger, on(LocalDate.of(2024, 6, 2)), payment, "dubbel"));
        assertEquals("reversal-before-original", early.rule());
        List<Entry> reversal = FundsControl.reverse(ledger, on(LocalDate.of(2024, 7, 1)), payment, "utbetald till fel förening");
        assertEquals(1, reversal.size());
        assertEquals(EntryKind.REVERSAL, reversal.get(0).kind());
        assertEquals(payment, reversal.get(0).reverses());
        assertEquals(EntryKind.PAYMENT, reversal.get(0).releases());
        assertEquals("utbetald till fel förening", reversal.get(0).reason());
        ledger.addAll(reversal);
        assertTrue(ledger.stream().anyMatch(e -> e.id().equals(payment)), "the original stays");
        assertEquals(before, Ledger.balance(ledger, LocalDate.of(2024, 6, 30), "SEK"), "as of a day before the reversal: unchanged");
        assertEquals(Money.kronor(0), Ledger.balance(ledger, LocalDate.of(2024, 7, 1), "SEK").get(0).paid());
        RuleViolation twice = assertThrows(RuleViolation.class, () -> FundsControl.reverse(ledger, on(LocalDate.of(2024, 7, 2)), payment, "igen"));
        assertEquals("already-reversed", twice.rule());
        RuleViolation ofReversal = assertThrows(RuleViolation.class,
                () -> FundsControl.reverse(ledger, on(LocalDate.of(2024, 7, 2)), reversal.get(0).id(), "tillbaka"));
        assertEquals("reverse-reversal", ofReversal.rule());
        assertEquals("entry-missing", assertThrows(RuleViolation.class,
                () -> FundsControl.reverse(ledger, on(LocalDate.of(2024, 7, 2)), "none", "x")).rule());
    }

    @Test
    void everyDayKeepsPaidWithinCommittedWithinAppropriated() {
        List<Entry> ledger = new ArrayList<>();
        // 2024's money is appropriated from 1 June
        ledger.addAll(FundsControl.allocate(ledger, on(LocalDate.of(2024, 6, 1)), 2024, Money.kronor(100_000)));
        // a commitment back-dated before the money existed would leave May committed against nothing
        var beforeMoney = assertThrows(FundsControl.InsufficientFunds.class, () -> FundsControl.commit(ledger, on(LocalDate.of(2024, 5, 15)),
                "grant-early-1", List.of(new YearAmount(2024, Money.kronor(10_000))), null, false));
        assertTrue(beforeMoney.getMessage().contains("as of 2024-05-15"), beforeMoney.getMessage());
        ledger.addAll(FundsControl.commit(ledger, on(LocalDate.of(2024, 6, 10)), "grant-g-1", List.of(new YearAmount(2024, Money.kronor(10_000))),
                null, false));
        // a payment dated before its commitment counts: paid against nothing committed that day
        RuleViolation early = assertThrows(RuleViolation.class,
                () -> FundsControl.pay(ledger, on(LocalDate.of(2024, 6, 9)), "grant-g-1", 2024, Money.kronor(1)));
        assertEquals("payment-before-commitment", early.rule());
        assertTrue(early.getMessage().contains("2024-06-10"), early.getMessage());
        ledger.addAll(FundsControl.pay(ledger, on(LocalDate.of(2024, 6, 10)), "grant-g-1", 2024, Money.kronor(10_000)));
        // taking the year's money back would leave its commitment standing against nothing
        assertThrows(FundsControl.InsufficientFunds.class, () -> FundsControl.reverse(ledger, on(LocalDate.of(2024, 6, 20)),
                ledger.get(0).id(), "fel"));
        for (LocalDate d = LocalDate.of(2024, 5, 1); d.isBefore(LocalDate.of(2024, 7, 1)); d = d.plusDays(1)) {
            for (YearBalance y : Ledger.balance(ledger, d, "SEK")) {
                assertTrue(y.paid().ore() <= y.committed().ore() + y.preCommitted().ore(), d + " " + y);
                assertTrue(y.remaining().ore() >= 0, d + " " + y);
            }
        }
    }

    @Test
    void theMiljoskjutsenPaysSevenAssociations() {
        List<Entry> ledger = new ArrayList<>();
        ledger.addAll(FundsControl.allocate(ledger, on(LocalDate.of(2024, 1, 1)), 2024, Money.kronor(200_000)));
        for (int i = 1; i <= 7; i++) {
            ledger.addAll(FundsControl.commit(ledger, on(LocalDate.of(2024, 5, 21)), "miljoskjuts-" + i,
                    List.of(new YearAmount(2024, Money.kronor(20_024))), null, false));
        }
        assertEquals(Money.kronor(140_168), Ledger.balance(ledger, null, "SEK").get(0).committed());
        assertEquals("140 168 kr", Ledger.balance(ledger, null, "SEK").get(0).committed().display());
    }

    @Test
    void openingAllocatesEachYearOnItsDayOrOnNewYear() {
        Appropriation a = new Appropriation("ks-tillvaxt", "Tillväxt", "ks", "SEK");
        List<Entry> opening = FundsControl.open(a, List.of(java.util.Map.entry(2024, Money.kronor(100)),
                java.util.Map.entry(2025, Money.kronor(200))), null, NSSO, Instant.parse("2024-01-02T08:00:00Z"));
        assertEquals(2, opening.size());
        assertEquals(EntryKind.ALLOCATION, opening.get(0).kind());
        assertEquals(LocalDate.of(2025, 1, 1), opening.get(1).effectiveDate());
        assertEquals(NSSO, opening.get(1).decision());
        assertEquals(Money.kronor(200), opening.get(1).amount());
        List<Entry> dated = FundsControl.open(a, List.of(java.util.Map.entry(2024, Money.kronor(1))), LocalDate.of(2024, 5, 21),
                null, Instant.now());
        assertEquals(LocalDate.of(2024, 5, 21), dated.get(0).effectiveDate());
    }

    @Test
    void openingNamesEveryFaultAtOnce() {
        Appropriation bad = new Appropriation("Bad Id", "", "ks", "SEK");
        java.util.List<java.util.Map.Entry<Integer, Money>> amounts = new ArrayList<>();
        amounts.add(java.util.Map.entry(2024, Money.kronor(1)));
        amounts.add(java.util.Map.entry(2024, Money.kronor(2)));
        amounts.add(new java.util.AbstractMap.SimpleEntry<>(2025, null));
        var e = assertThrows(se.radhus.common.domain.InvalidInput.class, () -> FundsControl.open(bad, amounts, null, null, Instant.now()));
        var fields = e.errors().stream().map(se.radhus.common.domain.FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("id", "name", "amounts")), fields.toString());
        assertTrue(e.getMessage().contains("2024 appears twice") && e.getMessage().contains("a positive amount for 2025"), e.getMessage());
    }
}
