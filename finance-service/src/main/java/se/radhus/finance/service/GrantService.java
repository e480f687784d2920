package se.radhus.finance.service;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.FundsControl;
import se.radhus.finance.domain.Grant;
import se.radhus.finance.store.GrantStore;
import se.radhus.micronaut.client.DecisionVerifier;

/**
 * Grants and their money. The ledger is written first, under a key derived from the grant, then the
 * grant: a retry with the same Idempotency-Key finds the ledger written and completes the grant, and
 * never writes money twice.
 *
 * <p>Every state that rests on a decision — a grant created committed, a reserved one committed, a
 * committed one cancelled — is checked here with meetings-service ({@link DecisionVerifier}) before
 * anything is written, whether it came over HTTP or gRPC: one code path.
 */
@Singleton
public class GrantService {

    private final GrantStore grants;
    private final LedgerService ledger;
    private final DecisionVerifier decisions;

    public GrantService(GrantStore grants, LedgerService ledger, DecisionVerifier decisions) {
        this.grants = grants;
        this.ledger = ledger;
        this.decisions = decisions;
    }

    public GrantStore.Versioned get(String id) {
        return grants.find(id).orElseThrow(() -> new ProblemException(Problem.notFound("No grant has id " + id + ".")));
    }

    /** Creates a grant, reserving (drafted) or committing (adjusted) each recipient's money. */
    public Grant create(Grant g, LocalDate effectiveDate, boolean allowPreCommitment) {
        return create(g, effectiveDate, allowPreCommitment, null);
    }

    /**
     * Creates a grant; when {@code reservationId} names a draft's open reservation it is released in the
     * same ledger write that commits the grant's money. A committed grant rests on an adjusted decision
     * (verified with meetings-service); a reserved one (a draft) needs none, but one it names must exist.
     * The same grant again (a retry) returns it and asks nobody.
     */
    public Grant create(Grant g, LocalDate effectiveDate, boolean allowPreCommitment, String reservationId) {
        InvalidInput.check(g.validate());
        if (g.status() != Grant.Status.RESERVED && g.status() != Grant.Status.COMMITTED) {
            throw new InvalidInput("status", "RESERVED (a drafted decision) or COMMITTED (an adjusted one)");
        }
        var existing = grants.find(g.id());
        if (existing.isPresent()) {
            // the same grant again (a retry): what the service added to it (its decision's justering) aside
            if (existing.get().grant().equals(g.adjustedOn(existing.get().grant().decisionAdjustedOn()))) {
                return existing.get().grant();
            }
            throw new ProblemException(Problem.conflict("exists", "Already exists", "A grant with id " + g.id() + " exists already."));
        }
        if (g.status() == Grant.Status.COMMITTED || g.decision() != null) {
            var verified = decisions.verify(g.decision(), g.status() == Grant.Status.COMMITTED);
            if (g.status() == Grant.Status.COMMITTED) {
                g = g.adjustedOn(verified.adjustedOn());
            }
        }
        Grant grant = g;
        var request = new LedgerService.Request("grant:" + g.id() + ":open",
                LedgerService.fingerprint("grant", grant.adjustedOn(null), allowPreCommitment, reservationId), effectiveDate, grant.decision());
        java.util.Set<String> scope = new java.util.LinkedHashSet<>(grant.holds());
        if (reservationId != null && !reservationId.isBlank()) {
            scope.add(reservationId);
        }
        ledger.apply(grant.appropriationId(), request, LedgerService.Scope.holds(scope), p -> entries -> {
            List<Entry> all = new ArrayList<>(entries);
            List<Entry> added = new ArrayList<>();
            if (reservationId != null && !reservationId.isBlank()) {
                try {
                    var sub = new FundsControl.Posting(p.postingId() + "-r", p.idempotencyKey(), p.recordedAt(),
                            p.effectiveDate(), p.decision(), p.currency());
                    List<Entry> released = FundsControl.release(all, sub, reservationId);
                    all.addAll(released);
                    added.addAll(released);
                } catch (RuleViolation nothingOpen) {
                    // the draft's reservation was released already (the draft changed): nothing to give back
                }
            }
            for (int i = 0; i < grant.recipients().size(); i++) {
                var sub = new FundsControl.Posting(p.postingId() + "-" + (i + 1), p.idempotencyKey(), p.recordedAt(),
                        p.effectiveDate(), p.decision(), p.currency());
                List<Entry> more = grant.status() == Grant.Status.COMMITTED
                        ? FundsControl.commit(all, sub, grant.holdId(i), grant.recipients().get(i).amounts(), null, allowPreCommitment)
                        : FundsControl.reserve(all, sub, grant.holdId(i), grant.recipients().get(i).amounts(), allowPreCommitment);
                all.addAll(more);
                added.addAll(more);
            }
            return added;
        });
        grants.insert(grant);
        return get(grant.id()).grant();
    }

    /** The ledger entries a grant's creation wrote. */
    public List<Entry> entriesOf(Grant g) {
        String key = "grant:" + g.id() + ":open";
        return ledger.written(g.appropriationId(), key);
    }

    /** @param decision the decision the ledger entries carry; null: the grant's own */
    private Grant change(String id, UnaryOperator<Grant> rule, String action, LocalDate effectiveDate, DecisionRef decision,
                         java.util.function.BiFunction<Grant, FundsControl.Posting, java.util.function.Function<List<Entry>, List<Entry>>> money) {
        if (effectiveDate == null) {
            throw new InvalidInput("effectiveDate", "the day the change counts from, YYYY-MM-DD");
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            GrantStore.Versioned v = get(id);
            Grant next = rule.apply(v.grant());
            if (money != null) {
                var request = new LedgerService.Request("grant:" + id + ":" + action, LedgerService.fingerprint(action, id),
                        effectiveDate, decision != null ? decision : v.grant().decision());
                ledger.apply(v.grant().appropriationId(), request, LedgerService.Scope.holds(v.grant().holds()), p -> money.apply(v.grant(), p));
            }
            if (grants.replace(next, v.version())) {
                return next;
            }
        }
        throw new ProblemException(Problem.conflict("concurrent-change", "Changed concurrently", "Grant " + id + " kept changing; retry."));
    }

    static java.util.function.Function<List<Entry>, List<Entry>> releaseAll(Grant g, FundsControl.Posting p) {
        return entries -> {
            List<Entry> all = new ArrayList<>(entries);
            List<Entry> added = new ArrayList<>();
            for (int i = 0; i < g.recipients().size(); i++) {
                var sub = new FundsControl.Posting(p.postingId() + "-" + (i + 1), p.idempotencyKey(), p.recordedAt(),
                        p.effectiveDate(), p.decision(), p.currency());
                for (String hold : List.of(g.holdId(i), g.holdId(i) + "-c")) {
                    try {
                        List<Entry> more = FundsControl.release(all, sub, hold);
                        all.addAll(more);
                        added.addAll(more);
                    } catch (RuleViolation nothingOpen) {
                        // committed away, or paid in full: nothing of this hold to give back
                    }
                }
            }
            return added;
        };
    }

    /**
     * The drafted grant's decision is adjusted: commit the reserved money, resting on {@code by} (the
     * grant's own decision when null), which must be adjusted. Committed already by it (a retry): unchanged.
     */
    public Grant commit(String id, LocalDate effectiveDate, DecisionRef by) {
        Grant current = get(id).grant();
        DecisionRef d = by != null ? by : current.decision();
        if (current.status() == Grant.Status.COMMITTED && current.decided() && java.util.Objects.equals(current.decision(), d)) {
            return current;
        }
        if (effectiveDate == null) {
            throw new InvalidInput("effectiveDate", "the day the change counts from, YYYY-MM-DD");
        }
        LocalDate adjustedOn = decisions.verify(d, true).adjustedOn();
        return change(id, g -> g.committed(d, adjustedOn), "commit", effectiveDate, d, (g, p) -> entries -> {
            List<Entry> all = new ArrayList<>(entries);
            List<Entry> added = new ArrayList<>();
            for (int i = 0; i < g.recipients().size(); i++) {
                var sub = new FundsControl.Posting(p.postingId() + "-" + (i + 1), p.idempotencyKey(), p.recordedAt(),
                        p.effectiveDate(), p.decision(), p.currency());
                List<Entry> more = FundsControl.commit(all, sub, g.holdId(i) + "-c", g.recipients().get(i).amounts(), g.holdId(i), true);
                all.addAll(more);
                added.addAll(more);
            }
            return added;
        });
    }

    /**
     * Pays a recipient for a year, against the grant's commitment; once everything committed is paid
     * the grant is PAID. A payment is dated within [the committing decision's justering, today], never
     * before its condition was confirmed (a grant whose condition is still open is not paid at all), and
     * never over what is committed as of its day.
     */
    public Grant pay(String id, int recipient, int year, se.radhus.common.money.Money amount, LocalDate paidOn, String key) {
        Grant g = get(id).grant();
        if (g.status() != Grant.Status.COMMITTED) {
            throw new RuleViolation("grant-state", "Only a committed grant is paid; " + id + " is " + g.status() + ".");
        }
        if (g.conditionStatus() == Grant.ConditionStatus.CONDITIONAL) {
            throw new RuleViolation("grant-condition-open", "The condition of grant " + id + " is not confirmed yet: \""
                    + g.condition() + "\"");
        }
        if (recipient < 0 || recipient >= g.recipients().size()) {
            throw new se.radhus.common.domain.InvalidInput("recipient", "the recipient's index, 0 to " + (g.recipients().size() - 1));
        }
        if (paidOn == null || key == null || key.isBlank()) {
            throw new se.radhus.common.domain.InvalidInput("paidOn", "the day of payment, and an Idempotency-Key");
        }
        Grant dated = g.decisionAdjustedOn() != null || g.decision() == null ? g
                // committed before the day of its justering was kept: meetings-service says it
                : g.adjustedOn(decisions.verify(g.decision(), true).adjustedOn());
        dated.checkPaymentDate(paidOn, ledger.today());
        var request = new LedgerService.Request("grant:" + id + ":pay:" + key, LedgerService.fingerprint("pay", id, recipient, year, amount),
                paidOn, g.decision());
        ledger.apply(g.appropriationId(), request, LedgerService.Scope.holds(g.holds()), p -> entries -> {
            String hold = entries.stream().anyMatch(e -> (g.holdId(recipient) + "-c").equals(e.holdId())) ? g.holdId(recipient) + "-c"
                    : g.holdId(recipient);
            return FundsControl.pay(entries, p, hold, year, amount);
        });
        return settle(id);
    }

    /** What is paid of a grant: its payments less the reversed ones, on its own holds only (matched exactly). */
    public long paid(Grant g) {
        return g.paidFrom(ledger.holds(g.appropriationId(), g.holds()));
    }

    /** Brings the grant's status in line with what its ledger says is paid (PAID when all is, COMMITTED again after a reversal). */
    public Grant settle(String id) {
        for (int attempt = 0; attempt < 20; attempt++) {
            GrantStore.Versioned v = get(id);
            Grant next = v.grant().withPaid(paid(v.grant()));
            if (next.equals(v.grant()) || grants.replace(next, v.version())) {
                return next;
            }
        }
        throw new ProblemException(Problem.conflict("concurrent-change", "Changed concurrently", "Grant " + id + " kept changing; retry."));
    }

    /** The condition is met, as of {@code effectiveDate} (not a day to come): payments may be dated from then. */
    public Grant confirmCondition(String id, LocalDate effectiveDate) {
        if (effectiveDate != null && effectiveDate.isAfter(ledger.today())) {
            throw new RuleViolation("condition-in-future", "A condition is confirmed once it is met; " + effectiveDate
                    + " is after today, " + ledger.today() + ".");
        }
        return change(id, g -> g.conditionConfirmed(effectiveDate), "confirm", effectiveDate, null, null);
    }

    /** The condition failed: the grant lapses and releases its money. */
    public Grant lapse(String id, LocalDate effectiveDate) {
        return change(id, Grant::conditionLapsed, "lapse", effectiveDate, null, GrantService::releaseAll);
    }

    /**
     * Cancels a grant and gives its unpaid money back. A committed grant is cancelled only by an adjusted
     * decision ({@code by}, verified first, then the grant's state); a reserved one (a draft) needs none.
     * Cancelled already by the same (a retry): unchanged.
     */
    public Grant cancel(String id, LocalDate effectiveDate, DecisionRef by) {
        Grant current = get(id).grant();
        if (current.status() == Grant.Status.CANCELLED && java.util.Objects.equals(current.cancellation(), by)) {
            return current;
        }
        if (effectiveDate == null) {
            throw new InvalidInput("effectiveDate", "the day the change counts from, YYYY-MM-DD");
        }
        if (current.status() == Grant.Status.COMMITTED || by != null) {
            decisions.verify(by, current.status() == Grant.Status.COMMITTED);
        }
        return change(id, g -> {
            if (g.status() == Grant.Status.COMMITTED && current.status() != Grant.Status.COMMITTED) {
                throw new RuleViolation("grant-state", "Grant " + id + " was committed meanwhile; cancel it by an adjusted decision.");
            }
            return g.cancelled(by);
        }, "cancel", effectiveDate, by, GrantService::releaseAll);
    }
}
