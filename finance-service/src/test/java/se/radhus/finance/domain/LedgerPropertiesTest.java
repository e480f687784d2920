package se.radhus.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

/** Random sequences of operations: refused or not, the ledger never goes below zero, and balances add up. */
class LedgerPropertiesTest {

    record Op(int kind, int year, long kronor, int hold, boolean pre) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(2024, 2027),
                Arbitraries.longs().between(1, 2_000_000), Arbitraries.integers().between(0, 7), Arbitraries.of(true, false))
                .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void neverBelowZeroAndBalancesAreTheSumOfEntries(@ForAll("operations") List<Op> ops) {
        List<Entry> ledger = new ArrayList<>();
        int n = 0;
        for (Op op : ops) {
            var p = new FundsControl.Posting("p" + (++n), "k" + n, Instant.EPOCH, LocalDate.of(2024, 1, 1).plusDays(n),
                    new DecisionRef("ks", LocalDate.of(2024, 1, 1), 1, null), "SEK");
            String hold = "h" + op.hold();
            List<YearAmount> amounts = List.of(new YearAmount(op.year(), Money.kronor(op.kronor())));
            try {
                ledger.addAll(switch (op.kind()) {
                    case 0 -> FundsControl.allocate(ledger, p, op.year(), Money.kronor(op.kronor()));
                    case 1 -> FundsControl.reserve(ledger, p, hold + "-r" + n, amounts, op.pre());
                    case 2 -> FundsControl.commit(ledger, p, hold + "-c" + n, amounts, op.pre() ? null : reservationOf(ledger, op.hold()), op.pre());
                    case 3 -> FundsControl.release(ledger, p, anyHold(ledger, op.hold()));
                    case 4 -> FundsControl.pay(ledger, p, anyHold(ledger, op.hold()), op.year(), Money.kronor(op.kronor() / 10 + 1));
                    default -> FundsControl.reverse(ledger, p, ledger.isEmpty() ? "none" : ledger.get(op.hold() % ledger.size()).id(), "fel belopp");
                });
            } catch (RuleViolation | se.radhus.common.domain.InvalidInput refused) {
                // refused operations write nothing
            }
            check(ledger);
        }
    }

    static String reservationOf(List<Entry> ledger, int i) {
        List<String> holds = ledger.stream().filter(e -> e.kind() == EntryKind.RESERVATION).map(Entry::holdId).distinct().toList();
        return holds.isEmpty() ? null : holds.get(i % holds.size());
    }

    static String anyHold(List<Entry> ledger, int i) {
        List<String> holds = ledger.stream().map(Entry::holdId).filter(h -> h != null).distinct().toList();
        return holds.isEmpty() ? "none" : holds.get(i % holds.size());
    }

    /** An independent, naive sum per year and kind, and the invariants. */
    static void check(List<Entry> ledger) {
        Map<Integer, long[]> naive = new HashMap<>();
        for (Entry e : ledger) {
            long[] s = naive.computeIfAbsent(e.year(), y -> new long[4]);
            long sign = (e.kind() == EntryKind.RELEASE || e.kind() == EntryKind.REVERSAL) ? -1 : 1;
            EntryKind k = sign < 0 ? e.releases() : e.kind();
            int slot = switch (k) {
                case ALLOCATION -> 0;
                case RESERVATION -> 1;
                case COMMITMENT -> 2;
                case PAYMENT -> 3;
                default -> throw new IllegalStateException();
            };
            s[slot] += sign * e.amount().ore();
        }
        for (YearBalance y : Ledger.balance(ledger, null, "SEK")) {
            long[] s = naive.get(y.year());
            assertEquals(s[0], y.appropriated().ore());
            assertEquals(s[1] + s[2], y.reserved().ore() + y.committed().ore() + y.preCommitted().ore());
            assertEquals(s[3], y.paid().ore());
            assertTrue(y.remaining().ore() >= 0, "remaining below zero in " + y.year());
            assertTrue(y.reserved().ore() >= 0 && y.committed().ore() >= 0 && y.paid().ore() >= 0, y.toString());
            if (y.appropriated().ore() > 0) {
                assertEquals(y.appropriated().ore() - y.reserved().ore() - y.committed().ore(), y.remaining().ore());
            }
        }
    }
}
