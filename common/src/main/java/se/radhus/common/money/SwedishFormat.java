package se.radhus.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts as Swedish documents write them: a space between thousands, a comma before decimals.
 * {@code 2000000} öre is "20 000 kr"; {@code 147820000} öre is "1 478,2 tkr".
 */
public final class SwedishFormat {

    private SwedishFormat() {
    }

    /** Whole kronor when there are no öre ("20 000 kr"), else with two decimals ("1 234,50 kr"). */
    public static String kronor(Money money) {
        long ore = money.ore();
        String sign = ore < 0 ? "−" : "";
        long abs = Math.abs(ore);
        String whole = group(abs / 100);
        long cents = abs % 100;
        String unit = Money.SEK.equals(money.currency()) ? " kr" : " " + money.currency();
        return sign + whole + (cents == 0 ? "" : "," + String.format("%02d", cents)) + unit;
    }

    /** Thousands of kronor with one decimal, rounded half up: "1 478,2 tkr". */
    public static String tkr(Money money) {
        BigDecimal tkr = BigDecimal.valueOf(money.ore()).movePointLeft(5).setScale(1, RoundingMode.HALF_UP);
        String sign = tkr.signum() < 0 ? "−" : "";
        BigDecimal abs = tkr.abs();
        long whole = abs.longValue();
        int tenth = abs.remainder(BigDecimal.ONE).movePointRight(1).intValue();
        return sign + group(whole) + "," + tenth + " tkr";
    }

    static String group(long value) {
        String digits = Long.toString(value);
        StringBuilder out = new StringBuilder();
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append(' ');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
