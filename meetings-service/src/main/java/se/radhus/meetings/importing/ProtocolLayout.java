package se.radhus.meetings.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and page furniture of protocols, as data: each family of headings ("Ärendet",
 * "Sammanfattning", "Bakgrund" …) names one section, and each layout's page furniture ("Sida 3 av 12",
 * "25 (108)", "Protokoll nr 11") is a pattern. Read from {@code importing/protocol-layout.tsv}; a
 * municipality with other words adds a heading or a pattern to a line there, not a branch to the importer.
 */
public final class ProtocolLayout {

    /**
     * The parts a heading can open: of the meeting, before the first § (members, substitutes, officials,
     * adjusters), and of a paragraph. CASE_NUMBER words introduce the diarienummer; DECISION and PROPOSAL
     * open a decision of the body itself or a proposal to another body.
     */
    public enum Section {
        MEMBERS, SUBSTITUTES, OFFICIALS, ADJUSTERS,
        CASE_NUMBER, DECISION, PROPOSAL, DESCRIPTION, BASIS, PREPARERS, MOTIONS, PROCEDURE, VOTING_ORDER, VOTES, RESERVATIONS,
        RECUSALS, NOTES, RECIPIENTS;

        public boolean beforeParagraphs() {
            return this == MEMBERS || this == SUBSTITUTES || this == OFFICIALS || this == ADJUSTERS;
        }
    }

    /**
     * Kinds of line patterns (one Java regular expression a line, matched against a whole normalised
     * line, case ignored): FURNITURE is dropped wherever it falls; MEETING_DATE is the protocol's own date
     * (group {@code date}, optional group {@code body}) and furniture too; HEADER_DATE is the same, but
     * only next to other furniture (a page header); HEADER_NAME is a body's name standing alone in a page
     * header, dropped only next to other furniture; PROPOSAL_BY is a heading "Kommunstyrelsens förslag
     * till kommunfullmäktige" (group {@code to}); NOTE_LINE is a protocol note that stands on its own line
     * ("Paragrafen är omedelbart justerad …") and ends the title; DECISION_BY is a heading "Kommunstyrelsens
     * beslut"; DATE_LABEL is a label whose meeting date stands on the next line ("Sammanträdesdatum" above
     * "2024-04-10").
     */
    enum Kind { FURNITURE, MEETING_DATE, DATE_LABEL, HEADER_DATE, HEADER_NAME, PROPOSAL_BY, DECISION_BY, NOTE_LINE }

    private record Heading(String words, Section section) {
        boolean matches(String line) {
            if (words.endsWith("*")) {
                return line.startsWith(words.substring(0, words.length() - 1));
            }
            if (words.startsWith("*")) {
                return line.endsWith(words.substring(1));
            }
            return line.equals(words);
        }
    }

    private final List<Heading> headings;
    private final Pattern caseNumber;
    private final Pattern caseWords;
    private final Map<Kind, List<Pattern>> patterns = new EnumMap<>(Kind.class);
    private final List<String> source;

    ProtocolLayout(List<String> lines) {
        this.source = List.copyOf(lines);
        Map<Section, List<String>> words = new EnumMap<>(Section.class);
        for (Kind k : Kind.values()) {
            patterns.put(k, new ArrayList<>());
        }
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("layout line " + n + ": expected section<TAB>heading|heading…");
            }
            String name = parts[0].strip();
            Kind kind = kind(name);
            if (kind != null) {
                try {
                    patterns.get(kind).add(Pattern.compile(parts[1].strip(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("layout line " + n + ": not a pattern: " + e.getMessage(), e);
                }
                continue;
            }
            Section section;
            try {
                section = Section.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layout line " + n + ": no section " + name, e);
            }
            for (String w : parts[1].split("\\|")) {
                if (!w.isBlank()) {
                    words.computeIfAbsent(section, s -> new ArrayList<>()).add(w.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        List<Heading> all = new ArrayList<>();
        words.forEach((section, list) -> {
            if (section != Section.CASE_NUMBER) {
                list.forEach(w -> all.add(new Heading(w, section)));
            }
        });
        this.headings = List.copyOf(all);
        List<String> dnr = words.getOrDefault(Section.CASE_NUMBER, List.of());
        if (dnr.isEmpty()) {
            throw new IllegalArgumentException("the layout names no CASE_NUMBER words");
        }
        this.caseWords = Pattern.compile("(?iu)(?:" + String.join("|", dnr.stream().map(Pattern::quote).toList()) + ")\\.?:?");
        this.caseNumber = Pattern.compile(caseWords.pattern() + "\\s*(.+)");
    }

    private static Kind kind(String name) {
        for (Kind k : Kind.values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** The layout Rådhus ships. */
    public static ProtocolLayout standard() {
        return Standard.LAYOUT;
    }

    private static final class Standard {
        static final ProtocolLayout LAYOUT = load();

        static ProtocolLayout load() {
            try (InputStream in = ProtocolLayout.class.getResourceAsStream("/importing/protocol-layout.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("importing/protocol-layout.tsv is missing from the classpath");
                }
                return new ProtocolLayout(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** This layout with a municipality's own lines added (in the file's format). */
    public ProtocolLayout with(List<String> lines) {
        List<String> all = new ArrayList<>(source);
        all.addAll(lines);
        return new ProtocolLayout(all);
    }

    /** The section a heading line opens, or null when the line is no heading. */
    public Section heading(String line) {
        String s = line.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        for (Heading h : headings) {
            if (h.matches(s)) {
                return h.section();
            }
        }
        if (proposal(line) != null) {
            return Section.PROPOSAL;
        }
        if (any(Kind.DECISION_BY, line.strip()) != null) {
            return Section.DECISION;
        }
        return null;
    }

    /** For a heading "Kommunstyrelsens förslag till kommunfullmäktige": the body proposed to; else null. */
    public String proposalTo(String line) {
        Matcher m = proposal(line);
        String to = m == null ? null : group(m, "to");
        return to == null || to.isEmpty() ? to : Character.toUpperCase(to.charAt(0)) + to.substring(1);
    }

    /** Whether the line is a heading that says whose proposal follows ("Förvaltningens förslag till beslut"). */
    boolean namesProposer(String line) {
        return proposal(line) != null;
    }

    private Matcher proposal(String line) {
        return any(Kind.PROPOSAL_BY, line.strip());
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null; // the pattern has no such group
        }
    }

    /** Matches a line that gives the diarienummer; group 1 is the number as written. */
    public Pattern caseNumber() {
        return caseNumber;
    }

    /** The case-number words alone ("Dnr", "Ärendenummer:"), for a § heading that carries its number. */
    Pattern caseWords() {
        return caseWords;
    }

    boolean furniture(String line) {
        return any(Kind.FURNITURE, line) != null;
    }

    boolean noteLine(String line) {
        return any(Kind.NOTE_LINE, line) != null;
    }

    boolean headerName(String line) {
        return any(Kind.HEADER_NAME, line) != null;
    }

    /** A line that prints the protocol's own date anywhere (group "date"), or null. */
    Matcher meetingDate(String line) {
        return any(Kind.MEETING_DATE, line);
    }

    boolean dateLabel(String line) {
        return any(Kind.DATE_LABEL, line) != null;
    }

    /** A page header line "body date", valid only next to furniture, or null. */
    Matcher headerDate(String line) {
        return any(Kind.HEADER_DATE, line);
    }

    private Matcher any(Kind kind, String line) {
        for (Pattern p : patterns.get(kind)) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return m;
            }
        }
        return null;
    }
}
