package se.radhus.meetings.importing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The running text of a protocol, with its pages taken away: lines normalised (odd spaces, Unicode
 * hyphens), page furniture dropped wherever it falls (so a sentence across a page break joins up), and
 * the protocol's own meeting date read where the protocol prints it: a "Sammanträdesdatum:" line or a
 * page header. Never from the body text, which cites other meetings' dates.
 *
 * <p>Two conventions for blank lines exist. Text extracted with one empty line after every line marks a
 * paragraph break with a line of spaces; there an empty line only separates. Everywhere else an empty
 * line is a paragraph break.
 */
final class PageText {

    /** The lines, the body named in the page headers, the protocol's own date, and what was odd. */
    record Read(List<Line> lines, String bodyName, LocalDate date, List<String> warnings) {
    }

    private static final String MARK = "\u0000";
    /** How far (in lines with text) a header's name or date may stand from other furniture. */
    private static final int HEADER_REACH = 2;

    private PageText() {
    }

    static Read read(String text, ProtocolLayout layout) {
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        boolean spaced = false;
        for (String r : raw) {
            if (!r.isEmpty() && r.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                spaced = true;
                break;
            }
        }
        List<Line> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isEmpty()) {
                if (!spaced) {
                    lines.add(new Line(i + 1, ""));
                }
                continue;
            }
            String t = normalise(raw[i]);
            if (t.equals("\u00B6")) {
                t = ""; // the unseen paragraph mark of a protocol Rådhus rendered
            }
            lines.add(new Line(i + 1, t));
        }
        // furniture: what is furniture by itself, then header names and dates that stand next to it
        int n = lines.size();
        boolean[] furniture = new boolean[n];
        List<String> warnings = new ArrayList<>();
        String bodyName = null;
        LocalDate date = null;
        for (int k = 0; k < n; k++) {
            String t = lines.get(k).text();
            if (t.isEmpty()) {
                continue;
            }
            Matcher d = layout.meetingDate(t);
            if (d != null || layout.furniture(t)) {
                furniture[k] = true;
                if (d != null) {
                    LocalDate found = date(d.group("date"));
                    if (found != null && date == null) {
                        date = found;
                        bodyName = group(d, "body");
                    } else if (found != null && !found.equals(date)) {
                        warnings.add("line " + lines.get(k).number() + ": another meeting date " + found + " in a page header; "
                                + date + " is kept");
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            // "Sammanträdesdatum" with its date on the next line
            if (lines.get(k).blank() || !layout.dateLabel(lines.get(k).text())) {
                continue;
            }
            int j = k + 1;
            while (j < n && lines.get(j).blank()) {
                j++;
            }
            LocalDate found = j < n ? date(lines.get(j).text()) : null;
            if (found != null) {
                furniture[k] = true;
                furniture[j] = true;
                if (date == null) {
                    date = found;
                } else if (!found.equals(date)) {
                    warnings.add("line " + lines.get(j).number() + ": another meeting date " + found + "; " + date + " is kept");
                }
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < n; k++) {
                String t = lines.get(k).text();
                if (furniture[k] || t.isEmpty() || !nearFurniture(lines, furniture, k, HEADER_REACH)) {
                    continue;
                }
                Matcher h = layout.headerDate(t);
                if (h != null && date(h.group("date")) != null && nearFurniture(lines, furniture, k, 1)) {
                    furniture[k] = true;
                    LocalDate found = date(h.group("date"));
                    if (date == null) {
                        date = found;
                        bodyName = group(h, "body");
                    } else if (!found.equals(date)) {
                        warnings.add("line " + lines.get(k).number() + ": another meeting date " + found + " in a page header; "
                                + date + " is kept");
                    }
                    if (bodyName == null) {
                        bodyName = group(h, "body");
                    }
                } else if (layout.headerName(t)) {
                    furniture[k] = true;
                }
            }
        }
        List<Line> marked = new ArrayList<>(n);
        boolean anyParagraph = false;
        for (int k = 0; k < n; k++) {
            Line l = lines.get(k);
            if (furniture[k]) {
                marked.add(new Line(l.number(), MARK));
                continue;
            }
            if (l.text().equalsIgnoreCase("Underskrifter") && anyParagraph) {
                break; // the signature block closes the last paragraph
            }
            anyParagraph |= l.text().startsWith("§");
            marked.add(l);
        }
        return new Read(dropFurniture(marked), bodyName, date, warnings);
    }

    private static String group(Matcher m, String name) {
        try {
            String g = m.group(name);
            return g == null ? null : g.strip();
        } catch (IllegalArgumentException e) {
            return null; // the pattern has no such group
        }
    }

    private static final java.util.List<String> MONTHS = java.util.List.of("januari", "februari", "mars", "april", "maj", "juni",
            "juli", "augusti", "september", "oktober", "november", "december");
    private static final java.util.regex.Pattern SWEDISH = java.util.regex.Pattern.compile(
            "(?iu)(?:\\p{L}+dagen\\s+(?:den\\s+)?)?(\\d{1,2})\\s+(\\p{L}+)\\s+(\\d{4})");

    /** A day as protocols print it: "2024-05-21", or "21 maj 2024" (perhaps "tisdagen den 21 maj 2024"). */
    static LocalDate date(String text) {
        String t = text.strip().replace('\u2010', '-').replace('\u2011', '-');
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            Matcher m = SWEDISH.matcher(t);
            int month = m.matches() ? MONTHS.indexOf(m.group(2).toLowerCase(java.util.Locale.ROOT)) : -1;
            if (month < 0) {
                return null;
            }
            try {
                return LocalDate.of(Integer.parseInt(m.group(3)), month + 1, Integer.parseInt(m.group(1)));
            } catch (java.time.DateTimeException bad) {
                return null;
            }
        }
    }

    /** A furniture line within reach, before or after, counting lines with text only. */
    private static boolean nearFurniture(List<Line> lines, boolean[] furniture, int k, int reach) {
        for (int dir = -1; dir <= 1; dir += 2) {
            int seen = 0;
            for (int j = k + dir; j >= 0 && j < lines.size() && seen < reach; j += dir) {
                if (lines.get(j).blank()) {
                    continue;
                }
                if (furniture[j]) {
                    return true;
                }
                seen++;
            }
        }
        return false;
    }

    /**
     * Drops furniture markers and the blank lines that follow them, so that a sentence across a page
     * joins up; a blank line before the furniture stays where the text before it ends a sentence (a
     * paragraph ended at the foot of the page).
     */
    static List<Line> dropFurniture(List<Line> in) {
        List<Line> out = new ArrayList<>(in.size());
        for (int k = 0; k < in.size(); k++) {
            Line l = in.get(k);
            if (l.text().equals(MARK)) {
                int size = out.size();
                if (size >= 2 && out.get(size - 1).blank() && !out.get(size - 2).blank()
                        && !endsSentence(out.get(size - 2).text())) {
                    out.remove(size - 1); // the page broke a sentence: it joins up across the furniture
                }
                while (k + 1 < in.size() && (in.get(k + 1).blank() || in.get(k + 1).text().equals(MARK))) {
                    k++;
                }
                continue;
            }
            out.add(l);
        }
        return out;
    }

    private static boolean endsSentence(String t) {
        char c = t.charAt(t.length() - 1);
        return c == '.' || c == ':' || c == '?' || c == '!' || c == ')' || c == '"' || c == '\u201D';
    }

    /** NBSP and other odd spaces to spaces, Unicode hyphens and minus to '-', trimmed, runs of spaces collapsed. */
    static String normalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u2010' || c == '\u2011' || c == '\u2212' || c == '\u00AD' || c == '\uF0B7' || c == '\u2022') {
                out.append('-'); // hyphens, and the bullets of Word lists
                space = false;
            } else if (Character.isSpaceChar(c) || c == '\t') {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else if (c >= ' ') {
                out.append(c);
                space = false;
            }
        }
        return out.toString().strip();
    }
}
