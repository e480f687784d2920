package se.radhus.finance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.FieldError;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;
import se.radhus.common.money.SwedishFormat;

/**
 * Funds control: the entries an operation appends to an appropriation's ledger, or a refusal. One rule
 * covers every operation: afterwards, no year that has an appropriated amount may have less than nothing
 * left. A year with no amount yet takes money only as an explicit pre-commitment.
 */
public final class FundsControl {

    private FundsControl() {
    }

    /**
     * What every entry of one operation shares.
     *
     * @param postingId a fresh id; the operation's entries are {@code postingId-1}, {@code -2} …
     */
    public record Posting(String postingId, String idempotencyKey, Instant recordedAt, LocalDate effectiveDate,
                          DecisionRef decision, String currency) {
    }

    private static final class Builder {
        final Posting p;
        final List<Entry> out = new ArrayList<>();

        Builder(Posting p) {
            this.p = p;
        }

        void add(EntryKind kind, int year, long ore, String holdId, EntryKind releases, String reverses, boolean pre) {
            if (ore <= 0) {
                return;
            }
            out.add(new Entry(p.postingId() + "-" + (out.size() + 1), kind, year, new Money(ore, p.currency()),
                    p.effectiveDate(), p.recordedAt(), p.decision(), p.idempotencyKey(), holdId, releases, reverses, pre));
        }
    }

    static long appropriated(List<Entry> ledger, int year) {
        long sum = 0;
        for (Entry e : ledger) {
            if (e.year() != year) {
                continue;
            }
            if (e.kind() == EntryKind.ALLOCATION) {
                sum += e.amount().ore();
            } else if ((e.kind() == EntryKind.REVERSAL || e.kind() == EntryKind.RELEASE) && e.releases() == EntryKind.ALLOCATION) {
                sum -= e.amount().ore();
            }
        }
        return sum;
    }

    /** What is still open of a hold, per year and pre-commitment flag: opened minus released (and paid). */
    record Open(EntryKind kind, int year, boolean pre, long ore) {
    }

    static List<Open> open(List<Entry> ledger, String holdId) {
        Map<String, long[]> sums = new HashMap<>();
        Map<String, Open> keys = new HashMap<>();
        for (Entry e : ledger) {
            if (!holdId.equals(e.holdId())) {
                continue;
            }
            EntryKind opened = switch (e.kind()) {
                case RESERVATION, COMMITMENT -> e.kind();
                case RELEASE, REVERSAL -> e.releases();
                default -> null;
            };
            if (opened != EntryKind.RESERVATION && opened != EntryKind.COMMITMENT) {
                continue;
            }
            String k = opened + "/" + e.year() + "/" + e.preCommitment();
            keys.putIfAbsent(k, new Open(opened, e.year(), e.preCommitment(), 0));
            long sign = (e.kind() == EntryKind.RESERVATION || e.kind() == EntryKind.COMMITMENT) ? 1 : -1;
            sums.computeIfAbsent(k, x -> new long[1])[0] += sign * e.amount().ore();
        }
        List<Open> out = new ArrayList<>();
        keys.forEach((k, o) -> {
            long v = sums.get(k)[0];
            if (v > 0) {
                out.add(new Open(o.kind(), o.year(), o.pre(), v));
            }
        });
        out.sort(java.util.Comparator.comparingInt(Open::year));
        return out;
    }

    /**
     * Opening an appropriation: it must be well formed, with one positive amount per year (every fault named
     * at once); each year's amount is an ALLOCATION, effective on {@code effective} or else on 1 January.
     *
     * @param amounts per year; an amount of null is a fault named like the others
     * @throws InvalidInput naming the fields at fault
     */
    public static List<Entry> open(Appropriation a, List<Map.Entry<Integer, Money>> amounts, LocalDate effective,
                                   DecisionRef decision, Instant at) {
        List<FieldError> errors = new ArrayList<>(a.validate());
        java.util.Set<Integer> years = new java.util.HashSet<>();
        for (Map.Entry<Integer, Money> y : amounts) {
            if (!years.add(y.getKey())) {
                errors.add(new FieldError("amounts", "one amount per year; " + y.getKey() + " appears twice"));
            }
            if (y.getValue() == null || y.getValue().ore() <= 0) {
                errors.add(new FieldError("amounts", "a positive amount for " + y.getKey()));
            }
        }
        InvalidInput.check(errors);
        List<Entry> opening = new ArrayList<>();
        for (Map.Entry<Integer, Money> y : amounts) {
            var posting = new Posting(a.id() + "-open-" + y.getKey(), "create:" + a.id(), at,
                    effective != null ? effective : LocalDate.of(y.getKey(), 1, 1), decision, a.currency());
            opening.addAll(allocate(opening, posting, y.getKey(), y.getValue()));
        }
        return opening;
    }

    /** Money appropriated to a year. */
    public static List<Entry> allocate(List<Entry> ledger, Posting p, int year, Money amount) {
        requirePositive(amount, year);
        Builder b = new Builder(p);
        b.add(EntryKind.ALLOCATION, year, amount.ore(), null, null, null, false);
        return checked(ledger, b.out, p.currency());
    }

    /** Sets money aside for a drafted decision. */
    public static List<Entry> reserve(List<Entry> ledger, Posting p, String holdId, List<YearAmount> amounts,
                                      boolean allowPreCommitment) {
        requireNewHold(ledger, holdId);
        Builder b = new Builder(p);
        for (YearAmount a : amounts) {
            requirePositive(a.amount(), a.year());
            boolean pre = preCommitment(ledger, a.year(), allowPreCommitment);
            b.add(EntryKind.RESERVATION, a.year(), a.amount().ore(), holdId, null, null, pre);
        }
        return checked(ledger, b.out, p.currency());
    }

    /** Binds money for an adjusted decision, taking over a reservation if one is named. */
    public static List<Entry> commit(List<Entry> ledger, Posting p, String holdId, List<YearAmount> amounts,
                                     String reservationId, boolean allowPreCommitment) {
        requireNewHold(ledger, holdId);
        Builder b = new Builder(p);
        if (reservationId != null && !reservationId.isBlank()) {
            List<Open> held = open(ledger, reservationId);
            if (held.stream().noneMatch(o -> o.kind() == EntryKind.RESERVATION)) {
                throw new RuleViolation("reservation-not-open", "There is no open reservation " + reservationId + " to commit.");
            }
            for (Open o : held) {
                if (o.kind() == EntryKind.RESERVATION) {
                    b.add(EntryKind.RELEASE, o.year(), o.ore(), reservationId, EntryKind.RESERVATION, null, o.pre());
                }
            }
        }
        for (YearAmount a : amounts) {
            requirePositive(a.amount(), a.year());
            boolean pre = preCommitment(ledger, a.year(), allowPreCommitment);
            b.add(EntryKind.COMMITMENT, a.year(), a.amount().ore(), holdId, null, null, pre);
        }
        return checked(ledger, b.out, p.currency());
    }

    /** Gives back all that is open of a reservation, or the unpaid part of a commitment. */
    public static List<Entry> release(List<Entry> ledger, Posting p, String holdId) {
        List<Open> held = open(ledger, holdId);
        Builder b = new Builder(p);
        for (Open o : held) {
            long ore = o.ore();
            if (o.kind() == EntryKind.COMMITMENT) {
                ore -= paid(ledger, holdId, o.year());
            }
            b.add(EntryKind.RELEASE, o.year(), ore, holdId, o.kind(), null, o.pre());
        }
        if (b.out.isEmpty()) {
            throw new RuleViolation("nothing-to-release", "Nothing of " + holdId + " is open to release.");
        }
        return checked(ledger, b.out, p.currency());
    }

    static long paid(List<Entry> ledger, String holdId, int year) {
        long sum = 0;
        for (Entry e : ledger) {
            if (holdId.equals(e.holdId()) && e.year() == year) {
                if (e.kind() == EntryKind.PAYMENT) {
                    sum += e.amount().ore();
                } else if (e.kind() == EntryKind.REVERSAL && e.releases() == EntryKind.PAYMENT) {
                    sum -= e.amount().ore();
                }
            }
        }
        return sum;
    }

    /**
     * Pays out against a commitment, at most what is committed and unpaid for the year, and never before
     * the commitment counts: as of the day of payment the year's paid stays within its committed.
     */
    public static List<Entry> pay(List<Entry> ledger, Posting p, String holdId, int year, Money amount) {
        requirePositive(amount, year);
        long unpaid = unpaid(ledger, holdId, year, null);
        if (amount.ore() > unpaid) {
            throw new RuleViolation("payment-over-commitment", "Only " + new Money(unpaid, p.currency()).display()
                    + " of " + holdId + " is committed and unpaid for " + year + ".");
        }
        long unpaidThen = unpaid(ledger, holdId, year, p.effectiveDate());
        if (amount.ore() > unpaidThen) {
            LocalDate from = ledger.stream().filter(e -> holdId.equals(e.holdId()) && e.year() == year && e.kind() == EntryKind.COMMITMENT)
                    .map(Entry::effectiveDate).min(LocalDate::compareTo).orElse(null);
            throw new RuleViolation("payment-before-commitment", "On " + p.effectiveDate() + " only "
                    + new Money(unpaidThen, p.currency()).display() + " of " + holdId + " was committed and unpaid for " + year
                    + (from == null ? "" : "; the commitment counts from " + from) + ". A payment is dated on or after what it pays.");
        }
        Builder b = new Builder(p);
        b.add(EntryKind.PAYMENT, year, amount.ore(), holdId, null, null, false);
        return checked(ledger, b.out, p.currency());
    }

    /** What is committed and not paid of a hold for a year, as of a day (null: all entries). */
    static long unpaid(List<Entry> ledger, String holdId, int year, LocalDate asOf) {
        List<Entry> seen = asOf == null ? ledger : ledger.stream().filter(e -> !e.effectiveDate().isAfter(asOf)).toList();
        long committed = open(seen, holdId).stream()
                .filter(o -> o.kind() == EntryKind.COMMITMENT && o.year() == year).mapToLong(Open::ore).sum();
        return committed - paid(seen, holdId, year);
    }

    /** The kinds a correction may cancel: what was entered wrongly. A hold is given back by its release, not reversed. */
    public static final java.util.Set<EntryKind> REVERSIBLE = java.util.EnumSet.of(EntryKind.ALLOCATION, EntryKind.PAYMENT);

    /**
     * Cancels an earlier entry with a reversing entry; the original stays, and since the reversal counts
     * from its own day, the balance as of any day before it is what it was. Only an allocation or a payment
     * is corrected so; a reservation or commitment is given back by releasing it (its grant is cancelled).
     *
     * @param reason why the entry was wrong, in words
     */
    public static List<Entry> reverse(List<Entry> ledger, Posting p, String entryId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidInput("reason", "why the entry is wrong, 1-2000 characters");
        }
        Entry original = ledger.stream().filter(e -> e.id().equals(entryId)).findFirst()
                .orElseThrow(() -> new RuleViolation("entry-missing", "There is no entry " + entryId + " to reverse."));
        if (original.kind() == EntryKind.REVERSAL || original.kind() == EntryKind.RELEASE) {
            throw new RuleViolation("reverse-reversal", "Entry " + entryId + " is itself a " + original.kind()
                    + "; reverse what it took back by a new entry instead.");
        }
        if (!REVERSIBLE.contains(original.kind())) {
            throw new RuleViolation("reverse-hold", "Entry " + entryId + " is a " + original.kind() + " of " + original.holdId()
                    + ": money set aside or bound by a decision is given back by releasing it (cancel the grant), not by a correction.");
        }
        if (ledger.stream().anyMatch(e -> entryId.equals(e.reverses()))) {
            throw new RuleViolation("already-reversed", "Entry " + entryId + " is reversed already.");
        }
        if (p.effectiveDate().isBefore(original.effectiveDate())) {
            throw new RuleViolation("reversal-before-original", "Entry " + entryId + " counts from " + original.effectiveDate()
                    + "; its reversal cannot count from " + p.effectiveDate() + ".");
        }
        Entry reversal = new Entry(p.postingId() + "-1", EntryKind.REVERSAL, original.year(), original.amount(), p.effectiveDate(),
                p.recordedAt(), p.decision(), p.idempotencyKey(), original.holdId(), original.kind(), entryId,
                original.preCommitment(), reason.strip());
        return checked(ledger, List.of(reversal), p.currency());
    }

    private static void requirePositive(Money amount, int year) {
        if (amount == null || amount.ore() <= 0) {
            throw new se.radhus.common.domain.InvalidInput("amounts", "a positive amount for " + year);
        }
    }

    private static void requireNewHold(List<Entry> ledger, String holdId) {
        if (holdId == null || holdId.isBlank()) {
            throw new se.radhus.common.domain.InvalidInput("holdId", "an id for the reservation or commitment");
        }
        if (ledger.stream().anyMatch(e -> holdId.equals(e.holdId()))) {
            throw new RuleViolation("hold-exists", holdId + " exists already in this ledger.");
        }
    }

    private static boolean preCommitment(List<Entry> ledger, int year, boolean allowed) {
        if (appropriated(ledger, year) > 0) {
            return false;
        }
        if (!allowed) {
            throw new RuleViolation("no-appropriation", "Nothing is appropriated to " + year
                    + " yet; money for it can be taken only as an explicit pre-commitment.");
        }
        return true;
    }

    /**
     * The one rule, for every day: as of each day from the first the operation touches, no year it touches
     * has less than nothing left (reserved + committed within appropriated, where a year has its amount),
     * nothing below zero, and paid within committed. A day that broke the rule before the operation
     * (entries older than these checks) only refuses what makes it worse.
     */
    private static List<Entry> checked(List<Entry> ledger, List<Entry> added, String currency) {
        if (added.isEmpty()) {
            return added;
        }
        Set<Integer> touched = new HashSet<>();
        added.forEach(e -> touched.add(e.year()));
        LocalDate from = added.stream().map(Entry::effectiveDate).min(LocalDate::compareTo).orElseThrow();
        java.util.TreeMap<LocalDate, List<Entry>> days = new java.util.TreeMap<>();
        Map<Integer, Ledger.Sums> before = new HashMap<>();
        Map<Integer, Ledger.Sums> after = new HashMap<>();
        for (Entry e : ledger) {
            if (!touched.contains(e.year())) {
                continue;
            }
            if (e.effectiveDate().isBefore(from)) {
                before.computeIfAbsent(e.year(), y -> new Ledger.Sums()).add(e);
                after.computeIfAbsent(e.year(), y -> new Ledger.Sums()).add(e);
            } else {
                days.computeIfAbsent(e.effectiveDate(), d -> new ArrayList<>()).add(e);
            }
        }
        java.util.Set<Entry> fresh = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        fresh.addAll(added);
        for (Entry e : added) {
            days.computeIfAbsent(e.effectiveDate(), d -> new ArrayList<>()).add(e);
        }
        for (var day : days.entrySet()) {
            for (Entry e : day.getValue()) {
                after.computeIfAbsent(e.year(), y -> new Ledger.Sums()).add(e);
                if (!fresh.contains(e)) {
                    before.computeIfAbsent(e.year(), y -> new Ledger.Sums()).add(e);
                }
            }
            for (int year : touched) {
                Ledger.Sums a = after.get(year);
                if (a == null) {
                    continue;
                }
                Ledger.Sums b = before.getOrDefault(year, new Ledger.Sums());
                YearBalance y = a.balance(year, currency);
                YearBalance was = b.balance(year, currency);
                long remaining = y.remaining().ore();
                boolean fails = remaining < 0 && remaining < was.remaining().ore()
                        || below(y.reserved(), was.reserved()) || below(y.committed(), was.committed())
                        || below(y.paid(), was.paid()) || below(y.appropriated(), was.appropriated())
                        || below(y.preCommitted(), was.preCommitted());
                if (fails) {
                    long left = Math.max(0, was.remaining().ore());
                    throw new InsufficientFunds(year, new Money(left, currency), new Money(Math.max(0, -remaining), currency),
                            day.getKey().isBefore(days.lastKey()) ? day.getKey() : null);
                }
                long bound = y.committed().ore() + y.preCommitted().ore();
                if (y.paid().ore() > bound && y.paid().ore() - bound > was.paid().ore() - (was.committed().ore() + was.preCommitted().ore())) {
                    throw new RuleViolation("paid-over-committed", "As of " + day.getKey() + " " + year + " would have "
                            + y.paid().display() + " paid against " + new Money(bound, currency).display() + " committed.");
                }
            }
        }
        return added;
    }

    /** Below zero, and lower than it was. */
    private static boolean below(Money now, Money was) {
        return now.isNegative() && now.ore() < was.ore();
    }

    /** Refused: the year has less left than asked for. */
    public static final class InsufficientFunds extends RuleViolation {
        private final int year;
        private final Money remaining;
        private final Money shortfall;

        public InsufficientFunds(int year, Money remaining, Money shortfall) {
            this(year, remaining, shortfall, null);
        }

        /** @param asOf the day on which the year would fall short, when not the end of the ledger */
        public InsufficientFunds(int year, Money remaining, Money shortfall, LocalDate asOf) {
            super("insufficient-funds", "Not enough left in " + year + (asOf == null ? "" : " as of " + asOf) + ": "
                    + remaining.display() + " (" + SwedishFormat.tkr(remaining) + ") remains, " + shortfall.display() + " short.");
            this.year = year;
            this.remaining = remaining;
            this.shortfall = shortfall;
        }

        public int year() {
            return year;
        }

        @Override
        public java.util.Map<String, Object> details() {
            return java.util.Map.of("year", year,
                    "remaining", java.util.Map.of("ore", remaining.ore(), "currency", remaining.currency(), "display", remaining.display()),
                    "shortfall", java.util.Map.of("ore", shortfall.ore(), "currency", shortfall.currency(), "display", shortfall.display()));
        }

        public Money remaining() {
            return remaining;
        }

        public Money shortfall() {
            return shortfall;
        }
    }
}
