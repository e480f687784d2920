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
import java.util.regex.Pattern;

/**
 * The words protocols use for the parts of a paragraph, as data: each family of headings ("Ärendet",
 * "Sammanfattning", "Bakgrund" …) names one section. Read from {@code importing/protocol-layout.tsv}; a
 * municipality with other words adds a heading to a line there, not a branch to the importer.
 */
public final class ProtocolLayout {

    /**
     * The parts a heading can open: of the meeting, before the first § (members, substitutes, officials,
     * adjusters), and of a paragraph. CASE_NUMBER words introduce the diarienummer.
     */
    public enum Section {
        MEMBERS, SUBSTITUTES, OFFICIALS, ADJUSTERS,
        CASE_NUMBER, DESCRIPTION, BASIS, PREPARERS, MOTIONS, PROCEDURE, VOTING_ORDER, VOTES, RESERVATIONS, RECUSALS,
        NOTES, RECIPIENTS;

        public boolean beforeParagraphs() {
            return this == MEMBERS || this == SUBSTITUTES || this == OFFICIALS || this == ADJUSTERS;
        }
    }

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

    ProtocolLayout(List<String> lines) {
        Map<Section, List<String>> words = new EnumMap<>(Section.class);
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
            Section section;
            try {
                section = Section.valueOf(parts[0].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layout line " + n + ": no section " + parts[0].strip(), e);
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
        this.caseNumber = Pattern.compile("(?iu)(?:" + String.join("|", dnr.stream().map(Pattern::quote).toList())
                + ")\\.?:?\\s*(.+)");
    }

    /** The layout Rådhus ships. */
    public static ProtocolLayout standard() {
        try (InputStream in = ProtocolLayout.class.getResourceAsStream("/importing/protocol-layout.tsv")) {
            if (in == null) {
                throw new IllegalStateException("importing/protocol-layout.tsv is missing from the classpath");
            }
            return new ProtocolLayout(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return null;
    }

    /** Matches a line that gives the diarienummer; group 1 is the number as written. */
    public Pattern caseNumber() {
        return caseNumber;
    }
}
