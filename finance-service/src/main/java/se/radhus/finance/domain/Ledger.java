package se.radhus.finance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.radhus.common.money.Money;

/** Balances are sums over the ledger: nothing is stored that the entries do not say. */
public final class Ledger {

    private Ledger() {
    }

    /** What the entries of one year add up to. */
    static final class Sums {
        long appropriated;
        long reserved;
        long committed;
        long paid;
        long preReserved;
        long preCommitted;

        void add(Entry e) {
            long ore = e.amount().ore();
            switch (e.kind()) {
                case ALLOCATION -> appropriated += ore;
                case RESERVATION -> {
                    if (e.preCommitment()) {
                        preReserved += ore;
                    } else {
                        reserved += ore;
                    }
                }
                case COMMITMENT -> {
                    if (e.preCommitment()) {
                        preCommitted += ore;
                    } else {
                        committed += ore;
                    }
                }
                case PAYMENT -> paid += ore;
                case RELEASE, REVERSAL -> {
                    switch (e.releases()) {
                        case ALLOCATION -> appropriated -= ore;
                        case RESERVATION -> {
                            if (e.preCommitment()) {
                                preReserved -= ore;
                            } else {
                                reserved -= ore;
                            }
                        }
                        case COMMITMENT -> {
                            if (e.preCommitment()) {
                                preCommitted -= ore;
                            } else {
                                committed -= ore;
                            }
                        }
                        case PAYMENT -> paid -= ore;
                        default -> throw new IllegalStateException("cannot take back a " + e.releases());
                    }
                }
            }
        }

        YearBalance balance(int year, String currency) {
            long r = reserved;
            long c = committed;
            long pre = preReserved + preCommitted;
            if (appropriated > 0) {
                // the year has its amount: pre-commitments count like any other
                r += preReserved;
                c += preCommitted;
                pre = 0;
            }
            long remaining = appropriated - r - c;
            return new YearBalance(year, new Money(appropriated, currency), new Money(r, currency), new Money(c, currency),
                    new Money(paid, currency), new Money(remaining, currency), new Money(pre, currency));
        }
    }

    /**
     * Per year, the balance of the entries effective on or before {@code asOf} (all entries when null),
     * ascending by year.
     */
    public static List<YearBalance> balance(Collection<Entry> entries, LocalDate asOf, String currency) {
        Map<Integer, Sums> years = new TreeMap<>();
        for (Entry e : entries) {
            if (asOf != null && e.effectiveDate().isAfter(asOf)) {
                continue;
            }
            years.computeIfAbsent(e.year(), y -> new Sums()).add(e);
        }
        List<YearBalance> out = new ArrayList<>();
        for (var y : years.entrySet()) {
            out.add(y.getValue().balance(y.getKey(), currency));
        }
        return out;
    }
}
