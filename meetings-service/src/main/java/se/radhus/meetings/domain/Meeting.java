package se.radhus.meetings.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import se.radhus.common.domain.FieldError;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;

/**
 * A meeting (sammanträde) of one body on one date, and its protocol: attendance, paragraphs, the
 * justering and the posting of its notice. Every change returns a new Meeting; a rule that refuses it
 * throws {@link RuleViolation}.
 *
 * @param adjusters the named adjusters (justerare), who sign with the chair
 */
public record Meeting(String id, String bodyId, LocalDate date, String startTime, String endTime, String place,
                      MeetingState state, List<Attendee> attendance, List<String> adjusters,
                      List<Paragraph> paragraphs, Justering justering, Posting posting) {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3])[:.][0-5]\\d");

    /** The justering: the day, who signed, and whether it came later than 14 days after the meeting. */
    public record Justering(LocalDate date, List<String> signedBy, boolean late) {
        public Justering {
            signedBy = List.copyOf(signedBy);
        }

        public Justering(LocalDate date, List<String> signedBy) {
            this(date, signedBy, false);
        }
    }

    /**
     * The notice on the anslagstavla and the appeal period it starts (kommunallagen 8 kap. 12 §).
     *
     * @param due        the last day it was to be posted: the second day after the justering (lag 1930:173)
     * @param late       posted after {@code due}
     * @param lateReason why, when late
     * @param keptAt     where the protocol is kept (the notice must say)
     * @param downOn     the day the notice comes down: the day after the last day to appeal
     */
    public record Posting(LocalDate postedOn, LocalDate appealDeadline, List<String> warnings, boolean appealRecorded,
                          LocalDate due, boolean late, String lateReason, String keptAt, LocalDate downOn) {
        public Posting {
            warnings = List.copyOf(warnings);
        }

        public Posting(LocalDate postedOn, LocalDate appealDeadline, List<String> warnings, boolean appealRecorded) {
            this(postedOn, appealDeadline, warnings, appealRecorded, null, false, null, null,
                    appealDeadline == null ? null : appealDeadline.plusDays(1));
        }

        /** The day its decisions have legal force if no appeal is recorded by the deadline. */
        public LocalDate legalForceFrom() {
            return AppealPeriod.legalForceFrom(appealDeadline);
        }
    }

    public Meeting {
        attendance = attendance == null ? List.of() : List.copyOf(attendance);
        adjusters = adjusters == null ? List.of() : List.copyOf(adjusters);
        paragraphs = paragraphs == null ? List.of()
                : paragraphs.stream().sorted(Comparator.comparingInt(Paragraph::number)).toList();
    }

    /** The id a meeting gets: body and date, e.g. {@code ks-nau-2024-05-21}. */
    public static String idFor(String bodyId, LocalDate date) {
        return bodyId + "-" + date;
    }

    /** A new planned meeting. */
    public static Meeting plan(String bodyId, LocalDate date, String startTime, String endTime, String place,
                               List<Attendee> attendance, List<String> adjusters) {
        List<FieldError> errors = new ArrayList<>();
        if (bodyId == null || bodyId.isBlank()) {
            errors.add(new FieldError("bodyId", "the id of the meeting's body"));
        }
        if (date == null) {
            errors.add(new FieldError("date", "the meeting's date, YYYY-MM-DD"));
        }
        if (startTime != null && !TIME.matcher(startTime).matches()) {
            errors.add(new FieldError("startTime", "HH:MM"));
        }
        if (endTime != null && !TIME.matcher(endTime).matches()) {
            errors.add(new FieldError("endTime", "HH:MM"));
        }
        List<Attendee> people = attendance == null ? List.of() : attendance;
        for (int i = 0; i < people.size(); i++) {
            Attendee a = people.get(i);
            if (a.name() == null || a.name().isBlank() || a.role() == null) {
                errors.add(new FieldError("attendance[" + i + "]", "a name and a role"));
            } else if (a.role() == Role.TJANSTGORANDE_ERSATTARE && (a.servingFor() == null || a.servingFor().isBlank())) {
                errors.add(new FieldError("attendance[" + i + "].servingFor", "the member a serving substitute serves for"));
            }
        }
        if (people.stream().filter(a -> a.role() == Role.ORDFORANDE).count() > 1) {
            errors.add(new FieldError("attendance", "one chair (ORDFORANDE) at most"));
        }
        Set<String> names = new HashSet<>();
        for (Attendee a : people) {
            if (a.name() != null && !names.add(a.name())) {
                errors.add(new FieldError("attendance", a.name() + " is listed twice"));
            }
        }
        InvalidInput.check(errors);
        return new Meeting(idFor(bodyId, date), bodyId, date, startTime, endTime, place, MeetingState.PLANNED,
                people, adjusters, List.of(), null, null);
    }

    /**
     * The attendance and adjusters changed while the protocol is a draft: arrivals, departures, a
     * substitute serving from § N. Checked as when planned; the rules of each § are checked by the service.
     */
    /** The same meeting showing only these of its paragraphs (a view; not a change to the protocol). */
    public Meeting withParagraphsShown(List<Paragraph> shown) {
        return new Meeting(id, bodyId, date, startTime, endTime, place, state, attendance, adjusters, shown, justering, posting);
    }

    public Meeting withAttendance(List<Attendee> newAttendance, List<String> newAdjusters) {
        requireEditable();
        Meeting checked = plan(bodyId, date, startTime, endTime, place, newAttendance, newAdjusters);
        return new Meeting(id, bodyId, date, startTime, endTime, place, state, checked.attendance(), checked.adjusters(),
                paragraphs, justering, posting);
    }

    public Optional<String> chair() {
        return attendance.stream().filter(a -> a.role() == Role.ORDFORANDE).map(Attendee::name).findFirst();
    }

    public Optional<Paragraph> paragraph(int number) {
        return paragraphs.stream().filter(p -> p.number() == number).findFirst();
    }

    /** Adjusted protocols are public; drafts are not. */
    public boolean isPublic() {
        return state.isFinal();
    }

    /** A paragraph is public once the protocol, or the paragraph on its own, is adjusted. */
    public boolean isPublic(Paragraph p) {
        return isPublic() || p.adjustedImmediately();
    }

    private void requireEditable() {
        if (state.isFinal()) {
            throw new RuleViolation("protocol-adjusted", "The protocol of " + id + " was adjusted on "
                    + justering.date() + " and never changes. A correction is a new decision that links to it.");
        }
    }

    private Meeting with(MeetingState s, List<Paragraph> ps, Justering j, Posting p) {
        return new Meeting(id, bodyId, date, startTime, endTime, place, s, attendance, adjusters, ps, j, p);
    }

    /** Planned → held → protocol draft; the later steps have their own operations. */
    public Meeting moveTo(MeetingState target) {
        requireEditable();
        boolean allowed = (state == MeetingState.PLANNED && (target == MeetingState.HELD || target == MeetingState.PROTOCOL_DRAFT))
                || (state == MeetingState.HELD && target == MeetingState.PROTOCOL_DRAFT)
                || state == target;
        if (!allowed) {
            throw new RuleViolation("state-transition", "A meeting cannot go from " + state + " to " + target
                    + "; justering and posting have their own requests.");
        }
        return with(target, paragraphs, justering, posting);
    }

    /** Adds a paragraph; its number must be new in this protocol (the year's numbering is checked apart). */
    public Meeting addParagraph(Paragraph p) {
        requireEditable();
        InvalidInput.check(p.validate());
        if (paragraph(p.number()).isPresent()) {
            throw new RuleViolation("paragraph-number-taken", "§ " + p.number() + " is already in this protocol.");
        }
        checkVotes(p);
        List<Paragraph> ps = new ArrayList<>(paragraphs);
        ps.add(p.withAdjustedOn(null));
        return with(MeetingState.PROTOCOL_DRAFT, ps, justering, posting);
    }

    /**
     * Adds a paragraph read from an existing protocol: its form is checked as for any §, but the meeting's
     * law (who serves, the votes and their results, reservations; see {@link MeetingLaw}) is reported in
     * {@code warnings}, not enforced: the protocol records what happened.
     */
    public Meeting addImportedParagraph(Paragraph p, List<String> warnings) {
        requireEditable();
        InvalidInput.check(p.validate());
        if (paragraph(p.number()).isPresent()) {
            throw new RuleViolation("paragraph-number-taken", "§ " + p.number() + " is already in this protocol.");
        }
        // the meeting's law (who served, votes and their results, reservations) as warnings: history is kept as printed
        for (MeetingLaw.Finding f : MeetingLaw.paragraph(attendance, p, bodyId, null)) {
            warnings.add("§ " + p.number() + ": " + f.message());
        }
        List<Paragraph> ps = new ArrayList<>(paragraphs.size() + 1);
        ps.addAll(paragraphs);
        ps.add(p.withAdjustedOn(null));
        return with(MeetingState.PROTOCOL_DRAFT, ps, justering, posting);
    }

    /** Replaces a paragraph of the draft. */
    public Meeting replaceParagraph(Paragraph p) {
        requireEditable();
        InvalidInput.check(p.validate());
        Paragraph old = paragraph(p.number()).orElseThrow(() -> new RuleViolation("paragraph-missing",
                "There is no § " + p.number() + " in this protocol to change."));
        if (old.adjustedImmediately()) {
            throw new RuleViolation("paragraph-adjusted", "§ " + p.number() + " was adjusted at once on "
                    + old.adjustedOn() + " and never changes.");
        }
        checkVotes(p);
        List<Paragraph> ps = new ArrayList<>(paragraphs);
        ps.replaceAll(x -> x.number() == p.number() ? p.withAdjustedOn(null) : x);
        return with(state, ps, justering, posting);
    }

    /** Drops a drafted paragraph (not one adjusted at once). */
    public Meeting dropParagraph(int number) {
        requireEditable();
        Paragraph old = paragraph(number).orElseThrow(() -> new RuleViolation("paragraph-missing",
                "There is no § " + number + " in this protocol to drop."));
        if (old.adjustedImmediately()) {
            throw new RuleViolation("paragraph-adjusted", "§ " + number + " was adjusted at once on " + old.adjustedOn() + " and stays.");
        }
        List<Paragraph> ps = new ArrayList<>(paragraphs);
        ps.removeIf(p -> p.number() == number);
        return with(state, ps, justering, posting);
    }

    private void checkVotes(Paragraph p) {
        for (Vote v : p.votes()) {
            VoteRules.check(v, attendance, p.number(), p.recusals());
        }
    }

    private void requireSigners(List<String> signedBy, LocalDate on) {
        if (on == null || on.isBefore(date)) {
            throw new InvalidInput("date", "the day of the justering, not before the meeting (" + date + ")");
        }
        String chair = chair().orElseThrow(() -> new RuleViolation("justering-no-chair",
                "The meeting has no chair (ORDFORANDE) in its attendance to sign the protocol."));
        Set<String> needed = new java.util.LinkedHashSet<>();
        needed.add(chair);
        needed.addAll(adjusters);
        if (adjusters.isEmpty()) {
            throw new RuleViolation("justering-no-adjuster", "The meeting names no adjuster (justerare).");
        }
        List<String> missing = needed.stream().filter(n -> !signedBy.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolation("justering-signatures", "The protocol is adjusted by the chair and the named "
                    + "adjusters; missing signatures: " + String.join(", ", missing) + ".");
        }
    }

    /** Omedelbar justering of one paragraph: it becomes final (and public) on its own. */
    public Meeting adjustParagraph(int number, LocalDate on, List<String> signedBy) {
        requireEditable();
        requireSigners(signedBy, on);
        Paragraph p = paragraph(number).orElseThrow(() -> new RuleViolation("paragraph-missing",
                "There is no § " + number + " in this protocol."));
        if (p.adjustedImmediately()) {
            throw new RuleViolation("paragraph-adjusted", "§ " + number + " was adjusted on " + p.adjustedOn() + ".");
        }
        List<Paragraph> ps = new ArrayList<>(paragraphs);
        ps.replaceAll(x -> x.number() == number ? x.withAdjustedOn(on) : x);
        return with(state, ps, justering, posting);
    }

    /** Justering: the chair and the adjusters sign; from then on nothing in the protocol changes. */
    public Meeting adjust(LocalDate on, List<String> signedBy) {
        requireEditable();
        if (paragraphs.isEmpty()) {
            throw new RuleViolation("justering-empty", "A protocol without paragraphs cannot be adjusted.");
        }
        requireSigners(signedBy, on);
        return with(MeetingState.ADJUSTED, paragraphs, new Justering(on, signedBy, MeetingLaw.lateJustering(date, on)), posting);
    }

    /** Posts the notice of the justering; the appeal period runs from that day. */
    public Meeting post(LocalDate postedOn) {
        return post(postedOn, null, null, true);
    }

    /**
     * Posts the notice of the justering; the appeal period runs from that day. A notice posted after its due
     * day (the second day after the justering, lag 1930:173 applied) is recorded as late, and for a protocol
     * held to the rules ({@code strict}) the reason must be given.
     */
    public Meeting post(LocalDate postedOn, String lateReason, String keptAt, boolean strict) {
        if (state != MeetingState.ADJUSTED) {
            throw new RuleViolation(state == MeetingState.POSTED ? "anslag-posted" : "anslag-before-justering",
                    state == MeetingState.POSTED ? "The notice was posted on " + posting.postedOn() + "."
                            : "Only an adjusted protocol can be posted; this one is " + state + ".");
        }
        if (postedOn == null) {
            throw new InvalidInput("postedOn", "the day the notice is posted, YYYY-MM-DD");
        }
        AppealPeriod period;
        try {
            period = AppealPeriod.of(date, justering.date(), postedOn);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("postedOn", e.getMessage());
        }
        LocalDate due = MeetingLaw.postingDue(justering.date());
        boolean late = postedOn.isAfter(due);
        List<String> warnings = new ArrayList<>(period.warnings());
        if (late) {
            String reason = lateReason == null || lateReason.isBlank() ? null : lateReason.strip();
            if (reason == null && strict) {
                throw new InvalidInput("lateReason", "the notice is due by " + due + " (the second day after the justering,"
                        + " kommunallagen 8 kap. 12 §, lag 1930:173); posted later, the reason must be recorded");
            }
            warnings.add("The notice was posted on " + postedOn + ", after its due day " + due + " (kommunallagen 8 kap. 12 §)"
                    + (reason == null ? "." : ": " + reason));
        }
        return with(MeetingState.POSTED, paragraphs, justering, new Posting(postedOn, period.deadline(), warnings, false, due, late,
                late ? lateReason : null, keptAt, period.deadline().plusDays(1)));
    }
}
