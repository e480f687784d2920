package se.radhus.finance.domain;

import se.radhus.common.money.Money;

/**
 * An appropriation-year's position: appropriated, reserved (drafts), committed (adjusted decisions,
 * including what has been paid), paid, remaining = appropriated − reserved − committed, and what is
 * pre-committed on a year that has no appropriated amount yet (counted as reserved or committed from the
 * moment the year's amount is set; until then it is shown apart and not taken from the year's zero).
 */
public record YearBalance(int year, Money appropriated, Money reserved, Money committed, Money paid, Money remaining,
                          Money preCommitted) {
}
