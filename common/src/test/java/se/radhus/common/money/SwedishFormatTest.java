package se.radhus.common.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SwedishFormatTest {

    @Test
    void seedAmountsReadAsInTheProtocol() {
        assertEquals("20 000 kr", Money.kronor(20_000).display());
        assertEquals("1 452 384 kr", Money.kronor(1_452_384).display());
        assertEquals("20 024 kr", Money.kronor(20_024).display());
        assertEquals("140 168 kr", Money.kronor(7 * 20_024).display());
        assertEquals("1 478,2 tkr", SwedishFormat.tkr(Money.kronor(1_478_200)));
        assertEquals("3 007,4 tkr", SwedishFormat.tkr(Money.kronor(3_007_400)));
        assertEquals("9 296,2 tkr", SwedishFormat.tkr(Money.kronor(9_296_200)));
        assertEquals("1 617,0 tkr", SwedishFormat.tkr(Money.kronor(1_617_000)));
    }

    @Test
    void smallAndOddAmounts() {
        assertEquals("0 kr", Money.sek(0).display());
        assertEquals("0,01 kr", Money.sek(1).display());
        assertEquals("999 kr", Money.kronor(999).display());
        assertEquals("1 000 kr", Money.kronor(1000).display());
        assertEquals("1 234,50 kr", Money.sek(123_450).display());
        assertEquals("−20 000 kr", Money.kronor(-20_000).display());
        assertEquals("0,1 tkr", SwedishFormat.tkr(Money.kronor(50)));
        assertEquals("0,0 tkr", SwedishFormat.tkr(Money.kronor(49)));
        assertEquals("−1,5 tkr", SwedishFormat.tkr(Money.kronor(-1_450)));
        assertEquals("12 EUR", new Money(1200, "EUR").display());
    }

    @Test
    void arithmeticRefusesMixedCurrenciesAndOverflow() {
        assertThrows(IllegalArgumentException.class, () -> Money.sek(1).plus(new Money(1, "EUR")));
        assertThrows(ArithmeticException.class, () -> Money.sek(Long.MAX_VALUE).plus(Money.sek(1)));
        assertThrows(IllegalArgumentException.class, () -> new Money(1, "kr"));
    }

    @Property
    void groupingKeepsTheDigitsAndPutsASpaceEveryThree(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 100) long kronor) {
        String grouped = SwedishFormat.group(kronor);
        assertEquals(Long.toString(kronor), grouped.replace(" ", ""));
        String[] groups = grouped.split(" ");
        for (int i = 1; i < groups.length; i++) {
            assertEquals(3, groups[i].length(), grouped);
        }
    }

    @Property
    void plusAndMinusAreInverse(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
                                @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        assertEquals(Money.sek(a), Money.sek(a).plus(Money.sek(b)).minus(Money.sek(b)));
    }
}
