package se.radhus.finance.domain;

import se.radhus.common.money.Money;

/** An amount for one budget year. */
public record YearAmount(int year, Money amount) {

    public YearAmount {
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        java.util.Objects.requireNonNull(amount, "amount");
    }
}
