package se.radhus.finance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.radhus.common.money.Money;

/**
 * A ledger's running totals per year and day: for each appropriation-year, what the entries effective on
 * each day add up to. Every balance as of any day, and every funds-control check, is a sum over these days
 * (a few hundred a year), not over the entries (however many millions), and gives what the entries give.
 */
public final class LedgerTotals {

    /** The six sums of {@link Ledger.Sums}, in this order, for one year and one day. */
    public static final int SUMS = 6;

    private final TreeMap<Integer, TreeMap<LocalDate, long[]>> years = new TreeMap<>();

    /** The totals of these entries. */
    public static LedgerTotals of(Collection<Entry> entries) {
        LedgerTotals t = new LedgerTotals();
        entries.forEach(t::add);
        return t;
    }

    /** A copy that changes apart from this one. */
    public LedgerTotals copy() {
        LedgerTotals c = new LedgerTotals();
        years.forEach((y, days) -> days.forEach((d, s) -> c.put(y, d, s.clone())));
        return c;
    }

    /** Counts one more entry. */
    public void add(Entry e) {
        long[] s = vector(e);
        long[] day = years.computeIfAbsent(e.year(), y -> new TreeMap<>()).computeIfAbsent(e.effectiveDate(), d -> new long[SUMS]);
        for (int i = 0; i < SUMS; i++) {
            day[i] += s[i];
        }
    }

    /** Sets the sums of a year and day (from storage); @param sums {@link #SUMS} numbers */
    public void put(int year, LocalDate day, long[] sums) {
        if (sums.length != SUMS) {
            throw new IllegalArgumentException("a day of the totals has " + SUMS + " sums");
        }
        years.computeIfAbsent(year, y -> new TreeMap<>()).put(day, sums.clone());
    }

    /** Per year, per day in order: the sums (for storage). */
    public Map<Integer, TreeMap<LocalDate, long[]>> days() {
        TreeMap<Integer, TreeMap<LocalDate, long[]>> out = new TreeMap<>();
        years.forEach((y, days) -> {
            TreeMap<LocalDate, long[]> copy = new TreeMap<>();
            days.forEach((d, s) -> copy.put(d, s.clone()));
            out.put(y, copy);
        });
        return out;
    }

    /** As {@link Ledger#balance}: per year, the balance of the entries effective on or before {@code asOf} (all when null). */
    public List<YearBalance> balance(LocalDate asOf, String currency) {
        List<YearBalance> out = new ArrayList<>();
        for (var year : years.entrySet()) {
            Map<LocalDate, long[]> counted = asOf == null ? year.getValue() : year.getValue().headMap(asOf, true);
            if (counted.isEmpty()) {
                continue;
            }
            long[] sum = new long[SUMS];
            counted.values().forEach(s -> plus(sum, s, 1));
            out.add(sums(sum).balance(year.getKey(), currency));
        }
        return out;
    }

    /**
     * A short ledger that funds control decides on as on the whole one, for operations that count from
     * {@code from} on and read no entries but {@code known}: the known entries as they are, and for the rest
     * one entry per sum and year for everything before {@code from}, and one per sum, year and day from
     * {@code from} on. Its balance as of every day from the day before {@code from} is the whole ledger's.
     *
     * @param known entries of the ledger that the operation reads (its holds, the entry it reverses)
     */
    public List<Entry> compact(Collection<Entry> known, LocalDate from, String currency) {
        LedgerTotals rest = copy();
        for (Entry e : known) {
            long[] day = rest.years.computeIfAbsent(e.year(), y -> new TreeMap<>()).computeIfAbsent(e.effectiveDate(), d -> new long[SUMS]);
            plus(day, vector(e), -1);
        }
        List<Entry> out = new ArrayList<>();
        LocalDate before = from.minusDays(1);
        for (var year : rest.years.entrySet()) {
            long[] earlier = new long[SUMS];
            year.getValue().headMap(from, false).values().forEach(s -> plus(earlier, s, 1));
            emit(out, year.getKey(), before, earlier, currency);
            year.getValue().tailMap(from, true).forEach((day, s) -> emit(out, year.getKey(), day, s, currency));
        }
        out.addAll(known);
        return out;
    }

    private static final EntryKind[] KIND = {EntryKind.ALLOCATION, EntryKind.RESERVATION, EntryKind.COMMITMENT, EntryKind.PAYMENT,
            EntryKind.RESERVATION, EntryKind.COMMITMENT};

    private static void emit(List<Entry> out, int year, LocalDate day, long[] sums, String currency) {
        for (int i = 0; i < SUMS; i++) {
            long v = sums[i];
            if (v == 0) {
                continue;
            }
            boolean pre = i >= 4;
            String id = "totals-" + year + "-" + day + "-" + i;
            out.add(v > 0
                    ? new Entry(id, KIND[i], year, new Money(v, currency), day, Instant.EPOCH, null, null, null, null, null, pre)
                    : new Entry(id, EntryKind.RELEASE, year, new Money(-v, currency), day, Instant.EPOCH, null, null, null, KIND[i], null, pre));
        }
    }

    private static void plus(long[] into, long[] s, int sign) {
        for (int i = 0; i < SUMS; i++) {
            into[i] += sign * s[i];
        }
    }

    private static long[] vector(Entry e) {
        Ledger.Sums s = new Ledger.Sums();
        s.add(e);
        return new long[] {s.appropriated, s.reserved, s.committed, s.paid, s.preReserved, s.preCommitted};
    }

    private static Ledger.Sums sums(long[] v) {
        Ledger.Sums s = new Ledger.Sums();
        s.appropriated = v[0];
        s.reserved = v[1];
        s.committed = v[2];
        s.paid = v[3];
        s.preReserved = v[4];
        s.preCommitted = v[5];
        return s;
    }
}
