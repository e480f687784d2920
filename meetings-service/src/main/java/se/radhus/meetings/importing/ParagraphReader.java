package se.radhus.meetings.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.meetings.domain.DecisionKind;
import se.radhus.meetings.domain.Motion;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.Reservation;

/**
 * Reads the paragraphs (§) of a protocol's running text: where each starts (a heading "§ 14", perhaps
 * with its case number or its title on the same line), and each one's diarienummer, title, decisions as
 * written (att-clauses, numbered or bulleted items, plain sentences), description, basis, preparers,
 * motions, voting order, the chair's finding, votes, reservations, jäv, notes and recipients.
 */
final class ParagraphReader {

    /** A § heading: "§ 14", "§14", "§ 271 Ärendenummer SLK-2024-00074", "§ 3 0509/23", "§ 5 Val av justerare". */
    static final Pattern HEADING = Pattern.compile("(?:\\p{Lu}[\\p{L}]{0,4}\\s+)?§\\s*(\\d{1,4})(?:\\s+(.+))?");
    static final Pattern DECIDES = Pattern.compile("(.+?)\\s+beslutar(\\s+att)?\\s*:?");
    /** "Anna Andersson (M) reserverar sig mot beslutet till förmån för …". */
    static final Pattern RESERVES = Pattern.compile("(?iu)(.+?)\\s+(reserverar\\s+sig.*)");
    /** A line of the chair's finding or a vote's outcome inside an omröstning. */
    static final Pattern OUTCOME = Pattern.compile("(?iu)(?:med\\s|ordföranden|omröstningen\\s+utfaller|omröstningsresultat).*");

    /** Where a line of a paragraph goes. */
    enum Section { TITLE, DECISION, DESCRIPTION, BASIS, PREPARERS, PROCEDURE, MOTIONS, VOTING_ORDER, VOTES, RESERVATIONS,
        RECUSALS, NOTES, RECIPIENTS }

    /** Where a § starts: its number, and what its heading line carries besides. */
    record Head(int number, String caseNumber, String title) {
    }

    private final ProtocolLayout layout;

    ParagraphReader(ProtocolLayout layout) {
        this.layout = layout;
    }

    /**
     * The § heading on this line, or null. A number that does not follow the one before is no heading
     * (a reference such as "§ 17 och § 21 som lämnas oförändrade"); a title on the heading line counts
     * only where a new block starts.
     */
    Head head(String t, Integer previous, boolean blockStart) {
        Matcher m = HEADING.matcher(t);
        if (!m.matches()) {
            return null;
        }
        int number = Integer.parseInt(m.group(1));
        if (previous != null && number <= previous) {
            return null;
        }
        String rest = m.group(2);
        if (rest == null) {
            return new Head(number, null, null);
        }
        Matcher words = layout.caseWords().matcher(rest);
        if (words.lookingAt() && (words.end() == rest.length() || !Character.isLetter(rest.charAt(words.end())))) {
            String value = rest.substring(words.end()).strip();
            return value.isEmpty() ? null : new Head(number, value, null);
        }
        if (Character.isDigit(rest.charAt(0)) || Character.isUpperCase(rest.charAt(0)) && rest.matches("\\p{Lu}{1,10}[- ]\\d{4}.*")) {
            try {
                Diarienummer.parse(rest);
                return new Head(number, rest, null);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (blockStart && Character.isUpperCase(rest.charAt(0)) && !rest.endsWith(".")) {
            return new Head(number, null, rest);
        }
        return null;
    }

    /** The paragraphs of the lines from the first § on; lines before any § go to the front matter. */
    List<Paragraph> read(List<Line> lines, int from, List<String> warnings, Deadline deadline) {
        List<int[]> starts = new ArrayList<>();
        List<Head> heads = new ArrayList<>();
        Integer previous = null;
        for (int i = from; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.blank()) {
                continue;
            }
            Head h = head(l.text(), previous, i == 0 || lines.get(i - 1).blank());
            if (h != null) {
                starts.add(new int[] {i});
                heads.add(h);
                previous = h.number();
            } else if (HEADING.matcher(l.text()).matches() && previous != null && i == from) {
                warnings.add("line " + l.number() + ": " + l.text() + " is not after § " + previous + "; read as its text");
            }
        }
        List<Paragraph> out = new ArrayList<>(starts.size());
        for (int k = 0; k < starts.size(); k++) {
            int start = starts.get(k)[0];
            int end = k + 1 < starts.size() ? starts.get(k + 1)[0] : lines.size();
            out.add(paragraph(heads.get(k), lines.subList(start + 1, end), warnings));
            deadline.check();
        }
        return out;
    }

    /** Where the first § heading is, or -1. */
    int first(List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).blank() && head(lines.get(i).text(), null, i == 0 || lines.get(i - 1).blank()) != null) {
                return i;
            }
        }
        return -1;
    }

    Section heading(String t) {
        ProtocolLayout.Section found = layout.heading(t);
        if (found == null || found == ProtocolLayout.Section.CASE_NUMBER || found.beforeParagraphs()
                || found == ProtocolLayout.Section.PROPOSAL) {
            return null;
        }
        return Section.valueOf(found.name());
    }


    Paragraph paragraph(Head head, List<Line> block, List<String> warnings) {
        int number = head.number();
        Diarienummer dnr = null;
        if (head.caseNumber() != null) {
            dnr = caseNumber(head.caseNumber(), number, block.isEmpty() ? 0 : block.get(0).number() - 1, warnings);
        }
        List<Line> titleLines = new ArrayList<>();
        if (head.title() != null) {
            titleLines.add(new Line(0, head.title()));
        }
        Decisions decisions = new Decisions();
        StringBuilder description = new StringBuilder();
        List<String> basis = new ArrayList<>();
        List<String> preparers = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        List<Motion> motions = new ArrayList<>();
        List<String> votingOrder = new ArrayList<>();
        StringBuilder finding = new StringBuilder();
        VoteReader vote = new VoteReader();
        List<Reservation> reservations = new ArrayList<>();
        StringBuilder pendingReservation = new StringBuilder();
        StringBuilder pendingMotion = new StringBuilder();
        int[] pendingMotionLine = {0};
        int[] pendingReservationLine = {0};
        List<String> recusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Section section = Section.TITLE;
        boolean titleDone = false;
        StringBuilder runOn = new StringBuilder();
        boolean runOnHeaded = false;
        boolean pendingBreak = false;
        for (Line l : block) {
            String t = l.text();
            if (l.blank()) {
                pendingBreak = true;
                if (section == Section.TITLE && !titleLines.isEmpty()) {
                    titleDone = true;
                }
                continue;
            }
            Matcher d = layout.caseNumber().matcher(t);
            if (dnr == null && section == Section.TITLE && titleLines.isEmpty() && d.matches()) {
                dnr = caseNumber(d.group(1), number, l.number(), warnings);
                continue;
            }
            Section next = heading(t);
            ProtocolLayout.Section raw = layout.heading(t);
            boolean decisionHeading = raw == ProtocolLayout.Section.DECISION || raw == ProtocolLayout.Section.PROPOSAL;
            Matcher decides = DECIDES.matcher(t);
            boolean decidesLine = decides.matches() && (section == Section.TITLE || section == Section.DECISION)
                    && !t.toLowerCase().contains("enligt") && !t.endsWith(".");
            if (next != null || decisionHeading || decidesLine) {
                runOnHeaded |= section == Section.TITLE && !runOn.isEmpty();
                if (section == Section.VOTES) {
                    flushVotes(vote, number, warnings);
                }
                if (section == Section.RESERVATIONS) {
                    flushReservation(pendingReservation, pendingReservationLine[0], number, warnings);
                }
                if (decisionHeading) {
                    if (raw == ProtocolLayout.Section.DECISION) {
                        decisions.open(DecisionKind.BESLUT, null);
                    } else {
                        decisions.open(DecisionKind.FORSLAG_TILL_BESLUT, null);
                        if (layout.namesProposer(t)) {
                            // "Kommunstyrelsens förslag till kommunfullmäktige": whose proposal, kept as printed
                            decisions.start(t, false);
                            decisions.endClause();
                        }
                    }
                    section = Section.DECISION;
                } else if (decidesLine) {
                    decisions.open(decisions.kind, decides.group(1).strip());
                    section = Section.DECISION;
                    if (decides.group(2) != null) {
                        decisions.start("", true);
                    }
                } else {
                    decisions.close();
                    section = next;
                }
                pendingBreak = false;
                continue;
            }
            switch (section) {
                case TITLE -> {
                    if (titleDone) {
                        appendDescription(description, t, pendingBreak);
                        Texts.append(runOn, t);
                    } else if (layout.noteLine(t)) {
                        notes.add(t);
                        titleDone = true;
                    } else {
                        titleLines.add(l);
                    }
                }
                case DECISION -> decisions.line(t, pendingBreak);
                case DESCRIPTION -> appendDescription(description, t, pendingBreak);
                case BASIS -> Texts.addItem(basis, t, pendingBreak, false);
                case PREPARERS -> Texts.addItem(preparers, t, pendingBreak, true);
                case RECIPIENTS -> {
                    if (!t.equals("-")) {
                        Texts.addItem(recipients, t, true, true);
                    }
                }
                case MOTIONS -> {
                    String joined = pendingMotion.isEmpty() ? t : pendingMotion + " " + t;
                    if (!Motions.MOVES.matcher(joined).matches() && Motions.WHO_SO_FAR.matcher(t).matches()) {
                        if (pendingMotion.isEmpty()) {
                            pendingMotionLine[0] = l.number();
                        }
                        pendingMotion.setLength(0);
                        pendingMotion.append(joined); // names wrapped before "yrkar"
                    } else {
                        Motions.read(motions, joined, pendingBreak && pendingMotion.isEmpty(),
                                pendingMotion.isEmpty() ? l.number() : pendingMotionLine[0], number, warnings);
                        pendingMotion.setLength(0);
                    }
                }
                case VOTING_ORDER, PROCEDURE -> {
                    if (t.toLowerCase().startsWith("ordföranden finner") || section == Section.PROCEDURE || !finding.isEmpty()) {
                        Texts.append(finding, t);
                    } else if (votingOrder.isEmpty() || pendingBreak) {
                        votingOrder.add(t);
                    } else {
                        int k = votingOrder.size() - 1;
                        votingOrder.set(k, votingOrder.get(k) + " " + t);
                    }
                }
                case VOTES -> {
                    if (OUTCOME.matcher(t).matches()) {
                        Texts.append(finding, t); // "Med 7 röster mot 4 beslutar …": the outcome
                    } else {
                        String problem = vote.read(t, l.number());
                        if (problem != null) {
                            warnings.add("line " + l.number() + ": § " + number + ": " + problem + ": " + t);
                        }
                    }
                }
                case RESERVATIONS -> {
                    String joined = pendingReservation.isEmpty() ? t : pendingReservation + " " + t;
                    Matcher r = RESERVES.matcher(joined);
                    if (r.matches()) {
                        pendingReservation.setLength(0);
                        for (String[] who : Names.persons(r.group(1))) {
                            reservations.add(new Reservation(who[0], who[1], r.group(2)));
                        }
                    } else if (!reservations.isEmpty() && !pendingBreak && pendingReservation.isEmpty()) {
                        Reservation last = reservations.remove(reservations.size() - 1);
                        reservations.add(new Reservation(last.by(), last.party(), last.text() == null ? t : last.text() + " " + t));
                    } else {
                        if (pendingReservation.isEmpty()) {
                            pendingReservationLine[0] = l.number();
                        }
                        pendingReservation.setLength(0);
                        pendingReservation.append(joined);
                    }
                }
                case RECUSALS -> Texts.addItem(recusals, t, pendingBreak, true);
                case NOTES -> Texts.addItem(notes, t, pendingBreak, false);
                default -> warnings.add("line " + l.number() + ": § " + number + ": not placed: " + t);
            }
            pendingBreak = false;
        }
        flushVotes(vote, number, warnings);
        flushReservation(pendingReservation, pendingReservationLine[0], number, warnings);
        if (!pendingMotion.isEmpty()) {
            warnings.add("line " + pendingMotionLine[0] + ": § " + number + ": not a motion: " + pendingMotion);
        }
        decisions.close();
        String title = titleLines.size() == 1 && runOnHeaded ? runOnTitle(titleLines.get(0).text(), runOn)
                : title(titleLines, description);
        if (dnr == null) {
            warnings.add("§ " + number + ": no diarienummer");
        }
        if (decisions.sections.isEmpty()) {
            warnings.add("§ " + number + ": no decision");
        }
        return new Paragraph(number, dnr, title, decisions.sections, description.isEmpty() ? null : description.toString(),
                Names.split(basis, false), Names.split(preparers, true), Names.split(recipients, true), motions, votingOrder,
                finding.isEmpty() ? null : finding.toString(), vote.votes(number, warnings), reservations,
                Names.split(recusals, true), notes, null, null, List.of());
    }

    /**
     * The title is the lines under the heading up to a blank line or a heading. A title is a heading, not
     * a sentence: when those lines run on into sentences (one ends with ".", "?" or ":"), the description
     * follows the title without a blank line, and the title is the first line alone; the rest goes to
     * the description.
     */
    static String title(List<Line> lines, StringBuilder description) {
        if (lines.isEmpty()) {
            return "";
        }
        boolean sentences = false;
        for (Line l : lines.subList(1, lines.size())) {
            String s = l.text();
            sentences |= endsSentence(s);
        }
        List<String> texts = lines.stream().map(Line::text).toList();
        if (lines.size() > 1 && sentences) {
            StringBuilder rest = new StringBuilder();
            for (String s : texts.subList(1, texts.size())) {
                Texts.append(rest, s);
            }
            if (!description.isEmpty()) {
                rest.append("\n\n").append(description);
            }
            description.setLength(0);
            description.append(rest);
            return texts.get(0);
        }
        StringBuilder title = new StringBuilder();
        for (String s : texts) {
            appendTitle(title, s);
        }
        return title.toString();
    }

    /** The register's longest title, in characters. */
    static final int TITLE_LENGTH = 200;
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.?:!]");
    private static final Pattern ABBREVIATION = Pattern.compile("(?iu).*\\b(?:kap|m\\.fl|m\\.m|nr|st|resp|bl\\.a|t\\.ex|ca|fl)\\.");

    /** A line that ends a sentence (not an abbreviation such as "11 kap." or "m.fl."). */
    static boolean endsSentence(String s) {
        return SENTENCE_END.matcher(s).matches() && !ABBREVIATION.matcher(s).matches();
    }

    /**
     * A § whose title line stands alone above running text with no heading of its own, which the
     * decision then follows ("Ordningsfråga" over what the chair asks), is titled by both, up to the
     * register's title length; the text stays in the description too.
     */
    static String runOnTitle(String first, StringBuilder runOn) {
        String all = first + " " + runOn;
        return all.length() <= TITLE_LENGTH ? all : all.substring(0, TITLE_LENGTH).strip();
    }

    /** Title lines join with a space; a word broken at a hyphen joins without one ("försörjnings-" + "stöd"). */
    static void appendTitle(StringBuilder to, String t) {
        if (!to.isEmpty() && to.charAt(to.length() - 1) == '-' && !t.isEmpty() && Character.isLowerCase(t.charAt(0))
                && !t.matches("(?:och|eller|samt|respektive|till)\\b.*")) {
            to.append(t);
        } else {
            to.append(to.isEmpty() ? "" : " ").append(t);
        }
    }

    private Diarienummer caseNumber(String text, int number, int line, List<String> warnings) {
        try {
            return Diarienummer.parse(text);
        } catch (IllegalArgumentException e) {
            warnings.add("line " + line + ": § " + number + ": " + e.getMessage());
            return null;
        }
    }

    private static void flushVotes(VoteReader vote, int number, List<String> warnings) {
        String unfinished = vote.unfinished();
        if (unfinished != null) {
            warnings.add(unfinished.formatted("§ " + number));
        }
    }

    private static void flushReservation(StringBuilder pending, int line, int number, List<String> warnings) {
        if (!pending.isEmpty()) {
            warnings.add("line " + line + ": § " + number + ": not a reservation \"who (party) reserverar sig …\": " + pending);
            pending.setLength(0);
        }
    }

    private static void appendDescription(StringBuilder description, String t, boolean pendingBreak) {
        if (!description.isEmpty()) {
            description.append(pendingBreak ? "\n\n" : " ");
        }
        description.append(t);
    }


}
