package se.radhus.meetings.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.radhus.meetings.domain.Attendee;
import se.radhus.meetings.domain.ParagraphRange;
import se.radhus.meetings.domain.Role;

/**
 * What a protocol says before its first §: place and time, who took part (members with the chair and
 * serving substitutes, substitutes, officials) and who adjusts.
 */
final class FrontMatter {

    /** What was read. */
    record Read(String place, String startTime, String endTime, List<Attendee> attendance, List<String> adjusters) {
    }

    static final Pattern OFFICIAL = Pattern.compile("([^,]+),\\s*([^§]+?)(?:,\\s*(§\\s*[\\d\\s-]+))?");
    static final Pattern MEMBER = Pattern.compile("([^,(]+?)\\s*(?:\\(([^)]+)\\))?(?:,\\s*(.+))?");
    /** "Plats och tid: Stadshuset, 13:15–15:30". */
    static final Pattern PLACE_TIME = Pattern.compile("(?i)plats och tid:\\s*(.+?)(?:,\\s*(\\d{1,2}[:.]\\d{2})(?:\\s*[-–]\\s*(\\d{1,2}[:.]\\d{2}))?)?");

    private FrontMatter() {
    }

    static Read read(List<Line> lines, ProtocolLayout layout, List<String> warnings) {
        List<Attendee> attendance = new ArrayList<>();
        List<String> adjusters = new ArrayList<>();
        String[] placeAndTime = new String[3];
        ProtocolLayout.Section part = null;
        for (Line l : lines) {
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
        return new Read(placeAndTime[0], placeAndTime[1], placeAndTime[2], attendance, adjusters);
    }

    /** "Anna Berg (S), ordförande" or "Per Sten (M), tjänstgörande ersättare för Eva Nord"; null when it is none. */
    static Attendee member(String line, boolean substitutes) {
        Matcher m = MEMBER.matcher(line);
        if (!m.matches() || !Names.NAME.matcher(m.group(1).strip()).matches()) {
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
}
