package se.radhus.meetings.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The paragraphs an official attended, "§ 178-180" or "§ 190". */
public record ParagraphRange(int from, int to) {

    private static final Pattern TEXT = Pattern.compile("§?\\s*(\\d{1,4})\\s*(?:[-\u2010\u2011\u2012\u2013\u2014]\\s*(\\d{1,4}))?");

    public ParagraphRange {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("a paragraph range runs from a first to a last §, not " + from + "-" + to);
        }
    }

    /** Reads "§ 178-180", "§ 178‐180", "190". */
    public static ParagraphRange parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a paragraph range like \"§ 178-180\"");
        }
        int from = Integer.parseInt(m.group(1));
        return new ParagraphRange(from, m.group(2) == null ? from : Integer.parseInt(m.group(2)));
    }

    public boolean contains(int paragraph) {
        return paragraph >= from && paragraph <= to;
    }

    @Override
    public String toString() {
        return from == to ? "§ " + from : "§ " + from + "-" + to;
    }
}
