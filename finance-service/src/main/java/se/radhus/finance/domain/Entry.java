package se.radhus.finance.domain;

import java.time.Instant;
import java.time.LocalDate;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.money.Money;

/**
 * One line of the ledger; never changed once written. Amounts are positive; the kind says how they count.
 *
 * @param effectiveDate  from when the entry counts in balances
 * @param recordedAt     when it was written
 * @param decision       the decision that caused it
 * @param idempotencyKey the caller's key of the request that wrote it
 * @param holdId         the reservation or commitment this entry opens or belongs to
 * @param releases       for RELEASE and REVERSAL: the kind of what it takes back
 * @param reverses       for REVERSAL: the id of the entry it cancels
 * @param preCommitment  on a year with no appropriated amount yet: an explicit pre-commitment
 * @param reason         for a REVERSAL: why the entry it cancels was wrong, in words
 */
public record Entry(String id, EntryKind kind, int year, Money amount, LocalDate effectiveDate, Instant recordedAt,
                    DecisionRef decision, String idempotencyKey, String holdId, EntryKind releases, String reverses,
                    boolean preCommitment, String reason) {

    /** An entry that gives no reason (all but a reversal). */
    public Entry(String id, EntryKind kind, int year, Money amount, LocalDate effectiveDate, Instant recordedAt,
                 DecisionRef decision, String idempotencyKey, String holdId, EntryKind releases, String reverses,
                 boolean preCommitment) {
        this(id, kind, year, amount, effectiveDate, recordedAt, decision, idempotencyKey, holdId, releases, reverses,
                preCommitment, null);
    }

    public Entry {
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("a ledger entry has a positive amount");
        }
        if (effectiveDate == null) {
            throw new IllegalArgumentException("a ledger entry has an effective date");
        }
        if ((kind == EntryKind.RELEASE || kind == EntryKind.REVERSAL) && releases == null) {
            throw new IllegalArgumentException(kind + " names the kind of entry it takes back");
        }
    }
}
