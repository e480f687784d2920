package se.radhus.micronaut;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import se.radhus.common.money.Money;

/**
 * Money in JSON: {@code {"ore": 2000000, "currency": "SEK", "display": "20 000 kr"}}. The display is
 * written on the way out and ignored on the way in.
 */
@Serdeable
public record MoneyJson(long ore, @Nullable String currency, @Nullable String display) {

    public static MoneyJson of(Money money) {
        return new MoneyJson(money.ore(), money.currency(), money.display());
    }

    /** @throws IllegalArgumentException when the currency is not an ISO 4217 code */
    public Money toMoney() {
        return new Money(ore, currency == null ? Money.SEK : currency);
    }
}
