package se.radhus.common.diarium;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case number in a diarium: registry prefix, year, sequence, printed in its registry's {@link Form}.
 * The default form is {@code KS-2024/00449} (five digits, zero-padded); other registries print
 * {@code SLK-2024-00252}, {@code 00190/2024}, {@code 0098/22} or a plain id such as {@code 78990}.
 * {@link #parse} accepts the spellings real protocols use: Unicode hyphens and dashes
 * ({@code KS‐2024/00449}), a space instead of the hyphen ({@code KS 2024/00449}), a leading "Dnr",
 * "Diarienr", "Diarienummer" or "Ärendenummer", unpadded sequences ({@code KS 2024/449}) and a filing code
 * stuck on after the year ({@code 00158/20231.1.3.}, which is not part of the number) and a part of a
 * case after a colon ({@code SLK-2025-00005:54}, kept). Two numbers are the same when they print the same.
 *
 * @param part a sub-number of the case as printed after a colon, or null
 */
public record Diarienummer(String registry, int year, int sequence, Form form, String part) implements Comparable<Diarienummer> {

    /** What a person should write; used in error messages. */
    public static final String EXPECTED_FORM = "PREFIX-YYYY/NNNNN, e.g. KS-2024/00449 (or a registry's own form:"
            + " SLK-2024-00252, 00190/2024, 0098/22, 78990)";

    /** How a registry prints its numbers. */
    public enum Form {
        /** {@code KS-2024/00449}. */
        PREFIX_YEAR_SLASH("PREFIX-YYYY/NNNNN"),
        /** {@code SLK-2024-00252}. */
        PREFIX_YEAR_DASH("PREFIX-YYYY-NNNNN"),
        /** {@code 00190/2024}, perhaps with a filing code after it. */
        SEQUENCE_YEAR("NNNNN/YYYY"),
        /** {@code 0098/22}. */
        SEQUENCE_SHORT_YEAR("NNNN/YY"),
        /** A registry's plain running id, {@code 78990}. */
        NUMBER("N");

        private final String pattern;

        Form(String pattern) {
            this.pattern = pattern;
        }

        /** The form as configured: {@code PREFIX-YYYY/NNNNN}, {@code NNNNN/YYYY} …. */
        public String pattern() {
            return pattern;
        }

        /** The form that a configuration value names (its pattern or its name). */
        public static Form named(String value) {
            for (Form f : values()) {
                if (f.pattern.equalsIgnoreCase(value.strip()) || f.name().equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("no diarium form \"" + value + "\"; expected one of PREFIX-YYYY/NNNNN,"
                    + " PREFIX-YYYY-NNNNN, NNNNN/YYYY, NNNN/YY, N");
        }
    }

    private static final Pattern REGISTRY = Pattern.compile("[A-ZÅÄÖ]{1,10}");
    private static final String WORDS = "(?:(?:dnr|diarienr|diarienummer|ärendenummer|ärendenr)\\.?:?\\s*)?";
    private static final String PART = "(?::(-?\\d{1,4}))?";
    private static final Pattern SLASH = Pattern.compile("(?iu)^" + WORDS + "([a-zåäö]{1,10})\\s*[-\\s]?\\s*(\\d{4})\\s*/\\s*(\\d{1,5})" + PART + "$");
    private static final Pattern DASH = Pattern.compile("(?iu)^" + WORDS + "([a-zåäö]{1,10})\\s*[-\\s]?\\s*(\\d{4})\\s*-\\s*(\\d{1,5})" + PART + "$");
    private static final Pattern SEQUENCE_YEAR = Pattern.compile("(?iu)^" + WORDS + "(\\d{1,6})\\s*/\\s*(\\d{4})(?:\\s*\\d+(?:\\.\\d+)*\\.?)?$");
    private static final Pattern SHORT_YEAR = Pattern.compile("(?iu)^" + WORDS + "(\\d{1,6})\\s*/\\s*(\\d{2})$");
    private static final Pattern NUMBER = Pattern.compile("(?iu)^" + WORDS + "(\\d{1,9})$");

    public Diarienummer {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(form, "form");
        if (part != null && !part.matches("-?\\d{1,4}")) {
            throw new IllegalArgumentException("the part of a case number is a number, not \"" + part + "\"");
        }
        boolean prefixed = form == Form.PREFIX_YEAR_SLASH || form == Form.PREFIX_YEAR_DASH;
        if (prefixed && !REGISTRY.matcher(registry).matches()) {
            throw new IllegalArgumentException("the registry prefix is 1-10 upper-case letters, not \"" + registry + "\"");
        }
        if (!prefixed && !registry.isEmpty() && !REGISTRY.matcher(registry).matches()) {
            throw new IllegalArgumentException("the registry is 1-10 upper-case letters or none, not \"" + registry + "\"");
        }
        if (form == Form.NUMBER) {
            if (year != 0) {
                throw new IllegalArgumentException("a plain case id has no year");
            }
            if (sequence < 1) {
                throw new IllegalArgumentException("a case id is a positive number, not " + sequence);
            }
        } else {
            if (year < 1900 || year > 2999) {
                throw new IllegalArgumentException("the year of a case number is four digits, not " + year);
            }
            int max = form == Form.SEQUENCE_YEAR || form == Form.SEQUENCE_SHORT_YEAR ? 999_999 : 99_999;
            if (sequence < 1 || sequence > max) {
                throw new IllegalArgumentException("the sequence of a case number is 1-" + max + ", not " + sequence);
            }
        }
    }

    /** A number in the default form, {@code KS-2024/00449}. */
    public Diarienummer(String registry, int year, int sequence) {
        this(registry, year, sequence, Form.PREFIX_YEAR_SLASH, null);
    }

    /** A whole case (no part) in the given form. */
    public Diarienummer(String registry, int year, int sequence, Form form) {
        this(registry, year, sequence, form, null);
    }

    /** The same number in another registry form (allocation in a registry's configured form). */
    public Diarienummer in(Form other) {
        return new Diarienummer(registry, other == Form.NUMBER ? 0 : year, sequence, other, null);
    }

    /**
     * Reads any common spelling of any form.
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
        try {
            Matcher m = SLASH.matcher(normal);
            if (m.matches()) {
                return new Diarienummer(m.group(1).toUpperCase(Locale.ROOT), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Form.PREFIX_YEAR_SLASH, m.group(4));
            }
            m = DASH.matcher(normal);
            if (m.matches()) {
                return new Diarienummer(m.group(1).toUpperCase(Locale.ROOT), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Form.PREFIX_YEAR_DASH, m.group(4));
            }
            m = SEQUENCE_YEAR.matcher(normal);
            if (m.matches()) {
                return new Diarienummer("", Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), Form.SEQUENCE_YEAR);
            }
            m = SHORT_YEAR.matcher(normal);
            if (m.matches()) {
                return new Diarienummer("", 2000 + Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), Form.SEQUENCE_SHORT_YEAR);
            }
            m = NUMBER.matcher(normal);
            if (m.matches()) {
                return new Diarienummer("", 0, Integer.parseInt(m.group(1)), Form.NUMBER);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; expected " + EXPECTED_FORM, e);
        }
        throw new IllegalArgumentException("\"" + text.strip() + "\" is not a case number; expected " + EXPECTED_FORM);
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

    /** The number as its registry prints it: {@code KS-2024/00449}, {@code SLK-2024-00252}, {@code 00190/2024} …. */
    @Override
    public String toString() {
        return part == null ? whole() : whole() + ":" + part;
    }

    private String whole() {
        return switch (form) {
            case PREFIX_YEAR_SLASH -> String.format("%s-%d/%05d", registry, year, sequence);
            case PREFIX_YEAR_DASH -> String.format("%s-%d-%05d", registry, year, sequence);
            case SEQUENCE_YEAR -> String.format("%05d/%d", sequence, year);
            case SEQUENCE_SHORT_YEAR -> String.format("%04d/%02d", sequence, year % 100);
            case NUMBER -> Integer.toString(sequence);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Diarienummer d && toString().equals(d.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** For URLs: {@code KS-2024/00449} is {@code /api/cases/KS-2024/00449}. */
    public String path() {
        return toString();
    }

    @Override
    public int compareTo(Diarienummer o) {
        int c = form.compareTo(o.form);
        if (c != 0) {
            return c;
        }
        c = registry.compareTo(o.registry);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(year, o.year);
        c = c != 0 ? c : Integer.compare(sequence, o.sequence);
        return c != 0 ? c : toString().compareTo(o.toString());
    }
}
