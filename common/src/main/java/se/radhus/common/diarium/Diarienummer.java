package se.radhus.common.diarium;

import java.text.Normalizer;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case number in a diarium: registry prefix, year, sequence. Canonical form {@code KS-2024/00449}
 * (five digits, zero-padded). {@link #parse} accepts the spellings real protocols use: Unicode hyphens
 * and dashes ({@code KS‐2024/00449}), a space instead of the hyphen ({@code KS 2024/00449}), a leading
 * "Dnr", "Diarienr", "Diarienummer" or "Ärendenummer", and unpadded sequences ({@code KS 2024/449}).
 */
public record Diarienummer(String registry, int year, int sequence) implements Comparable<Diarienummer> {

    /** What a person should write; used in error messages. */
    public static final String EXPECTED_FORM = "PREFIX-YYYY/NNNNN, e.g. KS-2024/00449";

    private static final Pattern REGISTRY = Pattern.compile("[A-ZÅÄÖ]{1,10}");
    private static final Pattern SPELLING = Pattern.compile(
            "(?iu)^(?:(?:dnr|diarienr|diarienummer|ärendenummer|ärendenr)\\.?:?\\s*)?"
                    + "([a-zåäö]{1,10})\\s*[-\\s]\\s*(\\d{4})\\s*/\\s*(\\d{1,5})$");

    public Diarienummer {
        Objects.requireNonNull(registry, "registry");
        if (!REGISTRY.matcher(registry).matches()) {
            throw new IllegalArgumentException("the registry prefix is 1-10 upper-case letters, not \"" + registry + "\"");
        }
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("the year of a case number is four digits, not " + year);
        }
        if (sequence < 1 || sequence > 99_999) {
            throw new IllegalArgumentException("the sequence of a case number is 1-99999, not " + sequence);
        }
    }

    /**
     * Reads any common spelling.
     *
     * @throws IllegalArgumentException naming the expected form when the text is not a case number
     */
    public static Diarienummer parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a case number is required: " + EXPECTED_FORM);
        }
        Diarienummer canonical = canonical(text);
        if (canonical != null) {
            return canonical;
        }
        String normal = normalise(text);
        Matcher m = SPELLING.matcher(normal);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not a case number; expected " + EXPECTED_FORM);
        }
        try {
            return new Diarienummer(m.group(1).toUpperCase(java.util.Locale.ROOT), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; expected " + EXPECTED_FORM, e);
        }
    }

    /** The canonical form read directly (what stores and APIs hand back); null for any other spelling. */
    private static Diarienummer canonical(String text) {
        int dash = text.indexOf('-');
        int slash = dash + 5;
        if (dash < 1 || dash > 10 || text.length() != slash + 6 || text.charAt(slash) != '/') {
            return null;
        }
        for (int i = 0; i < dash; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != 'Å' && c != 'Ä' && c != 'Ö') {
                return null;
            }
        }
        int year = digits(text, dash + 1, slash);
        int sequence = digits(text, slash + 1, text.length());
        if (year < 1900 || year > 2999 || sequence < 1) {
            return null; // the general reading names what is wrong
        }
        return new Diarienummer(text.substring(0, dash), year, sequence);
    }

    /** The number the digits from..to spell, or -1 when one is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** NFC, every Unicode dash and hyphen to '-', every kind of space to ' ', trimmed. */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212'
                    || c == '\uFE63' || c == '\uFF0D' || c == '\u00AD') {
                out.append('-');
            } else if (Character.isSpaceChar(c) || Character.isWhitespace(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString().strip().replaceAll(" {2,}", " ");
    }

    /** The canonical form, {@code KS-2024/00449}. */
    @Override
    public String toString() {
        String digits = Integer.toString(sequence);
        return registry + "-" + year + "/" + "00000".substring(digits.length()) + digits;
    }

    /** For URLs: {@code KS-2024/00449} is {@code /api/cases/KS-2024/00449}. */
    public String path() {
        return toString();
    }

    @Override
    public int compareTo(Diarienummer o) {
        int c = registry.compareTo(o.registry);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(year, o.year);
        return c != 0 ? c : Integer.compare(sequence, o.sequence);
    }
}
