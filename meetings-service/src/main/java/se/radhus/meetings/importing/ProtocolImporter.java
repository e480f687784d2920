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
import se.radhus.meetings.domain.Reservation;
import se.radhus.meetings.domain.Role;
import se.radhus.meetings.domain.Vote;

/**
 * Reads the text of a protocol (as extracted from its PDF) into its meeting: officials, and every
 * paragraph with its diarienummer, title, decisions in att-clauses, description, basis, preparers,
 * motions, voting order, the chair's finding and recipients. Page furniture ("Sida 16 av 32", the
 * repeated header, "Justerares sign") is dropped wherever it falls, even mid-sentence; Unicode hyphens
 * and odd spaces are normalised. What it cannot place is reported by line number; it invents nothing.
 */
public final class ProtocolImporter {

    /** What was read, and the warnings about what could not be placed. */
    public record Imported(String bodyName, LocalDate date, String place, String startTime, String endTime,
                           List<Attendee> attendance, List<String> adjusters, List<Paragraph> paragraphs, List<String> warnings) {
    }

    private record Line(int number, String text) {
        boolean blank() {
            return text.isEmpty();
        }
    }

    static final Pattern PARAGRAPH = Pattern.compile("§\\s*(\\d{1,4})");
    static final Pattern DECIDES = Pattern.compile("(.+?)\\s+beslutar(\\s+att)?\\s*:?");
    static final Pattern CLAUSE = Pattern.compile("(?i)att\\s+(.*)");
    static final Pattern PAGE = Pattern.compile("(?i)sida\\s+\\d+\\s+av\\s+\\d+");
    static final Pattern HEADER_DATE = Pattern.compile("(.+?)\\s+(\\d{4}-\\d{2}-\\d{2})");
    /** A page header on one line: "body date Sida 1 av 3". */
    static final Pattern HEADER_PAGE = Pattern.compile("(.+?)\\s+(\\d{4}-\\d{2}-\\d{2})\\s+(?i:sida)\\s+\\d+\\s+av\\s+\\d+");
    static final Pattern OFFICIAL = Pattern.compile("([^,]+),\\s*([^§]+?)(?:,\\s*(§\\s*[\\d\\s-]+))?");
    static final Pattern MEMBER = Pattern.compile("([^,(]+?)\\s*(?:\\(([^)]+)\\))?(?:,\\s*(.+))?");
    /** "Plats och tid: Stadshuset, 13:15–15:30". */
    static final Pattern PLACE_TIME = Pattern.compile("(?i)plats och tid:\\s*(.+?)(?:,\\s*(\\d{1,2}[:.]\\d{2})(?:\\s*[-–]\\s*(\\d{1,2}[:.]\\d{2}))?)?");
    static final Pattern MOTION = Pattern.compile("(.+?)\\s+[–-]\\s+(.+)");
    static final Pattern PERSON_PARTY = Pattern.compile("\\s*(.+?)\\s*\\(([^)]+)\\)\\s*");
    static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}/.-]*(?:\\s+\\p{Lu}[\\p{L}/.-]*){1,3}");

    /** "Ja för bifall till X" or "Nej-röst innebär Y": what a ja or nej vote stands for. */
    static final Pattern VOTE_MEANS = Pattern.compile("(?iu)(ja|nej)(?:-röst)?\\s+(?:för|innebär|=)\\s+(.+?)\\.?");
    /** "röstar Ja (7): A, B" or "Nej (4): C" or "Anna Andersson (S) röstar Ja". */
    static final Pattern VOTE_LINE = Pattern.compile("(?iu)(?:(.+?)\\s+)?(?:röstar\\s+)?(ja|nej|avstår|avstod)(?:\\s*\\((\\d+)\\))?\\s*:?\\s*(.*)");
    /** "Anna Andersson (M) reserverar sig mot beslutet till förmån för …". */
    static final Pattern RESERVES = Pattern.compile("(?iu)(.+?)\\s+(reserverar\\s+sig.*)");

    /** Where a line of a paragraph goes: the title, the decision, or a section the layout's headings open. */
    enum Section { NONE, TITLE, DECISION, DESCRIPTION, BASIS, PREPARERS, PROCEDURE, MOTIONS, VOTING_ORDER, VOTES, RESERVATIONS,
        RECUSALS, NOTES, RECIPIENTS }

    private final ProtocolLayout layout;

    public ProtocolImporter() {
        this(ProtocolLayout.standard());
    }

    public ProtocolImporter(ProtocolLayout layout) {
        this.layout = layout;
    }

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

        List<Attendee> attendance = new ArrayList<>();
        List<String> adjusters = new ArrayList<>();
        String[] placeAndTime = new String[3];
        List<Paragraph> paragraphs = new ArrayList<>();
        int i = 0;
        ProtocolLayout.Section part = null;
        while (i < lines.size() && !startsParagraph(lines.get(i))) {
            Line l = lines.get(i++);
            ProtocolLayout.Section heading = layout.heading(l.text());
            Matcher pt = PLACE_TIME.matcher(l.text());
            if (heading != null && heading.beforeParagraphs()) {
                part = heading;
            } else if (l.blank()) {
                continue;
            } else if (pt.matches()) {
                placeAndTime[0] = pt.group(1).strip();
                placeAndTime[1] = pt.group(2);
                placeAndTime[2] = pt.group(3);
            } else if (part == ProtocolLayout.Section.OFFICIALS) {
                Matcher o = OFFICIAL.matcher(l.text());
                if (o.matches()) {
                    attendance.add(new Attendee(null, o.group(1).strip(), null, Role.TJANSTEMAN, null, o.group(2).strip(),
                            o.group(3) == null ? null : ParagraphRange.parse(o.group(3))));
                } else {
                    warnings.add("line " + l.number() + ": not an official \"name, title\": " + l.text());
                }
            } else if (part == ProtocolLayout.Section.MEMBERS || part == ProtocolLayout.Section.SUBSTITUTES) {
                Attendee a = member(l.text(), part == ProtocolLayout.Section.SUBSTITUTES);
                if (a != null) {
                    attendance.add(a);
                } else {
                    warnings.add("line " + l.number() + ": not a member \"Namn (parti), ordförande\": " + l.text());
                }
            } else if (part == ProtocolLayout.Section.ADJUSTERS) {
                for (String name : l.text().split(",\\s*|\\s+och\\s+")) {
                    adjusters.add(name.strip());
                }
            } else {
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
        return new Imported(bodyName, date, placeAndTime[0], placeAndTime[1], placeAndTime[2], attendance, adjusters, paragraphs,
                warnings);
    }

    /** "Anna Berg (S), ordförande" or "Per Sten (M), tjänstgörande ersättare för Eva Nord"; null when it is none. */
    static Attendee member(String line, boolean substitutes) {
        Matcher m = MEMBER.matcher(line);
        if (!m.matches() || !NAME.matcher(m.group(1).strip()).matches()) {
            return null;
        }
        Role role = substitutes ? Role.ERSATTARE : Role.LEDAMOT;
        String servingFor = null;
        if (m.group(3) != null) {
            String what = m.group(3).strip();
            String lower = what.toLowerCase();
            if (lower.equals("ordförande")) {
                role = Role.ORDFORANDE;
            } else if (lower.endsWith("vice ordförande")) {
                role = Role.VICE_ORDFORANDE;
            } else if (lower.startsWith("tjänstgörande ersättare för ")) {
                role = Role.TJANSTGORANDE_ERSATTARE;
                servingFor = what.substring("tjänstgörande ersättare för ".length()).strip();
            } else {
                return null;
            }
        }
        return new Attendee(null, m.group(1).strip(), m.group(2), role, servingFor, null, null);
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

    Section heading(String t) {
        ProtocolLayout.Section found = layout.heading(t);
        return found == null || found == ProtocolLayout.Section.CASE_NUMBER || found.beforeParagraphs() ? null
                : Section.valueOf(found.name());
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
        VoteReader vote = new VoteReader();
        List<Reservation> reservations = new ArrayList<>();
        List<String> recusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Section section = Section.TITLE;
        boolean pendingBreak = false;
        for (Line l : block.subList(1, block.size())) {
            String t = l.text();
            if (l.blank()) {
                pendingBreak = true;
                continue;
            }
            Matcher d = layout.caseNumber().matcher(t);
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
                case VOTES -> {
                    if (t.toLowerCase().startsWith("med ") || t.toLowerCase().startsWith("ordföranden")) {
                        append(finding, t); // "Med 7 röster mot 4 beslutar …": the outcome
                    } else {
                        String problem = vote.read(t);
                        if (problem != null) {
                            warnings.add("line " + l.number() + ": § " + number + ": " + problem + ": " + t);
                        }
                    }
                }
                case RESERVATIONS -> {
                    Matcher r = RESERVES.matcher(t);
                    if (r.matches()) {
                        for (String who : r.group(1).split("\\s+och\\s+|,\\s*")) {
                            Matcher pp = PERSON_PARTY.matcher(who);
                            reservations.add(pp.matches() ? new Reservation(pp.group(1), pp.group(2), r.group(2))
                                    : new Reservation(who.strip(), null, r.group(2)));
                        }
                    } else if (!reservations.isEmpty() && !pendingBreak) {
                        Reservation last = reservations.remove(reservations.size() - 1);
                        reservations.add(new Reservation(last.by(), last.party(), last.text() == null ? t : last.text() + " " + t));
                    } else {
                        warnings.add("line " + l.number() + ": § " + number + ": not a reservation \"who (party) reserverar sig …\": " + t);
                    }
                }
                case RECUSALS -> addItem(recusals, t, pendingBreak, true);
                case NOTES -> addItem(notes, t, pendingBreak, false);
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
                finding.isEmpty() ? null : finding.toString(), vote.votes(number, warnings), reservations,
                splitNames(recusals, true), notes, null, null, List.of());
    }

    /** Gathers a paragraph's omröstning: what ja and nej stand for and each member's ballot. */
    static final class VoteReader {
        String ja;
        String nej;
        final List<Vote.Ballot> ballots = new ArrayList<>();
        final List<String> countProblems = new ArrayList<>();

        /** Reads one line; answers what was wrong with it, or null. */
        String read(String t) {
            boolean read = false;
            for (String part : t.split("(?iu)[,;]\\s*(?=(?:ja|nej)(?:-röst)?\\s+(?:för|innebär|=)\\s)")) {
                Matcher m = VOTE_MEANS.matcher(part.strip());
                if (m.matches()) {
                    if (m.group(1).equalsIgnoreCase("ja")) {
                        ja = m.group(2).strip();
                    } else {
                        nej = m.group(2).strip();
                    }
                    read = true;
                }
            }
            if (read) {
                return null;
            }
            Matcher v = VOTE_LINE.matcher(t);
            if (!v.matches() || (v.group(1) != null && v.group(3) == null && !v.group(4).isEmpty())) {
                return "not a vote (\"Ja för …\", \"röstar Ja (7): namn, namn\" or \"Namn (parti) röstar Ja\")";
            }
            Vote.Choice choice = switch (v.group(2).toLowerCase()) {
                case "ja" -> Vote.Choice.JA;
                case "nej" -> Vote.Choice.NEJ;
                default -> Vote.Choice.AVSTAR;
            };
            List<String> names = new ArrayList<>();
            if (v.group(1) != null && v.group(3) == null) {
                String who = v.group(1).strip();
                Matcher pp = PERSON_PARTY.matcher(who);
                if (!NAME.matcher(pp.matches() ? pp.group(1) : who).matches()) {
                    return "not a vote: no member's name before \"röstar\"";
                }
                names.add(who); // "Anna Andersson (S) röstar Ja"
            } else if (v.group(1) != null && !v.group(1).strip().equalsIgnoreCase("röstar")) {
                return "not a vote: words before the count";
            }
            if (!v.group(4).isBlank()) {
                for (String n : v.group(4).split(",\\s*|\\s+och\\s+")) {
                    if (!n.isBlank()) {
                        names.add(n.strip().replaceAll("\\.$", ""));
                    }
                }
            }
            names.forEach(n -> ballots.add(new Vote.Ballot(n, choice)));
            if (v.group(3) != null) {
                int said = Integer.parseInt(v.group(3));
                if (names.isEmpty()) {
                    countProblems.add(v.group(2) + " (" + said + ") names no one; the count alone is not kept");
                } else if (said != names.size()) {
                    countProblems.add(v.group(2) + " (" + said + ") names " + names.size());
                }
            }
            return null;
        }

        List<Vote> votes(int paragraph, List<String> warnings) {
            countProblems.forEach(p -> warnings.add("§ " + paragraph + ": omröstning: " + p));
            if (ja == null && nej == null && ballots.isEmpty()) {
                return List.of();
            }
            return List.of(new Vote(ja, nej, ballots));
        }
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
