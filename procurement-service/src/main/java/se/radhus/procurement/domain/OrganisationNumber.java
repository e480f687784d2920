package se.radhus.procurement.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish organisation number, NNNNNN-NNNN: ten digits whose last is a Luhn check digit over the first
 * nine. The third digit of a legal person's number is at least 2.
 */
public final class OrganisationNumber {

    private static final Pattern FORM = Pattern.compile("(\\d{6})-?(\\d{4})");

    private OrganisationNumber() {
    }

    /** The canonical "NNNNNN-NNNN", or an IllegalArgumentException saying what is wrong. */
    public static String normalise(String text) {
        if (text == null) {
            throw new IllegalArgumentException("an organisation number is NNNNNN-NNNN, e.g. 556036-0793");
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not an organisation number NNNNNN-NNNN");
        }
        String digits = m.group(1) + m.group(2);
        if (!luhnValid(digits)) {
            throw new IllegalArgumentException("\"" + text + "\" has a wrong check digit");
        }
        return m.group(1) + "-" + m.group(2);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
