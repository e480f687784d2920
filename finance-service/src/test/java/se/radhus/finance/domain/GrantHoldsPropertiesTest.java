package se.radhus.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.money.Money;

/**
 * Grants whose ids share prefixes ({@code a-pp}, {@code a-pp-1}, {@code a-pp-1-2} …), each with recipients
 * committed and paid in one ledger: every grant's paid is its own payments and nobody else's, every hold
 * names its own grant, and no two grants share a hold.
 */
class GrantHoldsPropertiesTest {

    @Provide
    Arbitrary<List<String>> prefixIds() {
        Arbitrary<String> stem = Arbitraries.strings().withChars("abcp").ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> tail = Arbitraries.of("", "-1", "-2", "-11", "-1-1", "-1-c", "-c", "-pp", "-pp-1", "-1-2-3");
        return stem.flatMap(s -> tail.map(t -> s + t)).list().ofMinSize(2).ofMaxSize(8).uniqueElements()
                .flatMap(ids -> Arbitraries.of("", "-1", "-12").map(extra -> withChildren(ids, extra)));
    }

    static List<String> withChildren(List<String> ids, String extra) {
        Set<String> out = new LinkedHashSet<>(ids);
        for (String id : ids) {
            out.add(id + "-1" + extra);
        }
        return List.copyOf(out);
    }

    @Property(tries = 300)
    void eachGrantCountsItsOwnPaymentsExactly(@ForAll("prefixIds") List<String> ids, @ForAll("payments") List<Integer> pays) {
        List<Entry> ledger = new ArrayList<>();
        var d = new DecisionRef("ks", LocalDate.of(2024, 5, 21), 1, null);
        int[] n = {0};
        java.util.function.Supplier<FundsControl.Posting> p = () -> new FundsControl.Posting("p" + ++n[0], "k" + n[0], Instant.EPOCH,
                LocalDate.of(2024, 6, 1), d, "SEK");
        ledger.addAll(FundsControl.allocate(ledger, p.get(), 2024, Money.kronor(10_000_000)));
        List<Grant> grants = new ArrayList<>();
        for (String id : ids) {
            List<Grant.Recipient> recipients = new ArrayList<>();
            for (int r = 0; r < 12; r++) {
                recipients.add(new Grant.Recipient("R" + r, List.of(new YearAmount(2024, Money.kronor(1_000)))));
            }
            Grant g = new Grant(id, "a", null, recipients, null, Grant.ConditionStatus.NONE, Grant.Status.COMMITTED, d);
            grants.add(g);
            for (int r = 0; r < recipients.size(); r++) {
                ledger.addAll(FundsControl.commit(ledger, p.get(), g.holdId(r), recipients.get(r).amounts(), null, false));
            }
        }
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < pays.size(); i++) {
            Grant g = grants.get(pays.get(i) % grants.size());
            int r = pays.get(i) % 12;
            long unpaid = FundsControl.unpaid(ledger, g.holdId(r), 2024, null);
            if (unpaid >= 10_00) {
                ledger.addAll(FundsControl.pay(ledger, p.get(), g.holdId(r), 2024, Money.kronor(10)));
                expected.merge(g.id(), 10_00L, Long::sum);
            }
        }
        Set<String> seen = new java.util.HashSet<>();
        for (Grant g : grants) {
            assertEquals(expected.getOrDefault(g.id(), 0L), g.paidFrom(ledger), g.id() + " among " + ids);
            for (String hold : g.holds()) {
                assertTrue(seen.add(hold), hold + " is held twice");
                assertEquals(Optional.of(g.id()), Grant.idOfHold(hold));
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> payments() {
        return Arbitraries.integers().between(0, 10_000).list().ofMaxSize(60);
    }
}
