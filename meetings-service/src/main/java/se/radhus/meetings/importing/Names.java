package se.radhus.meetings.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Persons as protocols write them: "Anna Berg", "Anna Berg (S)", lists joined by commas and "och". */
final class Names {

    static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}/.-]*(?:\\s+\\p{Lu}[\\p{L}/.-]*){1,3}");
    static final Pattern PERSON_PARTY = Pattern.compile("\\s*(.+?)\\s*\\(([^)]+)\\)\\s*");
    /** The titles a secretary puts before a name: "tjänstgörande ersättaren", "ordföranden", "kommunalrådet". */
    static final Pattern TITLE = Pattern.compile("(?iu)^(?:(?:första|förste|andra|andre|tredje)\\s+vice\\s+)?(?:tjänstgörande\\s+ersättaren|"
            + "ordföranden|vice\\s+ordföranden|kommunalrådet|ledamoten|ersättaren)\\s+");
    static final String LIST = ",\\s*|\\s+och\\s+";

    private Names() {
    }

    /** A person's name without the title before it ("ordföranden Jonas Attenius" is "Jonas Attenius"). */
    static String untitled(String who) {
        return TITLE.matcher(who.strip()).replaceFirst("").strip();
    }

    /** "Anna Berg (S), Per Sten (M) och Eva Nord (V)", each with its party where given. */
    static List<String[]> persons(String list) {
        List<String[]> out = new ArrayList<>();
        for (String who : list.split(LIST)) {
            if (who.isBlank()) {
                continue;
            }
            String w = untitled(who);
            Matcher pp = PERSON_PARTY.matcher(w);
            out.add(pp.matches() ? new String[] {pp.group(1), pp.group(2)} : new String[] {w, null});
        }
        return out;
    }

    /** "A B, C D" and "A B och C D" are two persons when every part is a name; otherwise one item. */
    static List<String> split(List<String> items, boolean names) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.split(LIST);
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
