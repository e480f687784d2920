package se.radhus.finance.service;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.store.GroupCommit;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.FundsControl;
import se.radhus.finance.domain.LedgerTotals;
import se.radhus.finance.domain.YearBalance;
import se.radhus.finance.store.AppropriationStore;
import se.radhus.finance.store.AppropriationStore.Answered;
import se.radhus.finance.store.AppropriationStore.Effect;
import se.radhus.finance.store.AppropriationStore.Loaded;

/**
 * Every change of an appropriation's money: read the running totals and the holds the operation names, let
 * funds control decide on them, commit by one guarded update of the appropriation's document, then write the
 * entries out (see {@link AppropriationStore}). A request's idempotency key makes a retry return the first
 * answer and write nothing; the same key with a different request is refused.
 *
 * <p>Requests for one appropriation that arrive together are decided one after the other on the same read
 * and committed in one update (a group commit): the guard serialises them anyway, and one write for many
 * keeps a busy appropriation fast. Within this process they queue per appropriation ({@link GroupCommit}):
 * one caller commits everything queued (and a few rounds of what arrives meanwhile), the others wait for
 * their answer; between processes the guard's version decides, and the loser reads again.
 */
@Singleton
public class LedgerService {

    private static final int ATTEMPTS = 200;
    private static final int MAX_BATCH = 256;
    /** Batches one writer commits for others before it returns to its own caller. */
    private static final int ROUNDS = 4;

    private final AppropriationStore store;
    private final Clock clock;
    private final Map<String, GroupCommit<Job>> writers = new ConcurrentHashMap<>();
    /**
     * Per appropriation, the guard as this process's last commit wrote it: the next batch decides on it
     * without reading the guard again. If another process (a replica) has committed since, the guarded
     * update misses, and the batch is decided again on a fresh read; a batch that writes nothing (every
     * request refused or answered before) is decided again on a fresh read too, since no update checked what
     * it decided on. So this is never what keeps the money right, and refuses nothing by itself.
     */
    private final Map<String, Loaded> lastCommit = new ConcurrentHashMap<>();

    /** With the system clock in Stockholm (tests that need no fixed day). */
    public LedgerService(AppropriationStore store) {
        this(store, se.radhus.micronaut.TimeFactory.stockholm(null));
    }

    @jakarta.inject.Inject
    public LedgerService(AppropriationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Today in Stockholm, by the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Now, by the injected clock. */
    public Instant now() {
        return Instant.now(clock);
    }

    /** What a ledger operation needs besides its own arguments. */
    public record Request(String idempotencyKey, String fingerprint, LocalDate effectiveDate, DecisionRef decision) {
        public Request {
            if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
                throw new InvalidInput("idempotencyKey", "a key of 1-200 characters that identifies this request");
            }
            if (effectiveDate == null) {
                throw new InvalidInput("effectiveDate", "the day from which the entry counts, YYYY-MM-DD");
            }
        }
    }

    /**
     * What of the ledger an operation reads besides the totals: the entries of these holds (reservations,
     * commitments) and these entries with what reverses them. Funds control sees only these and the totals.
     */
    public record Scope(Collection<String> holds, Collection<String> entries) {
        public static Scope none() {
            return new Scope(List.of(), List.of());
        }

        public static Scope holds(String... holds) {
            return new Scope(java.util.Arrays.stream(holds).filter(h -> h != null && !h.isBlank()).toList(), List.of());
        }

        public static Scope holds(Collection<String> holds) {
            return new Scope(List.copyOf(holds), List.of());
        }

        public static Scope entry(String entryId) {
            return new Scope(List.of(), List.of(entryId));
        }
    }

    /** The entries a request wrote (or had written, on a retry). */
    public record Applied(String appropriationId, List<Entry> entries, boolean replayed) {
    }

    /** A stable fingerprint of what a request asks, for telling a retry from a different request. */
    public static String fingerprint(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Loaded load(String appropriationId) {
        return store.find(appropriationId).orElseThrow(() -> new ProblemException(
                Problem.notFound("No appropriation has id " + appropriationId + ".")));
    }

    /** The balance per year as of a day (null: of every entry), from the running totals. */
    public List<YearBalance> balance(String appropriationId, LocalDate asOf) {
        Loaded l = load(appropriationId);
        return l.totals().balance(asOf, l.appropriation().currency());
    }

    /** Entries {@code from} to {@code from + count} of the ledger (0 is the first), in order. */
    public List<Entry> ledger(String appropriationId, long from, int count) {
        Loaded l = load(appropriationId);
        long to = Math.min(l.entryCount(), from + count);
        return from >= to ? List.of() : store.ledger(appropriationId, from, (int) (to - from));
    }

    /** One entry of the ledger. */
    public Optional<Entry> entry(String appropriationId, String entryId) {
        load(appropriationId);
        return store.entry(appropriationId, entryId);
    }

    /** Every entry of these holds, in ledger order. */
    public List<Entry> holds(String appropriationId, Collection<String> holds) {
        load(appropriationId);
        return store.threads(appropriationId, holds, List.of());
    }

    /** The entries the request with this key wrote (none if it was not answered). */
    public List<Entry> written(String appropriationId, String key) {
        load(appropriationId);
        Answered a = store.answered(appropriationId, List.of(key)).get(key);
        return a == null ? List.of() : store.entries(appropriationId, a.entryIds());
    }

    /** Applies {@code operation} (a funds-control call) to the appropriation's ledger, once per key. */
    public Applied apply(String appropriationId, Request r, Scope scope,
                         Function<FundsControl.Posting, Function<List<Entry>, List<Entry>>> operation) {
        Job job = new Job(r, scope, operation);
        writers.computeIfAbsent(appropriationId, id -> new GroupCommit<Job>(MAX_BATCH, ROUNDS, batch -> run(id, batch))).submit(job);
        if (job.failure != null) {
            throw job.failure;
        }
        return job.result;
    }

    private static final class Job {
        final Request request;
        final Scope scope;
        final Function<FundsControl.Posting, Function<List<Entry>, List<Entry>>> operation;
        Applied result;
        RuntimeException failure;
        /** Answered before: the entries it wrote are read when the batch is done. */
        List<String> replayOf;
        /** The same key earlier in this batch. */
        Job sameAs;

        Job(Request request, Scope scope, Function<FundsControl.Posting, Function<List<Entry>, List<Entry>>> operation) {
            this.request = request;
            this.scope = scope;
            this.operation = operation;
        }

        void reset() {
            result = null;
            failure = null;
            replayOf = null;
            sameAs = null;
        }
    }

    private static RuleViolation reused(String key, String appropriationId) {
        return new RuleViolation("idempotency-key-reused", "The Idempotency-Key " + key
                + " was used for a different request on " + appropriationId + "; use a new key.");
    }

    /** Decides the batch on one read and commits it in one guarded write; again on a fresh read when another writer came first. */
    private void run(String id, List<Job> batch) {
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                batch.forEach(Job::reset);
                Loaded kept = attempt == 0 ? lastCommit.remove(id) : null;
                Loaded l = kept != null ? kept : load(id);
                String currency = l.appropriation().currency();
                Map<String, Answered> answered = store.answered(id, batch.stream().map(j -> j.request.idempotencyKey()).toList());
                Set<String> holds = new LinkedHashSet<>();
                Set<String> entryIds = new LinkedHashSet<>();
                LocalDate from = null;
                for (Job j : batch) {
                    holds.addAll(j.scope.holds());
                    entryIds.addAll(j.scope.entries());
                    from = from == null || j.request.effectiveDate().isBefore(from) ? j.request.effectiveDate() : from;
                }
                List<Entry> known = store.threads(id, holds, entryIds);
                List<Entry> working = new ArrayList<>(l.totals().compact(known, from, currency));
                LedgerTotals totals = l.totals().copy();
                List<Effect> effects = new ArrayList<>();
                Map<String, Job> byKey = new HashMap<>();
                for (Job j : batch) {
                    Request r = j.request;
                    Answered before = answered.get(r.idempotencyKey());
                    Job earlier = byKey.putIfAbsent(r.idempotencyKey(), j);
                    if (before != null || earlier != null) {
                        String fingerprint = before != null ? before.fingerprint() : earlier.request.fingerprint();
                        if (!fingerprint.equals(r.fingerprint())) {
                            j.failure = reused(r.idempotencyKey(), id);
                        } else if (before != null) {
                            j.replayOf = before.entryIds();
                        } else {
                            j.sameAs = earlier;
                        }
                        continue;
                    }
                    FundsControl.Posting posting = new FundsControl.Posting(EntryIds.next(), r.idempotencyKey(),
                            Instant.now(clock), r.effectiveDate(), r.decision(), currency);
                    try {
                        List<Entry> entries = List.copyOf(j.operation.apply(posting).apply(working));
                        working.addAll(entries);
                        entries.forEach(totals::add);
                        effects.add(new Effect(new Answered(r.idempotencyKey(), r.fingerprint(), entries.stream().map(Entry::id).toList()), entries));
                        j.result = new Applied(id, entries, false);
                    } catch (RuntimeException refused) {
                        j.failure = refused;
                    }
                }
                boolean committed = effects.isEmpty();
                if (committed && kept != null) {
                    continue; // decided on this process's last commit, checked by no update: again on a fresh read
                }
                if (!committed) {
                    var commit = store.commit(id, l, effects, totals);
                    if (commit.isPresent()) {
                        store.writeOut(id, commit.get());
                        long added = effects.stream().mapToLong(e -> e.entries().size()).sum();
                        lastCommit.put(id, new Loaded(l.appropriation(), totals, l.entryCount() + added, commit.get().version()));
                        committed = true;
                    }
                }
                if (committed) {
                    for (Job j : batch) {
                        if (j.replayOf != null) {
                            j.result = new Applied(id, store.entries(id, j.replayOf), true);
                        }
                    }
                    for (Job j : batch) {
                        if (j.sameAs != null) {
                            j.failure = j.sameAs.failure;
                            j.result = j.sameAs.result == null ? null : new Applied(id, j.sameAs.result.entries(), true);
                        }
                    }
                    return;
                }
                Thread.onSpinWait();
            }
            var busy = new ProblemException(Problem.of("busy", "Too busy", 503,
                    "The appropriation " + id + " is changed by too many at once; retry with the same Idempotency-Key."));
            batch.forEach(j -> {
                j.reset();
                j.failure = busy;
            });
        } catch (RuntimeException e) {
            batch.forEach(j -> {
                j.reset();
                j.failure = e;
            });
        }
    }
}
