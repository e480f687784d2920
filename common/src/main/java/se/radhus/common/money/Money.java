package se.radhus.common.money;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount: öre (1/100 of the currency unit) and an ISO 4217 code. Never a float. Arithmetic
 * refuses to mix currencies and to overflow.
 */
public record Money(long ore, String currency) implements Comparable<Money> {

    public static final String SEK = "SEK";
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!CODE.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as SEK, not " + currency);
        }
    }

    public static Money sek(long ore) {
        return new Money(ore, SEK);
    }

    public static Money kronor(long kronor) {
        return sek(Math.multiplyExact(kronor, 100L));
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(ore, other.ore), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(ore, other.ore), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(ore), currency);
    }

    public boolean isNegative() {
        return ore < 0;
    }

    public boolean isZero() {
        return ore == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " and " + other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(ore, other.ore);
    }

    /** Swedish display, e.g. "20 000 kr", "1 234,50 kr". */
    public String display() {
        return SwedishFormat.kronor(this);
    }
}
