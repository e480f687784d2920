package se.radhus.finance.service;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.FundsControl;
import se.radhus.finance.domain.Ledger;
import se.radhus.finance.domain.YearBalance;
import se.radhus.finance.store.AppropriationStore;
import se.radhus.finance.store.AppropriationStore.Answered;
import se.radhus.finance.store.AppropriationStore.Loaded;

/**
 * Every change of an appropriation's money: read the ledger, let funds control decide, append the entries
 * with the request that asked for them, all or nothing. A request's idempotency key makes a retry return
 * the first answer and write nothing; the same key with a different request is refused.
 */
@Singleton
public class LedgerService {

    private static final int ATTEMPTS = 200;

    private final AppropriationStore store;
    private final Clock clock;

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

    public List<YearBalance> balance(String appropriationId, LocalDate asOf) {
        Loaded l = load(appropriationId);
        return Ledger.balance(l.entries(), asOf, l.appropriation().currency());
    }

    /** Applies {@code operation} (a funds-control call) to the appropriation's ledger, once per key. */
    public Applied apply(String appropriationId, Request r, Function<FundsControl.Posting, Function<List<Entry>, List<Entry>>> operation) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Loaded l = load(appropriationId);
            for (Answered answered : l.requests()) {
                if (answered.key().equals(r.idempotencyKey())) {
                    if (!answered.fingerprint().equals(r.fingerprint())) {
                        throw new RuleViolation("idempotency-key-reused", "The Idempotency-Key " + r.idempotencyKey()
                                + " was used for a different request on " + appropriationId + "; use a new key.");
                    }
                    Set<String> ids = Set.copyOf(answered.entryIds());
                    return new Applied(appropriationId, l.entries().stream().filter(e -> ids.contains(e.id())).toList(), true);
                }
            }
            FundsControl.Posting posting = new FundsControl.Posting(UUID.randomUUID().toString(), r.idempotencyKey(),
                    Instant.now(clock), r.effectiveDate(), r.decision(), l.appropriation().currency());
            List<Entry> entries = operation.apply(posting).apply(l.entries());
            Answered answered = new Answered(r.idempotencyKey(), r.fingerprint(),
                    entries.stream().map(Entry::id).collect(Collectors.toList()));
            if (store.append(appropriationId, l, entries, answered)) {
                return new Applied(appropriationId, entries, false);
            }
            Thread.onSpinWait();
        }
        throw new ProblemException(Problem.of("busy", "Too busy", 503,
                "The appropriation " + appropriationId + " is changed by too many at once; retry with the same Idempotency-Key."));
    }
}
