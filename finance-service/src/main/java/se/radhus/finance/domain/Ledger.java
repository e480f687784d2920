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

    private static final class Sums {
        long appropriated;
        long reserved;
        long committed;
        long paid;
        long preReserved;
        long preCommitted;
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
            Sums s = years.computeIfAbsent(e.year(), y -> new Sums());
            long ore = e.amount().ore();
            switch (e.kind()) {
                case ALLOCATION -> s.appropriated += ore;
                case RESERVATION -> {
                    if (e.preCommitment()) {
                        s.preReserved += ore;
                    } else {
                        s.reserved += ore;
                    }
                }
                case COMMITMENT -> {
                    if (e.preCommitment()) {
                        s.preCommitted += ore;
                    } else {
                        s.committed += ore;
                    }
                }
                case PAYMENT -> s.paid += ore;
                case RELEASE, REVERSAL -> {
                    switch (e.releases()) {
                        case ALLOCATION -> s.appropriated -= ore;
                        case RESERVATION -> {
                            if (e.preCommitment()) {
                                s.preReserved -= ore;
                            } else {
                                s.reserved -= ore;
                            }
                        }
                        case COMMITMENT -> {
                            if (e.preCommitment()) {
                                s.preCommitted -= ore;
                            } else {
                                s.committed -= ore;
                            }
                        }
                        case PAYMENT -> s.paid -= ore;
                        default -> throw new IllegalStateException("cannot take back a " + e.releases());
                    }
                }
            }
        }
        List<YearBalance> out = new ArrayList<>();
        for (var y : years.entrySet()) {
            Sums s = y.getValue();
            long reserved = s.reserved;
            long committed = s.committed;
            long pre = s.preReserved + s.preCommitted;
            if (s.appropriated > 0) {
                // the year has its amount: pre-commitments count like any other
                reserved += s.preReserved;
                committed += s.preCommitted;
                pre = 0;
            }
            long remaining = s.appropriated - reserved - committed;
            out.add(new YearBalance(y.getKey(), new Money(s.appropriated, currency), new Money(reserved, currency),
                    new Money(committed, currency), new Money(s.paid, currency), new Money(remaining, currency),
                    new Money(pre, currency)));
        }
        return out;
    }
}
