package se.radhus.meetings.importing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.radhus.meetings.domain.Motion;

/** Motions (yrkanden) as protocols write them: "Namn (S) – avslag", "Namn (S) yrkar bifall till …", "(V) yrkar …". */
final class Motions {

    static final Pattern MOTION = Pattern.compile("(.+?)\\s+[–-]\\s+(.+)");
    /** "Anna Berg (S) yrkar bifall till …", "(V) yrkar avslag …", "Tjänstgörande ersättaren X (S) föreslår …". */
    static final Pattern MOVES = Pattern.compile("(?iu)(.+?)\\s+(?:yrkar|föreslår)\\s+(.+)");
    /** A list of members wrapped before its verb: "Anna Berg (S), Per Sten (M) och". */
    static final Pattern WHO_SO_FAR = Pattern.compile("(?u)(?:[^,()]+\\([^)]+\\)(?:,|\\s+och)?\\s*)+|.*(?:,|\\s+och)");

    private Motions() {
    }

    static void read(List<Motion> motions, String t, boolean pendingBreak, int line, int number, List<String> warnings) {
        Matcher moves = MOVES.matcher(t);
        Matcher m = MOTION.matcher(t);
        String who;
        String what;
        if (moves.matches()) {
            who = moves.group(1);
            what = moves.group(2).strip();
        } else if (m.matches() && Character.isUpperCase(t.charAt(0))) {
            who = m.group(1);
            what = m.group(2).strip();
        } else if (!motions.isEmpty() && !pendingBreak) {
            Motion last = motions.remove(motions.size() - 1);
            StringBuilder text = new StringBuilder(last.text());
            Texts.append(text, t);
            motions.add(new Motion(last.by(), last.party(), last.type(), text.toString()));
            return;
        } else {
            warnings.add("line " + line + ": § " + number + ": not a motion \"who (party) – what\" or \"who (party) yrkar …\": " + t);
            return;
        }
        Motion.MotionType type = motionType(what);
        String party = who.strip();
        if (party.matches("\\([^)]+\\)")) {
            motions.add(new Motion(null, party.substring(1, party.length() - 1), type, what)); // "(V) yrkar …"
            return;
        }
        for (String[] person : Names.persons(who)) {
            motions.add(new Motion(person[0], person[1], type, what));
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
}
