package se.radhus.meetings.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.radhus.meetings.domain.Vote;

/**
 * Gathers a paragraph's omröstning: what ja and nej stand for and each member's ballot, in the forms
 * protocols print: "Ja för bifall till X, nej för Y", a "Godkänd voteringsproposition: ”Ja för … Nej för
 * …”" over several lines, "röstar Ja (7): A, B", "Anna Andersson (S) röstar Ja", and a list of names
 * wrapped over lines that ends "… och Eva Nord (V) röstar Nej (6).". A count that disagrees with its
 * names, or names no one, is reported; no ballot is made up.
 */
final class VoteReader {

    /** "Ja för bifall till X" or "Nej-röst innebär Y": what a ja or nej vote stands for. */
    static final Pattern VOTE_MEANS = Pattern.compile("(?iu)(ja|nej)(?:-röst)?\\s+(?:för|innebär|=)\\s+(.+?)\\.?");
    /** "röstar Ja (7): A, B" or "Nej (4): C" or "Anna Andersson (S) röstar Ja". */
    static final Pattern VOTE_LINE = Pattern.compile("(?iu)(?:(.+?)\\s+)?(?:röstar\\s+)?(ja|nej|avstår|avstod)(?:\\s*\\((\\d+)\\))?\\s*:?\\s*(.*)");
    /** A list of members, perhaps wrapped over lines, that ends with their ballot: "A (S), B (M) och C (V) röstar Ja (7)." */
    static final Pattern LIST_VOTES = Pattern.compile("(?iu)(.+?)\\s+röstar\\s+(ja|nej|avstår|avstod)\\s*(?:\\((\\d+)\\))?\\s*\\.?");
    static final Pattern PROPOSITION = Pattern.compile("(?iu)(?:godkänd\\s+)?voteringsproposition:?\\s*(.*)");
    static final Pattern QUOTES = Pattern.compile("[\"”“]");

    String ja;
    String nej;
    final List<Vote.Ballot> ballots = new ArrayList<>();
    final List<String> countProblems = new ArrayList<>();
    private StringBuilder proposition;
    private final StringBuilder pending = new StringBuilder();
    private int pendingLine;

    /** Reads one line; answers what was wrong with it, or null. */
    String read(String t, int lineNumber) {
        if (proposition != null) {
            proposition.append(' ').append(t);
            if (QUOTES.matcher(t).find()) {
                means(proposition.toString());
                proposition = null;
            }
            return null;
        }
        Matcher p = PROPOSITION.matcher(t);
        if (p.matches()) {
            String rest = p.group(1);
            long quotes = QUOTES.matcher(rest).results().count();
            if (quotes == 1) {
                proposition = new StringBuilder(rest);
            } else {
                means(rest);
            }
            return null;
        }
        if (means(t)) {
            return null;
        }
        String joined = pending.isEmpty() ? t : pending + " " + t;
        Matcher list = LIST_VOTES.matcher(joined);
        if (list.matches() && (joined.contains(",") || joined.contains(" och ") || !pending.isEmpty())) {
            pending.setLength(0);
            List<String> names = new ArrayList<>();
            for (String[] person : Names.persons(list.group(1))) {
                names.add(person[1] == null ? person[0] : person[0] + " (" + person[1] + ")");
            }
            ballots(choice(list.group(2)), list.group(2), names, list.group(3));
            return null;
        }
        Matcher v = VOTE_LINE.matcher(t);
        if (!v.matches() || (v.group(1) != null && v.group(3) == null && !v.group(4).isEmpty())) {
            if (pending.isEmpty()) {
                pendingLine = lineNumber;
            } else {
                pending.append(' ');
            }
            pending.append(t); // perhaps the start of a list of names that ends "röstar Ja (7)"
            return null;
        }
        List<String> names = new ArrayList<>();
        if (v.group(1) != null && v.group(3) == null) {
            String who = v.group(1).strip();
            Matcher pp = Names.PERSON_PARTY.matcher(who);
            if (!Names.NAME.matcher(pp.matches() ? pp.group(1) : who).matches()) {
                return "not a vote: no member's name before \"röstar\"";
            }
            names.add(who); // "Anna Andersson (S) röstar Ja"
        } else if (v.group(1) != null && !v.group(1).strip().equalsIgnoreCase("röstar")) {
            return "not a vote: words before the count";
        }
        if (!v.group(4).isBlank()) {
            for (String n : v.group(4).split(Names.LIST)) {
                String name = n.strip().replaceAll("\\.$", "");
                if (!name.isBlank()) {
                    names.add(name);
                }
            }
        }
        ballots(choice(v.group(2)), v.group(2), names, v.group(3));
        return null;
    }

    /** Lines still waiting for their "röstar …", reported once the section ends; null when none. */
    String unfinished() {
        if (pending.isEmpty()) {
            return null;
        }
        String out = "line " + pendingLine + ": %s: not a vote (\"Ja för …\", \"röstar Ja (7): namn, namn\" or \"Namn (parti) röstar Ja\"): "
                + pending;
        pending.setLength(0);
        return out;
    }

    private boolean means(String text) {
        boolean read = false;
        String s = QUOTES.matcher(text).replaceAll("").strip();
        for (String part : s.split("(?iu)(?:[,;.]\\s*|\\s+och\\s+)(?=(?:ja|nej)(?:-röst)?\\s+(?:för|innebär|=)\\s)")) {
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
        return read;
    }

    private static Vote.Choice choice(String word) {
        return switch (word.toLowerCase()) {
            case "ja" -> Vote.Choice.JA;
            case "nej" -> Vote.Choice.NEJ;
            default -> Vote.Choice.AVSTAR;
        };
    }

    private void ballots(Vote.Choice choice, String word, List<String> names, String count) {
        for (String n : names) {
            if (ballots.stream().anyMatch(b -> b.member().equals(n))) {
                countProblems.add(n + " is named twice; the first ballot is kept");
            } else {
                ballots.add(new Vote.Ballot(n, choice));
            }
        }
        if (count != null) {
            int said = Integer.parseInt(count);
            if (names.isEmpty()) {
                countProblems.add(word + " (" + said + ") names no one; the count alone is not kept");
            } else if (said != names.size()) {
                countProblems.add(word + " (" + said + ") names " + names.size());
            }
        }
    }

    List<Vote> votes(int paragraph, List<String> warnings) {
        countProblems.forEach(p -> warnings.add("§ " + paragraph + ": omröstning: " + p));
        if (ballots.isEmpty()) {
            if (ja != null || nej != null) {
                warnings.add("§ " + paragraph + ": omröstning: the proposition is printed but no member's ballot (perhaps in an"
                        + " appendix); no vote is kept");
            }
            return List.of();
        }
        return List.of(new Vote(ja, nej, ballots));
    }
}
