package se.radhus.meetings.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An iCalendar stream (RFC 5545) of a body's meetings: one VEVENT each, times in UTC (no VTIMEZONE needed), a
 * meeting without a time as an all-day event; texts escaped and lines folded at 75 octets.
 */
public final class ICalendar {

    public static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private ICalendar() {
    }

    /**
     * One event.
     *
     * @param start   the start, or null for an all-day event on {@code day}
     * @param end     the end, or null
     * @param stamp   when this information was last changed (DTSTAMP)
     * @param url     the kallelse (the agenda) when published, else the protocol
     */
    public record Event(String uid, LocalDate day, Instant start, Instant end, Instant stamp, String summary, String location,
                        String description, String url, boolean cancelled) {
    }

    public static String write(String calendarName, List<Event> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Rådhus//Sammanträden//SV");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(calendarName));
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(e.uid()));
            line(out, "DTSTAMP:" + UTC.format(e.stamp()));
            if (e.start() == null) {
                line(out, "DTSTART;VALUE=DATE:" + DAY.format(e.day()));
                line(out, "DTEND;VALUE=DATE:" + DAY.format(e.day().plusDays(1)));
            } else {
                line(out, "DTSTART:" + UTC.format(e.start()));
                if (e.end() != null && e.end().isAfter(e.start())) {
                    line(out, "DTEND:" + UTC.format(e.end()));
                }
            }
            line(out, "SUMMARY:" + text(e.summary()));
            if (e.location() != null && !e.location().isBlank()) {
                line(out, "LOCATION:" + text(e.location()));
            }
            if (e.description() != null && !e.description().isBlank()) {
                line(out, "DESCRIPTION:" + text(e.description()));
            }
            if (e.url() != null) {
                line(out, "URL:" + e.url());
            }
            line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped; other controls dropped. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
                .replace("\r", "\\n").replaceAll("[\\x00-\\x08\\x0B-\\x1F\\x7F]", "");
    }

    /** A content line, folded so that no line is longer than 75 octets (RFC 5545 3.1), never inside a character. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + len > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
