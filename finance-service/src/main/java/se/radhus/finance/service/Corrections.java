package se.radhus.finance.service;

import jakarta.inject.Singleton;
import java.util.List;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.EntryKind;
import se.radhus.finance.domain.FundsControl;
import se.radhus.finance.domain.Grant;
import se.radhus.micronaut.client.DecisionVerifier;

/**
 * Corrections of the ledger: only ever a reversing entry, counting from today, with its reason and the
 * adjusted decision it rests on. The wrong entry stays as it was written, so the balance as of any day
 * before the correction is what it was. A reversed payment of a grant puts the grant back where its
 * payments leave it (a paid grant is committed again).
 */
@Singleton
public class Corrections {

    private final LedgerService ledger;
    private final GrantService grants;
    private final DecisionVerifier decisions;

    public Corrections(LedgerService ledger, GrantService grants, DecisionVerifier decisions) {
        this.ledger = ledger;
        this.grants = grants;
        this.decisions = decisions;
    }

    /**
     * Reverses entry {@code entryId} of the appropriation's ledger.
     *
     * @param key the caller's idempotency key: a retry writes nothing more
     * @return the reversing entry
     */
    public List<Entry> reverse(String appropriationId, String entryId, String reason, DecisionRef decision, String key) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidInput("reason", "why the entry is wrong, 1-2000 characters");
        }
        Entry original = ledger.entry(appropriationId, entryId)
                .orElseThrow(() -> new se.radhus.common.api.ProblemException(se.radhus.common.api.Problem.notFound(
                        "The ledger of " + appropriationId + " has no entry " + entryId + ".")));
        decisions.verify(decision, true);
        var request = new LedgerService.Request(key, LedgerService.fingerprint("reverse", appropriationId, entryId, reason.strip(), decision),
                ledger.today(), decision);
        var applied = ledger.apply(appropriationId, request, LedgerService.Scope.entry(entryId), p -> entries -> FundsControl.reverse(entries, p, entryId, reason));
        if (original.kind() == EntryKind.PAYMENT) {
            Grant.idOfHold(original.holdId()).flatMap(id -> {
                try {
                    return java.util.Optional.of(grants.get(id).grant());
                } catch (se.radhus.common.api.ProblemException none) {
                    return java.util.Optional.empty();
                }
            }).filter(g -> g.holds().contains(original.holdId())).ifPresent(g -> grants.settle(g.id()));
        }
        return applied.entries();
    }
}
