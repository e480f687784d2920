package se.radhus.finance.domain;

/** What a ledger entry does to its appropriation-year. */
public enum EntryKind {
    /** Money appropriated to the year (anslag). */
    ALLOCATION,
    /** Money set aside by a drafted decision. */
    RESERVATION,
    /** Money bound by an adjusted decision. */
    COMMITMENT,
    /** A reservation or commitment given back, in whole or part. */
    RELEASE,
    /** Money paid out against a commitment. */
    PAYMENT,
    /** A correction that cancels an earlier entry. */
    REVERSAL
}
