package se.radhus.portal.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A search hit's snippet, where the API marks the matched words with {@code <em>…</em>}, as plain text
 * segments, each marked or not. The page writes every segment as escaped text (a {@code mark} element
 * for the matches), so nothing in a snippet is ever taken as markup.
 */
public final class Snippets {

    /** A piece of a snippet; {@code match} when the search matched it. */
    public record Segment(String text, boolean match) {
    }

    private static final String OPEN = "<em>";
    private static final String CLOSE = "</em>";

    private Snippets() {
    }

    public static List<Segment> parse(String snippet) {
        List<Segment> out = new ArrayList<>();
        if (snippet == null) {
            return out;
        }
        int at = 0;
        while (at < snippet.length()) {
            int open = snippet.indexOf(OPEN, at);
            if (open < 0) {
                break;
            }
            int close = snippet.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                break;
            }
            add(out, snippet.substring(at, open), false);
            add(out, snippet.substring(open + OPEN.length(), close), true);
            at = close + CLOSE.length();
        }
        add(out, snippet.substring(at), false);
        return out;
    }

    private static void add(List<Segment> out, String text, boolean match) {
        if (!text.isEmpty()) {
            out.add(new Segment(text, match));
        }
    }
}
