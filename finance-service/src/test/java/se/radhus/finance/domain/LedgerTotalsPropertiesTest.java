package se.radhus.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

/**
 * The running totals answer what the entries answer: the balance as of every day, and every funds-control
 * decision when it is taken on the compact ledger (totals plus the entries of the holds the operation reads)
 * instead of the whole one. Operations are back-dated and future-dated, over several years, with
 * pre-commitments, releases, payments and reversals.
 */
class LedgerTotalsPropertiesTest {

    record Op(int kind, int year, long kronor, int hold, boolean pre, int day) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(2024, 2026),
                Arbitraries.longs().between(1, 2_000_000), Arbitraries.integers().between(0, 7), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 60)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(60);
    }

    /** An operation on a ledger, or its refusal, described so that two runs can be compared. */
    static String outcome(Function<List<Entry>, List<Entry>> op, List<Entry> ledger) {
        try {
            return op.apply(ledger).stream().map(e -> e.kind() + "/" + e.year() + "/" + e.amount().ore() + "/" + e.releases()
                    + "/" + e.preCommitment()).toList().toString();
        } catch (RuleViolation | InvalidInput refused) {
            return "refused " + (refused instanceof RuleViolation r ? r.rule() : "input");
        }
    }

    @Property(tries = 300)
    void fundsControlDecidesOnTheTotalsAsOnTheWholeLedger(@ForAll("operations") List<Op> ops) {
        List<Entry> ledger = new ArrayList<>();
        LedgerTotals totals = new LedgerTotals();
        int n = 0;
        for (Op op : ops) {
            n++;
            LocalDate day = LocalDate.of(2024, 1, 1).plusDays(op.day() * 7L);
            var p = new FundsControl.Posting("p" + n, "k" + n, Instant.EPOCH, day, new DecisionRef("ks", LocalDate.of(2024, 1, 1), 1, null), "SEK");
            String hold = switch (op.kind()) {
                case 1 -> "h" + op.hold() + "-r" + n;
                case 2 -> "h" + op.hold() + "-c" + n;
                case 3, 4 -> LedgerPropertiesTest.anyHold(ledger, op.hold());
                default -> null;
            };
            String reservation = op.kind() == 2 && !op.pre() ? LedgerPropertiesTest.reservationOf(ledger, op.hold()) : null;
            String reversed = ledger.isEmpty() ? "none" : ledger.get(op.hold() % ledger.size()).id();
            List<YearAmount> amounts = List.of(new YearAmount(op.year(), Money.kronor(op.kronor())));
            Function<List<Entry>, List<Entry>> operation = l -> switch (op.kind()) {
                case 0 -> FundsControl.allocate(l, p, op.year(), Money.kronor(op.kronor()));
                case 1 -> FundsControl.reserve(l, p, hold, amounts, op.pre());
                case 2 -> FundsControl.commit(l, p, hold, amounts, reservation, op.pre());
                case 3 -> FundsControl.release(l, p, hold);
                case 4 -> FundsControl.pay(l, p, hold, op.year(), Money.kronor(op.kronor() / 10 + 1));
                default -> FundsControl.reverse(l, p, reversed, "fel belopp");
            };
            // what the operation reads: its holds, the entry it reverses and that entry's reversals
            List<Entry> known = ledger.stream().filter(e -> e.holdId() != null && (e.holdId().equals(hold) || e.holdId().equals(reservation))
                    || e.id().equals(reversed) || reversed.equals(e.reverses())).toList();
            String whole = outcome(operation, ledger);
            assertEquals(whole, outcome(operation, totals.compact(known, day, "SEK")), "operation " + n + " " + op);
            if (!whole.startsWith("refused")) {
                List<Entry> added = operation.apply(ledger);
                ledger.addAll(added);
                added.forEach(totals::add);
            }
            LedgerPropertiesTest.check(ledger);
        }
        for (int d = -1; d <= 430; d += 3) {
            LocalDate asOf = LocalDate.of(2024, 1, 1).plusDays(d);
            assertEquals(Ledger.balance(ledger, asOf, "SEK"), totals.balance(asOf, "SEK"), "as of " + asOf);
        }
        assertEquals(Ledger.balance(ledger, null, "SEK"), totals.balance(null, "SEK"));
        assertEquals(Ledger.balance(ledger, null, "SEK"), totals.copy().balance(null, "SEK"));
    }

    @Property(tries = 200)
    void theCompactLedgerHasTheWholeLedgersBalanceFromTheDayBefore(@ForAll("operations") List<Op> ops,
                                                                  @ForAll("days") int fromDay) {
        List<Entry> ledger = new ArrayList<>();
        int n = 0;
        for (Op op : ops) {
            n++;
            var p = new FundsControl.Posting("p" + n, "k" + n, Instant.EPOCH, LocalDate.of(2024, 1, 1).plusDays(op.day() * 5L), null, "SEK");
            try {
                ledger.addAll(switch (op.kind() % 3) {
                    case 0 -> FundsControl.allocate(ledger, p, op.year(), Money.kronor(op.kronor()));
                    case 1 -> FundsControl.reserve(ledger, p, "h" + n, List.of(new YearAmount(op.year(), Money.kronor(op.kronor()))), op.pre());
                    default -> FundsControl.release(ledger, p, LedgerPropertiesTest.anyHold(ledger, op.hold()));
                });
            } catch (RuleViolation | InvalidInput refused) {
                // nothing written
            }
        }
        LocalDate from = LocalDate.of(2024, 1, 1).plusDays(fromDay);
        List<Entry> known = ledger.stream().filter(e -> e.holdId() != null && e.holdId().hashCode() % 2 == 0).toList();
        List<Entry> compact = LedgerTotals.of(ledger).compact(known, from, "SEK");
        for (int d = fromDay - 1; d <= 320; d += 2) {
            LocalDate asOf = LocalDate.of(2024, 1, 1).plusDays(d);
            assertEquals(Ledger.balance(ledger, asOf, "SEK").stream().filter(y -> !zero(y)).toList(),
                    Ledger.balance(compact, asOf, "SEK").stream().filter(y -> !zero(y)).toList(), "as of " + asOf);
        }
    }

    static boolean zero(YearBalance y) {
        return y.appropriated().isZero() && y.reserved().isZero() && y.committed().isZero() && y.paid().isZero() && y.preCommitted().isZero();
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 310);
    }
}
