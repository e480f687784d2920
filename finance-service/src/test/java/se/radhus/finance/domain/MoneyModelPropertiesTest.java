package se.radhus.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

/**
 * Funds control against a naive model: random sequences of reserve, commit (fresh or from a reservation),
 * pay, reverse (a payment or an allocation) and cancel (release), one day after another. After every step
 * the ledger accepted exactly what the model accepts, and its balance is the model's, year by year. The
 * payments are aimed at commitments that can take them, so that most are accepted and the pay path is
 * exercised: at least half of all payments tried are accepted (checked over the whole run).
 */
class MoneyModelPropertiesTest {

    static final AtomicLong PAYMENTS = new AtomicLong();
    static final AtomicLong PAID = new AtomicLong();

    /** kind: 0 reserve, 1 commit, 2 commit a reservation, 3 pay, 4 reverse a payment, 5 reverse an allocation, 6 cancel. */
    record Op(int kind, int year, long kronor, int pick, int percent) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> kind = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(12, 0), net.jqwik.api.Tuple.of(22, 1), net.jqwik.api.Tuple.of(8, 2), net.jqwik.api.Tuple.of(35, 3),
                net.jqwik.api.Tuple.of(9, 4), net.jqwik.api.Tuple.of(4, 5), net.jqwik.api.Tuple.of(10, 6));
        Arbitrary<Op> op = Combinators.combine(kind, Arbitraries.integers().between(2024, 2025), Arbitraries.longs().between(1, 400_000),
                Arbitraries.integers().between(0, 1_000), Arbitraries.integers().between(1, 110)).as(Op::new);
        return op.list().ofMinSize(10).ofMaxSize(80);
    }

    /** What the naive model knows of a hold: one year, opened as a reservation or a commitment. */
    static final class Hold {
        final String id;
        final int year;
        final boolean commitment;
        long open;
        long paid;

        Hold(String id, int year, boolean commitment, long open) {
            this.id = id;
            this.year = year;
            this.commitment = commitment;
            this.open = open;
        }
    }

    static final class Model {
        final Map<Integer, Long> appropriated = new HashMap<>(Map.of(2024, 1_000_000_00L, 2025, 600_000_00L));
        final Map<String, Hold> holds = new LinkedHashMap<>();
        final List<String> allocations = new ArrayList<>();
        final Map<String, long[]> payments = new LinkedHashMap<>(); // entry id -> {year, ore}
        final java.util.Set<String> reversed = new java.util.HashSet<>();

        long used(int year) {
            return holds.values().stream().filter(h -> h.year == year).mapToLong(h -> h.open).sum();
        }

        long remaining(int year) {
            return appropriated.get(year) - used(year);
        }

        long paid(int year) {
            return holds.values().stream().filter(h -> h.year == year).mapToLong(h -> h.paid).sum();
        }

        long reserved(int year) {
            return holds.values().stream().filter(h -> h.year == year && !h.commitment).mapToLong(h -> h.open).sum();
        }

        long committed(int year) {
            return holds.values().stream().filter(h -> h.year == year && h.commitment).mapToLong(h -> h.open).sum();
        }
    }

    @Property(tries = 400)
    void theLedgerAcceptsWhatTheModelAcceptsAndBalancesAsItDoes(@ForAll("operations") List<Op> ops) {
        List<Entry> ledger = new ArrayList<>();
        Model model = new Model();
        LocalDate day = LocalDate.of(2024, 1, 1);
        int n = 0;
        for (int year : List.of(2024, 2025)) {
            List<Entry> opened = FundsControl.allocate(ledger, posting(++n, day), year, new Money(model.appropriated.get(year), "SEK"));
            ledger.addAll(opened);
            model.allocations.add(opened.get(0).id());
        }
        for (Op op : ops) {
            day = day.plusDays(op.pick() % 3);
            FundsControl.Posting p = posting(++n, day);
            long ore = op.kronor() * 100;
            boolean expected = false;
            List<Entry> written;
            try {
                switch (op.kind()) {
                    case 0 -> {
                        expected = ore <= model.remaining(op.year());
                        written = FundsControl.reserve(ledger, p, "h" + n, List.of(new YearAmount(op.year(), new Money(ore, "SEK"))), false);
                        model.holds.put("h" + n, new Hold("h" + n, op.year(), false, ore));
                    }
                    case 1, 2 -> {
                        Hold from = op.kind() == 2 ? pick(model.holds.values().stream().filter(h -> !h.commitment && h.open > 0).toList(), op.pick())
                                : null;
                        int year = from == null ? op.year() : from.year;
                        expected = ore <= model.remaining(year) + (from == null ? 0 : from.open);
                        written = FundsControl.commit(ledger, p, "h" + n, List.of(new YearAmount(year, new Money(ore, "SEK"))),
                                from == null ? null : from.id, false);
                        if (from != null) {
                            from.open = 0;
                        }
                        model.holds.put("h" + n, new Hold("h" + n, year, true, ore));
                    }
                    case 3 -> {
                        PAYMENTS.incrementAndGet();
                        List<Hold> payable = model.holds.values().stream().filter(h -> h.commitment && h.open > h.paid).toList();
                        Hold h = payable.isEmpty() ? pick(List.copyOf(model.holds.values()), op.pick()) : pick(payable, op.pick());
                        if (h == null) {
                            expected = false;
                            written = FundsControl.pay(ledger, p, "none", op.year(), new Money(ore, "SEK"));
                        } else {
                            long unpaid = h.commitment ? h.open - h.paid : 0;
                            // mostly a share of what is unpaid; above 100 % it is more than that, and refused
                            long amount = Math.max(1, unpaid * op.percent() / 100);
                            expected = h.commitment && amount <= unpaid;
                            written = FundsControl.pay(ledger, p, h.id, h.year, new Money(amount, "SEK"));
                            h.paid += amount;
                            model.payments.put(written.get(0).id(), new long[] {h.year, amount});
                            PAID.incrementAndGet();
                        }
                    }
                    case 4 -> {
                        List<String> open = model.payments.keySet().stream().filter(id -> !model.reversed.contains(id)).toList();
                        String id = open.isEmpty() ? "none" : open.get(op.pick() % open.size());
                        expected = !open.isEmpty();
                        written = FundsControl.reverse(ledger, p, id, "fel utbetalning");
                        Entry original = ledger.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
                        model.holds.get(original.holdId()).paid -= original.amount().ore();
                        model.reversed.add(id);
                    }
                    case 5 -> {
                        String id = model.allocations.get(op.pick() % model.allocations.size());
                        Entry original = ledger.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
                        expected = !model.reversed.contains(id) && model.used(original.year()) <= model.appropriated.get(original.year())
                                - original.amount().ore();
                        written = FundsControl.reverse(ledger, p, id, "fel år");
                        model.appropriated.merge(original.year(), -original.amount().ore(), Long::sum);
                        model.reversed.add(id);
                    }
                    default -> {
                        Hold h = pick(List.copyOf(model.holds.values()), op.pick());
                        expected = h != null && h.open - (h.commitment ? h.paid : 0) > 0;
                        written = FundsControl.release(ledger, p, h == null ? "none" : h.id);
                        h.open = h.commitment ? h.paid : 0;
                    }
                }
            } catch (RuleViolation | InvalidInput refused) {
                assertTrue(!expected, "refused, but the model accepts " + op + ": " + refused.getMessage());
                check(ledger, model);
                continue;
            }
            assertTrue(expected, "accepted, but the model refuses " + op);
            ledger.addAll(written);
            check(ledger, model);
        }
    }

    static <T> T pick(List<T> from, int i) {
        return from.isEmpty() ? null : from.get(i % from.size());
    }

    static FundsControl.Posting posting(int n, LocalDate day) {
        return new FundsControl.Posting("p" + n, "k" + n, Instant.EPOCH, day, new DecisionRef("ks", LocalDate.of(2024, 1, 1), 1, null), "SEK");
    }

    static void check(List<Entry> ledger, Model model) {
        for (YearBalance y : Ledger.balance(ledger, null, "SEK")) {
            int year = y.year();
            assertEquals(model.appropriated.get(year), y.appropriated().ore(), "appropriated " + year);
            assertEquals(model.reserved(year), y.reserved().ore(), "reserved " + year);
            assertEquals(model.committed(year), y.committed().ore(), "committed " + year);
            assertEquals(model.paid(year), y.paid().ore(), "paid " + year);
            assertEquals(model.remaining(year), y.remaining().ore(), "remaining " + year);
            assertTrue(y.paid().ore() <= y.committed().ore() && y.committed().ore() + y.reserved().ore() <= y.appropriated().ore(), y.toString());
        }
    }

    @AfterProperty
    void atLeastHalfThePaymentsTriedWereAccepted() {
        long tried = PAYMENTS.getAndSet(0);
        long accepted = PAID.getAndSet(0);
        assertTrue(tried > 100, "payments tried: " + tried);
        assertTrue(accepted * 2 >= tried, accepted + " of " + tried + " payments accepted");
    }
}
