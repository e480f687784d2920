package se.radhus.common.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the mentions of persons with a protected identity (skyddade personuppgifter) in free text and
 * removes them for those not entitled to see them.
 *
 * <p>A secretary writes a name in several forms; each is a mention:
 * <ul>
 *   <li>the full name, "Anna Karin Svensson", and any given name with the surname, "Karin Svensson";</li>
 *   <li>initials with the surname: "A. Svensson", "A Svensson", "A.K. Svensson";</li>
 *   <li>the surname alone: "Svensson yrkar bifall";</li>
 *   <li>each of these in the genitive, "Svenssons", and followed by the party, "Anna Svensson (KD)".</li>
 * </ul>
 * A mention becomes {@value #SHOWN}, the party with it. Only mentions of the protected person go: a form
 * that only someone else carries (a namesake of another party, "Erik Svensson" beside a protected
 * "Anna Svensson") stays. Where a form fits both the protected person and someone else and nothing in
 * the text tells them apart (the same name and no party, the surname alone when two share it, the
 * surname after a capitalised word that is no given name of the person), the mention is
 * <em>ambiguous</em>: the text must be held back for review rather than published.
 *
 * <p>Plain Java, no framework: meetings, finance and procurement use the same rules.
 */
public final class ProtectedNames {

    /** What a protected person is shown as. */
    public static final String SHOWN = "Skyddad identitet";

    /** What stands instead of a text that cannot be told safe. */
    public static final String HELD_BACK = "[Texten visas efter granskning: den kan nämna en person med skyddad identitet.]";

    /** A person the text might mention. */
    public record Person(String name, String party, boolean isProtected) {
    }

    /** A mention of a protected person at [start, end) of a text; ambiguous when it might be someone else. */
    public record Mention(int start, int end, String text, boolean ambiguous, boolean genitive) {
    }

    /** A text as the public may see it: {@code heldBack} when an ambiguous mention kept it from being published. */
    public record Redacted(String text, boolean heldBack, List<Mention> mentions) {
        public Redacted {
            mentions = List.copyOf(mentions);
        }

        /** The text to publish: the redacted text, or {@link #HELD_BACK}. */
        public String published() {
            return heldBack ? HELD_BACK : text;
        }
    }

    private static final ProtectedNames NONE = new ProtectedNames(null, Map.of(), Map.of());
    private static final Pattern PARTY = Pattern.compile("\\G[ \\t\\u00A0]*\\(([^()\\n]{1,40})\\)");

    private final Pattern pattern;
    /** normalised form → the persons who carry it */
    private final Map<String, List<Person>> carriers;
    /** surname (normalised) → the given names and initials of the protected persons with that surname */
    private final Map<String, Set<String>> givenOfProtected;

    private ProtectedNames(Pattern pattern, Map<String, List<Person>> carriers, Map<String, Set<String>> givenOfProtected) {
        this.pattern = pattern;
        this.carriers = carriers;
        this.givenOfProtected = givenOfProtected;
    }

    /** Rules that remove nothing. */
    public static ProtectedNames none() {
        return NONE;
    }

    /**
     * @param persons everyone known who might be mentioned: the protected persons, and the others (registered
     *                persons, the meeting's attendance) whose names could be mistaken for theirs
     */
    public static ProtectedNames of(Collection<Person> persons) {
        List<Person> known = persons.stream().filter(p -> p != null && p.name() != null && !tokens(p.name()).isEmpty()).toList();
        Set<String> protectedSurnames = known.stream().filter(Person::isProtected).map(p -> surname(tokens(p.name())))
                .collect(Collectors.toSet());
        if (protectedSurnames.isEmpty()) {
            return NONE;
        }
        Map<String, List<Person>> carriers = new HashMap<>();
        Map<String, Set<String>> given = new HashMap<>();
        Set<String> alternatives = new LinkedHashSet<>();
        for (Person p : known) {
            List<String> t = tokens(p.name());
            String surname = surname(t);
            // anyone whose name shares a word with a protected surname: "Blerta Hoti Singh" beside a protected "Blerta Hoti"
            boolean related = p.isProtected() || t.stream().anyMatch(protectedSurnames::contains);
            if (!related) {
                continue;
            }
            for (String form : forms(t)) {
                List<Person> list = carriers.computeIfAbsent(form, k -> new ArrayList<>());
                if (!list.contains(p)) {
                    list.add(p);
                }
                alternatives.add(form);
            }
            if (p.isProtected()) {
                Set<String> g = given.computeIfAbsent(surname, k -> new LinkedHashSet<>());
                for (String name : t.subList(0, t.size() - 1)) {
                    g.add(name);
                    g.add(initial(name));
                }
            }
        }
        String regex = alternatives.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(ProtectedNames::regexOf).collect(Collectors.joining("|"));
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(" + regex + ")((?:'s|s|')?)(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new ProtectedNames(pattern, carriers, given);
    }

    /** Whether there is anyone to protect. */
    public boolean isEmpty() {
        return pattern == null;
    }

    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");

    /**
     * The text as it is read and published: composed (NFC: an "ö" written as "o" and a combining diaeresis is
     * one letter) and without invisible characters (soft hyphens, zero-width spaces) that could split a name.
     */
    public static String prepared(String text) {
        String composed = java.text.Normalizer.isNormalized(text, java.text.Normalizer.Form.NFC) ? text
                : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        return INVISIBLE.matcher(composed).replaceAll("");
    }

    /** The mentions of protected persons in the text, at positions of {@link #prepared(String)}. */
    public List<Mention> mentions(String original) {
        if (pattern == null || original == null || original.isEmpty()) {
            return List.of();
        }
        String text = prepared(original);
        List<Mention> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String form = normalise(m.group(1));
            List<Person> who = carriers.getOrDefault(form, List.of());
            boolean single = !form.contains(" ");
            if (single && !Character.isUpperCase(text.codePointAt(m.start(1)))) {
                continue; // "berg", "lind": a word, not the surname
            }
            int end = m.end();
            Matcher party = PARTY.matcher(text);
            String partyName = null;
            if (party.find(end) && party.start() == end && isParty(party.group(1).strip(), who)) {
                partyName = abbreviation(party.group(1).strip());
            }
            List<Person> candidates = who;
            if (partyName != null) {
                String wanted = partyName;
                List<Person> byParty = who.stream().filter(p -> p.party() != null && abbreviation(p.party()).equalsIgnoreCase(wanted)).toList();
                if (!byParty.isEmpty()) {
                    candidates = byParty;
                }
            }
            boolean anyProtected = candidates.stream().anyMatch(Person::isProtected);
            if (!anyProtected) {
                continue;
            }
            if (partyName != null && candidates == who && who.stream().filter(Person::isProtected)
                    .allMatch(p -> p.party() != null && isParty(p.party(), List.of()))) {
                continue; // "Anna Svensson (M)" when the protected Anna Svensson is KD: someone else
            }
            boolean ambiguous = candidates.stream().anyMatch(p -> !p.isProtected());
            if (partyName != null && candidates == who && !who.stream().allMatch(p -> p.party() == null)) {
                ambiguous = true; // a party that none of them has: another person of that name
            }
            int before = m.start(1) - 1;
            if (before >= 0 && (text.charAt(before) == '-' || text.charAt(before) == '.')) {
                ambiguous = true; // "Svensson-Lann", "K.Lann", "www.Lann.se": joined to something else
            }
            if (m.end() + 1 < text.length() && text.charAt(m.end()) == '-' && Character.isUpperCase(text.charAt(m.end() + 1))) {
                ambiguous = true; // "Lann-Berg": a double surname, maybe another's ("Lann-motionen" is a mention)
            }
            if (!ambiguous && (single || form.matches("(\\p{L}(-\\p{L})? )+\\S+"))) {
                ambiguous = afterUnknownName(text, m.start(1), form);
            }
            if (!ambiguous && partyName == null && continues(text, m.end())) {
                ambiguous = true; // "Anna Svensson Lind": a longer name, maybe someone else's
            }
            if (partyName != null && !ambiguous) {
                end = party.end();
            } else if (partyName == null && !ambiguous) {
                end = afterBareParty(text, end, candidates);
            }
            found.add(new Mention(m.start(1), end, text.substring(m.start(1), end), ambiguous, !m.group(2).isEmpty()));
        }
        return found;
    }

    /** The text with every mention removed, or held back when a mention is ambiguous. */
    public Redacted redact(String original) {
        String text = original == null || pattern == null ? original : prepared(original);
        List<Mention> mentions = mentions(text);
        if (mentions.isEmpty()) {
            return new Redacted(text, false, mentions);
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        boolean heldBack = false;
        for (Mention mention : mentions) {
            heldBack |= mention.ambiguous();
            out.append(text, at, mention.start()).append(SHOWN);
            if (mention.genitive()) {
                out.append('s');
            }
            at = mention.end();
        }
        out.append(text.substring(at));
        return new Redacted(out.toString(), heldBack, mentions);
    }

    /** The text to publish: redacted, or {@link #HELD_BACK}. Null stays null. */
    public String publish(String text) {
        return text == null || pattern == null ? text : redact(text).published();
    }

    /**
     * A name standing in a field of its own (a member who voted, who made a motion): the person's name, or
     * {@value #SHOWN} when it may be a protected person's. Here nothing is held back; a name that fits a
     * protected person is hidden even when a namesake might be meant.
     */
    public String name(String name) {
        if (name == null || pattern == null) {
            return name;
        }
        Redacted r = redact(name);
        return r.mentions().isEmpty() ? name : r.heldBack() ? SHOWN : r.text();
    }

    /** "(KD)", "(Kristdemokraterna)": a party abbreviation or a party one of the carriers has, not "(se bilaga 3)". */
    private static boolean isParty(String inParentheses, List<Person> carriers) {
        return inParentheses.matches("\\p{Lu}{1,4}") || PARTIES.containsKey(inParentheses.toLowerCase(Locale.ROOT))
                || carriers.stream().anyMatch(p -> inParentheses.equalsIgnoreCase(p.party()));
    }

    private static final Map<String, String> PARTIES = Map.of("socialdemokraterna", "S", "moderaterna", "M",
            "sverigedemokraterna", "SD", "centerpartiet", "C", "vänsterpartiet", "V", "kristdemokraterna", "KD",
            "liberalerna", "L", "miljöpartiet", "MP", "demokraterna", "D");

    private static String abbreviation(String party) {
        return PARTIES.getOrDefault(party.toLowerCase(Locale.ROOT), party);
    }

    /** "Anna Svensson KD": the protected person's party written bare after the name goes with it. */
    private static int afterBareParty(String text, int end, List<Person> candidates) {
        Matcher bare = Pattern.compile("\\G(?:[ \\t\\u00A0]+|[ \\t\\u00A0]*[,/][ \\t\\u00A0]*)(\\p{Lu}{1,4})(?![\\p{L}\\p{N}])").matcher(text);
        if (bare.find(end) && candidates.stream().anyMatch(p -> p.party() != null && abbreviation(p.party()).equals(bare.group(1)))) {
            return bare.end();
        }
        return end;
    }

    /** The name goes on: a capitalised word (no party letters) right after it on the same line. */
    private static boolean continues(String text, int end) {
        int i = end;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0')) {
            i++;
        }
        if (i == end || i + 1 >= text.length()) {
            return false;
        }
        return Character.isUpperCase(text.charAt(i)) && Character.isLowerCase(text.charAt(i + 1));
    }

    /** Whether a name standing alone is (or may be) a protected person's. */
    public boolean hides(String name) {
        return name != null && pattern != null && !redact(name).mentions().isEmpty();
    }

    /** A capitalised word right before the surname that is no given name or initial of a protected carrier. */
    private boolean afterUnknownName(String text, int start, String form) {
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0')) {
            i--;
        }
        if (i == start - 1 || i < 0) {
            return false;
        }
        int end = i + 1;
        while (i >= 0 && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '-' || text.charAt(i) == '.')) {
            i--;
        }
        String word = text.substring(i + 1, end).replace(".", "");
        if (word.isEmpty() || !Character.isUpperCase(word.codePointAt(0)) || word.equals(word.toUpperCase(Locale.ROOT)) && word.length() > 3) {
            return false;
        }
        if (TITLES.contains(word.toLowerCase(Locale.ROOT))) {
            return false; // "Ordföranden Svensson": a title, not a given name
        }
        String surname = form.substring(form.lastIndexOf(' ') + 1);
        Set<String> given = givenOfProtected.getOrDefault(surname, Set.of());
        return !given.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Words a protocol puts before a surname that are no given names. */
    private static final Set<String> TITLES = Set.of("ordföranden", "ordförande", "vice", "förste", "andre", "ledamoten",
            "ledamot", "ersättaren", "ersättare", "tjänstgörande", "kommunalrådet", "kommunalråd", "oppositionsrådet",
            "sekreteraren", "justeraren", "föredraganden", "handläggaren", "direktören", "chefen", "förvaltningschefen",
            "kommundirektören", "revisorn", "herr", "fru", "även", "och", "samt", "att", "av", "från", "till", "med", "enligt");

    private static List<String> tokens(String name) {
        String clean = name.replaceAll("\\([^()]*\\)", " ").replace('.', ' ').replace(',', ' ').strip();
        List<String> out = new ArrayList<>();
        for (String t : clean.split("[\\s\\u00A0]+")) {
            if (!t.isBlank()) {
                out.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static String surname(List<String> tokens) {
        return tokens.get(tokens.size() - 1);
    }

    private static String initial(String given) {
        // "anna-karin" → "a-k"; "anna" → "a"
        return java.util.Arrays.stream(given.split("-")).filter(s -> !s.isEmpty())
                .map(s -> s.substring(0, s.offsetByCodePoints(0, 1))).collect(Collectors.joining("-"));
    }

    /** The normalised forms a person is written in. */
    static Set<String> forms(List<String> t) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(String.join(" ", t));
        if (t.size() < 2) {
            return forms;
        }
        String surname = surname(t);
        List<String> given = t.subList(0, t.size() - 1);
        for (String g : given) {
            forms.add(g + " " + surname);
            forms.add(initial(g) + " " + surname);
            forms.add(surname + ", " + g); // "Lann, Elisabet": the attendance tables' order
        }
        if (given.size() > 1) {
            forms.add(given.stream().map(ProtectedNames::initial).collect(Collectors.joining(" ")) + " " + surname);
            forms.add(given.get(0) + " " + initial(given.get(1)) + " " + surname);
        }
        forms.add(surname);
        return forms;
    }

    static String normalise(String written) {
        return written.replace('.', ' ').replaceAll("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+", " ").strip().replaceAll(" ?, ?", ", ").toLowerCase(Locale.ROOT);
    }

    private static String regexOf(String form) {
        StringBuilder b = new StringBuilder();
        String[] parts = form.split(" ");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            boolean initial = i < parts.length - 1 && p.replace("-", "").codePointCount(0, p.replace("-", "").length()) <= 2
                    && p.length() <= 3;
            boolean comma = p.endsWith(",");
            b.append(Pattern.quote(comma ? p.substring(0, p.length() - 1) : p));
            if (i < parts.length - 1) {
                // between the words: any space, a line break too; after an initial a dot will do
                b.append(comma ? "[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]*,[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]*" : initial ? "(?:\\.[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]*|[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+)" : "[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
            }
        }
        return b.toString();
    }
}
