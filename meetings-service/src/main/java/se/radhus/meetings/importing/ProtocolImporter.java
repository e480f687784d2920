package se.radhus.meetings.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.meetings.domain.Attendee;
import se.radhus.meetings.domain.DecisionKind;
import se.radhus.meetings.domain.DecisionSection;
import se.radhus.meetings.domain.Motion;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.ParagraphRange;
import se.radhus.meetings.domain.Role;

/**
 * Reads the text of a protocol (as extracted from its PDF) into its meeting: officials, and every
 * paragraph with its diarienummer, title, decisions in att-clauses, description, basis, preparers,
 * motions, voting order, the chair's finding and recipients. Page furniture ("Sida 16 av 32", the
 * repeated header, "Justerares sign") is dropped wherever it falls, even mid-sentence; Unicode hyphens
 * and odd spaces are normalised. What it cannot place is reported by line number; it invents nothing.
 */
public final class ProtocolImporter {

    /** What was read, and the warnings about what could not be placed. */
    public record Imported(String bodyName, LocalDate date, List<Attendee> officials, List<Paragraph> paragraphs,
                           List<String> warnings) {
    }

    private record Line(int number, String text) {
        boolean blank() {
            return text.isEmpty();
        }
    }

    static final Pattern PARAGRAPH = Pattern.compile("§\\s*(\\d{1,4})");
    static final Pattern DNR = Pattern.compile("(?i)(?:diarienr|diarienummer|dnr|ärendenummer)\\.?:?\\s*(.+)");
    static final Pattern DECIDES = Pattern.compile("(.+?)\\s+beslutar(\\s+att)?\\s*:?");
    static final Pattern CLAUSE = Pattern.compile("(?i)att\\s+(.*)");
    static final Pattern PAGE = Pattern.compile("(?i)sida\\s+\\d+\\s+av\\s+\\d+");
    static final Pattern HEADER_DATE = Pattern.compile("(.+?)\\s+(\\d{4}-\\d{2}-\\d{2})");
    /** A page header on one line: "body date Sida 1 av 3". */
    static final Pattern HEADER_PAGE = Pattern.compile("(.+?)\\s+(\\d{4}-\\d{2}-\\d{2})\\s+(?i:sida)\\s+\\d+\\s+av\\s+\\d+");
    static final Pattern OFFICIAL = Pattern.compile("([^,]+),\\s*([^§]+?)(?:,\\s*(§\\s*[\\d\\s-]+))?");
    static final Pattern MOTION = Pattern.compile("(.+?)\\s+[–-]\\s+(.+)");
    static final Pattern PERSON_PARTY = Pattern.compile("\\s*(.+?)\\s*\\(([^)]+)\\)\\s*");
    static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}/.-]*(?:\\s+\\p{Lu}[\\p{L}/.-]*){1,3}");

    enum Section { NONE, TITLE, DECISION, DESCRIPTION, BASIS, PREPARERS, PROCEDURE, MOTIONS, VOTING_ORDER, RECIPIENTS }

    /** NBSP and other odd spaces to spaces, Unicode hyphens and minus to '-', trimmed, runs of spaces collapsed. */
    static String normalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '\u2010' || c == '\u2011' || c == '\u2212' || c == '\u00AD' || c == '\uF0B7' || c == '\u2022') {
                out.append('-'); // hyphens, and the bullets of Word lists
            } else if (Character.isSpaceChar(c) || c == '\t') {
                out.append(' ');
            } else if (c >= ' ' || c == '\n') {
                out.append(c);
            }
        }
        return out.toString().strip().replaceAll(" {2,}", " ");
    }

    public Imported read(String text) {
        List<String> warnings = new ArrayList<>();
        // Empty lines only separate lines; a line of spaces is a paragraph break.
        String[] raw = text.replace("\r\n", "\n").split("\n", -1);
        List<Line> lines = new ArrayList<>();
        String bodyName = null;
        LocalDate date = null;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isEmpty()) {
                continue;
            }
            String t = normalise(raw[i]);
            if (t.equals("\u00B6")) {
                t = ""; // the unseen paragraph mark of a protocol Rådhus rendered
            }
            if (PAGE.matcher(t).matches() || t.matches("(?i).*sammanträdesprotokoll") || t.matches("(?i)justerares sign.*")
                    || t.matches("(?i)utdraget bestyrks.*")) {
                lines.add(new Line(i + 1, "\u0000"));
                continue;
            }
            Matcher hp = HEADER_PAGE.matcher(t);
            if (hp.matches()) {
                bodyName = hp.group(1).strip();
                date = LocalDate.parse(hp.group(2));
                lines.add(new Line(i + 1, "\u0000"));
                continue;
            }
            Matcher h = HEADER_DATE.matcher(t);
            if (h.matches() && !lines.isEmpty() && lines.get(lines.size() - 1).text().equals("\u0000")) {
                bodyName = h.group(1).strip();
                date = LocalDate.parse(h.group(2));
                lines.add(new Line(i + 1, "\u0000"));
                continue;
            }
            if (t.equalsIgnoreCase("Underskrifter") && lines.stream().anyMatch(ProtocolImporter::startsParagraph)) {
                break; // the signature block closes the last paragraph
            }
            lines.add(new Line(i + 1, t));
        }
        lines = dropFurniture(lines);

        List<Attendee> officials = new ArrayList<>();
        List<Paragraph> paragraphs = new ArrayList<>();
        int i = 0;
        boolean inOfficials = false;
        while (i < lines.size() && !startsParagraph(lines.get(i))) {
            Line l = lines.get(i++);
            if (l.text().equalsIgnoreCase("Tjänstemän")) {
                inOfficials = true;
            } else if (inOfficials && !l.blank()) {
                Matcher o = OFFICIAL.matcher(l.text());
                if (o.matches()) {
                    officials.add(new Attendee(null, o.group(1).strip(), null, Role.TJANSTEMAN, null, o.group(2).strip(),
                            o.group(3) == null ? null : ParagraphRange.parse(o.group(3))));
                } else {
                    warnings.add("line " + l.number() + ": not an official \"name, title\": " + l.text());
                }
            } else if (!l.blank() && !l.text().equalsIgnoreCase("Övriga deltagare")) {
                warnings.add("line " + l.number() + ": not placed before the first §: " + l.text());
            }
        }
        while (i < lines.size()) {
            int start = i++;
            while (i < lines.size() && !startsParagraph(lines.get(i))) {
                i++;
            }
            paragraphs.add(paragraph(lines.subList(start, i), warnings));
        }
        return new Imported(bodyName, date, officials, paragraphs, warnings);
    }

    static boolean startsParagraph(Line l) {
        return PARAGRAPH.matcher(l.text()).matches();
    }

    /**
     * Drops furniture markers and the blank lines that follow them, so that a sentence across a page
     * joins up; a blank line before the furniture ends a paragraph at the foot of the page and stays.
     */
    static List<Line> dropFurniture(List<Line> in) {
        List<Line> out = new ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
            Line l = in.get(k);
            if (l.text().equals("\u0000")) {
                while (k + 1 < in.size() && (in.get(k + 1).blank() || in.get(k + 1).text().equals("\u0000"))) {
                    k++;
                }
                continue;
            }
            out.add(l);
        }
        return out;
    }

    static Section heading(String t) {
        String s = t.toLowerCase();
        return switch (s) {
            case "ärendebeskrivning", "ärendet", "sammanfattning", "bakgrund" -> Section.DESCRIPTION;
            case "beslutsunderlag", "handlingar" -> Section.BASIS;
            case "beredningsansvariga" -> Section.PREPARERS;
            case "yrkanden" -> Section.MOTIONS;
            case "beslutet ska skickas till", "protokollsutdrag skickas till", "expedieras till" -> Section.RECIPIENTS;
            default -> s.endsWith("beslutsordning") || s.equals("beslutsgång") ? Section.PROCEDURE
                    : s.startsWith("propositionsordning") ? Section.VOTING_ORDER : null;
        };
    }

    Paragraph paragraph(List<Line> block, List<String> warnings) {
        Matcher nr = PARAGRAPH.matcher(block.get(0).text());
        nr.matches();
        int number = Integer.parseInt(nr.group(1));
        Diarienummer dnr = null;
        List<String> title = new ArrayList<>();
        List<DecisionSection> decisions = new ArrayList<>();
        DecisionKind kind = DecisionKind.BESLUT;
        String decidingBody = null;
        List<String> clauses = null;
        StringBuilder clause = null;
        StringBuilder description = new StringBuilder();
        List<String> basis = new ArrayList<>();
        List<String> preparers = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        List<Motion> motions = new ArrayList<>();
        List<String> votingOrder = new ArrayList<>();
        StringBuilder finding = new StringBuilder();
        Section section = Section.TITLE;
        boolean pendingBreak = false;
        for (Line l : block.subList(1, block.size())) {
            String t = l.text();
            if (l.blank()) {
                pendingBreak = true;
                continue;
            }
            Matcher d = DNR.matcher(t);
            if (dnr == null && section == Section.TITLE && title.isEmpty() && d.matches()) {
                try {
                    dnr = Diarienummer.parse(d.group(1));
                } catch (IllegalArgumentException e) {
                    warnings.add("line " + l.number() + ": § " + number + ": " + e.getMessage());
                }
                continue;
            }
            Section next = heading(t);
            boolean kindHeading = t.equalsIgnoreCase("Beslut") || t.equalsIgnoreCase("Förslag till beslut");
            Matcher decides = DECIDES.matcher(t);
            boolean decidesLine = decides.matches() && (section == Section.TITLE || section == Section.DECISION)
                    && !t.toLowerCase().contains("enligt");
            if (next != null || kindHeading || decidesLine) {
                if (clause != null) {
                    clauses.add(clause.toString());
                    clause = null;
                }
                if (clauses != null && (next != null || kindHeading || decidesLine)) {
                    decisions.add(new DecisionSection(kind, decidingBody, clauses));
                    clauses = null;
                }
                if (kindHeading) {
                    kind = t.equalsIgnoreCase("Beslut") ? DecisionKind.BESLUT : DecisionKind.FORSLAG_TILL_BESLUT;
                    section = Section.DECISION;
                } else if (decidesLine) {
                    decidingBody = decides.group(1).strip();
                    clauses = new ArrayList<>();
                    section = Section.DECISION;
                    if (decides.group(2) != null) {
                        clause = new StringBuilder();
                    }
                } else {
                    section = next;
                }
                pendingBreak = false;
                continue;
            }
            switch (section) {
                case TITLE -> title.add(t);
                case DECISION -> {
                    Matcher c = CLAUSE.matcher(t);
                    if (clauses == null) {
                        warnings.add("line " + l.number() + ": § " + number + ": a clause with no \"… beslutar\": " + t);
                        clauses = new ArrayList<>();
                    }
                    if (c.matches()) {
                        if (clause != null && !clause.isEmpty()) {
                            clauses.add(clause.toString());
                        }
                        clause = new StringBuilder(c.group(1).strip());
                    } else if (clause != null) {
                        if (t.startsWith("-")) {
                            clause.append("\n- ").append(t.substring(1).strip());
                        } else {
                            append(clause, t);
                        }
                    } else {
                        warnings.add("line " + l.number() + ": § " + number + ": not an att-clause: " + t);
                    }
                }
                case DESCRIPTION -> {
                    if (!description.isEmpty()) {
                        description.append(pendingBreak ? "\n\n" : " ");
                    }
                    description.append(t);
                }
                case BASIS -> addItem(basis, t, pendingBreak, false);
                case PREPARERS -> addItem(preparers, t, pendingBreak, true);
                case RECIPIENTS -> {
                    if (!t.equals("-")) {
                        addItem(recipients, t, true, true);
                    }
                }
                case MOTIONS -> {
                    Matcher m = MOTION.matcher(t);
                    if (m.matches()) {
                        String what = m.group(2).strip();
                        Motion.MotionType type = motionType(what);
                        for (String who : m.group(1).split("\\s+och\\s+|,\\s*")) {
                            Matcher pp = PERSON_PARTY.matcher(who);
                            motions.add(pp.matches() ? new Motion(pp.group(1), pp.group(2), type, what)
                                    : new Motion(who.strip(), null, type, what));
                        }
                    } else if (!motions.isEmpty()) {
                        Motion last = motions.remove(motions.size() - 1);
                        motions.add(new Motion(last.by(), last.party(), last.type(), last.text() + " " + t));
                    } else {
                        warnings.add("line " + l.number() + ": § " + number + ": not a motion \"who (party) – what\": " + t);
                    }
                }
                case VOTING_ORDER, PROCEDURE -> {
                    if (t.toLowerCase().startsWith("ordföranden finner") || section == Section.PROCEDURE || !finding.isEmpty()) {
                        if (!finding.isEmpty()) {
                            append(finding, t);
                        } else {
                            finding.append(t);
                        }
                    } else if (votingOrder.isEmpty() || pendingBreak) {
                        votingOrder.add(t);
                    } else {
                        int k = votingOrder.size() - 1;
                        votingOrder.set(k, votingOrder.get(k) + " " + t);
                    }
                }
                default -> warnings.add("line " + l.number() + ": § " + number + ": not placed: " + t);
            }
            pendingBreak = false;
        }
        if (clause != null) {
            clauses.add(clause.toString());
        }
        if (clauses != null) {
            decisions.add(new DecisionSection(kind, decidingBody, clauses));
        }
        if (dnr == null) {
            warnings.add("§ " + number + ": no diarienummer");
        }
        if (decisions.isEmpty()) {
            warnings.add("§ " + number + ": no decision (\"… beslutar\" with att-clauses)");
        }
        String titleText = String.join(" ", title);
        return new Paragraph(number, dnr, titleText, decisions, description.isEmpty() ? null : description.toString(),
                splitNames(basis, false), splitNames(preparers, true), splitNames(recipients, true), motions, votingOrder,
                finding.isEmpty() ? null : finding.toString(), List.of(), List.of(), List.of(), List.of(), null, null, List.of());
    }

    static Motion.MotionType motionType(String what) {
        String s = what.toLowerCase();
        if (s.startsWith("avslag")) {
            return Motion.MotionType.AVSLAG;
        }
        if (s.startsWith("återremiss")) {
            return Motion.MotionType.ATERREMISS;
        }
        if (s.startsWith("bordläggning")) {
            return Motion.MotionType.BORDLAGGNING;
        }
        if (s.startsWith("ändring") || s.startsWith("tillägg")) {
            return Motion.MotionType.ANDRING;
        }
        return Motion.MotionType.BIFALL;
    }

    /** A word broken at a hyphen joins without a space ("att-" + "satser"); other lines join with one. */
    static void append(StringBuilder to, String t) {
        if (to.length() > 0 && to.charAt(to.length() - 1) == '-' && !t.isEmpty() && Character.isLowerCase(t.charAt(0))) {
            to.append(t);
        } else {
            to.append(to.isEmpty() ? "" : " ").append(t);
        }
    }

    /** A list item per line, a line that starts in lower case or a digit (or ends a broken name) continues the one before. */
    static void addItem(List<String> items, String t, boolean breakBefore, boolean names) {
        if (!items.isEmpty()) {
            String last = items.get(items.size() - 1);
            boolean continues = Character.isLowerCase(t.charAt(0)) || Character.isDigit(t.charAt(0))
                    || (names && last.contains(",") && !last.substring(last.lastIndexOf(',') + 1).strip().contains(" ")
                    && !t.contains(" "));
            if (continues && !t.startsWith("Bilaga")) {
                StringBuilder b = new StringBuilder(last);
                append(b, t);
                items.set(items.size() - 1, b.toString());
                return;
            }
        }
        if (!t.toLowerCase().startsWith("se bilagor")) {
            items.add(t);
        }
    }

    /** "A B, C D" and "A B och C D" are two persons when every part is a name; otherwise one item. */
    static List<String> splitNames(List<String> items, boolean names) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.split(",\\s*|\\s+och\\s+");
            boolean allNames = names && parts.length > 1;
            for (String p : parts) {
                allNames &= NAME.matcher(p.strip()).matches();
            }
            if (allNames) {
                for (String p : parts) {
                    out.add(p.strip());
                }
            } else {
                out.add(item);
            }
        }
        return out;
    }
}
