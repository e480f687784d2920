package se.radhus.meetings.domain;

import se.radhus.common.domain.SwedishCalendar;
import se.radhus.common.domain.RuleViolation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of the meeting that a protocol must keep (kommunallagen 2017:725), each a finding with the
 * statute it rests on. A new protocol is held to them: the first finding refuses the change (409). An
 * imported protocol is history: it records what was decided, so its findings are warnings.
 */
public final class MeetingLaw {

    /** Justering later than this many days after the meeting is late (kommunallagen 5 kap. 69 §). */
    public static final int JUSTERING_DAYS = 14;

    private MeetingLaw() {
    }

    /** A rule a protocol does not keep: its slug (the problem type), the § if one, and the rule in words. */
    public record Finding(String rule, Integer paragraph, String message) {
        public RuleViolation violation() {
            return new RuleViolation(rule, message);
        }
    }

    /** Everything about one § that the law asks: attendance, votes and their results, reservations, quorum. */
    public static List<Finding> paragraph(List<Attendee> attendance, Paragraph p, String bodyName, Integer seats) {
        List<Finding> out = new ArrayList<>();
        if (attendance.isEmpty()) {
            // no attendance recorded (an old protocol whose first page is not at hand): who served cannot be told,
            // so only what the § itself shows is checked, the results of its votes
            for (Vote v : p.votes()) {
                try {
                    VoteResult.of(v, null);
                } catch (RuleViolation e) {
                    out.add(new Finding(e.rule(), p.number(), e.getMessage()));
                }
            }
            return out;
        }
        ParagraphPresence at = ParagraphPresence.of(attendance, p.number(), p.recusals());
        at.problems().forEach(m -> out.add(new Finding("attendance-seat", p.number(), m)));
        if (seats != null) {
            try {
                Quorum.require(bodyName, seats, at);
            } catch (RuleViolation e) {
                out.add(new Finding(e.rule(), p.number(), e.getMessage()));
            }
        }
        for (Vote v : p.votes()) {
            out.addAll(vote(v, at, p.number()));
        }
        out.addAll(reservations(p, at));
        return out;
    }

    /**
     * A vote: ballots only from those serving at the § (5 kap. 55 §), each one; its result computed and,
     * where the protocol records which side carried it, the record agreeing with the count.
     */
    static List<Finding> vote(Vote v, ParagraphPresence at, int number) {
        List<Finding> out = ballots(v, at, number);
        if (!out.isEmpty()) {
            return out;
        }
        try {
            VoteResult r = VoteResult.of(v, at.chair());
            if (v.decided() != null && v.decided() != r.winner()) {
                out.add(new Finding("vote-result", number, "The count gives " + r.winner() + " (" + r.winningProposition(v)
                        + ": " + r.ja() + " ja, " + r.nej() + " nej, " + r.avstar() + " avstår"
                        + (r.castingVote() ? ", the chair's casting vote" : "") + "), but the protocol records " + v.decided()
                        + " as decided. The decision must follow the result (kommunallagen 5 kap. 55 and 57 §§)."));
            }
        } catch (RuleViolation e) {
            out.add(new Finding(e.rule(), number, e.getMessage()));
        }
        return out;
    }

    /** The ballots of a vote: one each, a choice each, only from those serving at the § (5 kap. 55 §). */
    public static List<Finding> ballots(Vote v, ParagraphPresence at, int number) {
        List<Finding> out = new ArrayList<>();
        Set<String> voted = new TreeSet<>();
        for (Vote.Ballot b : v.ballots()) {
            if (b.choice() == null) {
                out.add(new Finding("vote-ballot", number, b.member() + " has no choice: ja, nej or avstår"));
            } else if (!voted.add(b.member())) {
                out.add(new Finding("vote-twice", number, b.member() + " voted twice in § " + number));
            } else if (at.recused().contains(b.member())) {
                out.add(new Finding("vote-jav", number, b.member() + " declared jäv in § " + number
                        + " and may take no part (kommunallagen 5 kap. 47 §, 6 kap. 28 §)"));
            } else if (!at.serving().contains(b.member())) {
                out.add(new Finding("vote-not-serving", number, b.member() + " is not serving at § " + number
                        + ": only members present and serving there vote (" + at.serving().size() + " serve)"));
            }
        }
        Set<String> missing = new TreeSet<>(at.serving());
        missing.removeAll(voted);
        if (!missing.isEmpty() && out.isEmpty()) {
            out.add(new Finding("vote-totals", number, "the ballots (" + voted.size() + ") do not match the "
                    + at.serving().size() + " serving at § " + number + "; missing: " + String.join(", ", missing)));
        }
        return out;
    }

    /**
     * A reservation only from a member who took part in the decision (kommunallagen 4 kap. 27 §): serving
     * at the §, without jäv, and, where there was a vote, not on the side that carried it.
     */
    static List<Finding> reservations(Paragraph p, ParagraphPresence at) {
        List<Finding> out = new ArrayList<>();
        for (Reservation r : p.reservations()) {
            if (r.by() == null || r.by().isBlank()) {
                continue; // a party's reservation with no name: nothing to check it against
            }
            if (at.recused().contains(r.by())) {
                out.add(new Finding("reservation-jav", p.number(), r.by() + " had jäv at § " + p.number()
                        + ", took no part in the decision and cannot reserve against it (kommunallagen 4 kap. 27 §)"));
            } else if (!at.serving().contains(r.by())) {
                out.add(new Finding("reservation-not-serving", p.number(), r.by() + " did not take part in the decision at § "
                        + p.number() + " (not present and serving), so cannot reserve against it (kommunallagen 4 kap. 27 §)"));
            } else {
                for (Vote v : p.votes()) {
                    try {
                        VoteResult result = VoteResult.of(v, at.chair());
                        v.ballots().stream().filter(b -> b.member().equals(r.by()) && b.choice() == result.winner()).findFirst()
                                .ifPresent(b -> out.add(new Finding("reservation-prevailed", p.number(), r.by()
                                        + " voted for what was decided at § " + p.number() + " and cannot reserve against it")));
                    } catch (RuleViolation unsettled) {
                        // reported with the vote
                    }
                }
            }
        }
        return out;
    }

    /**
     * The justering: not before the meeting and not in the future; signed by the chair of the meeting (and
     * the chair of each § chaired by someone else) and the chosen adjusters, all of them present
     * (kommunallagen 5 kap. 69 §, 6 kap. 35 §).
     */
    public static List<Finding> justering(LocalDate meetingDate, LocalDate on, LocalDate today, List<String> signedBy,
                                          List<Attendee> attendance, List<String> adjusters, List<Paragraph> paragraphs) {
        List<Finding> out = new ArrayList<>();
        if (on.isBefore(meetingDate)) {
            out.add(new Finding("justering-date", null, "The justering (" + on + ") cannot be before the meeting (" + meetingDate + ")."));
        }
        if (on.isAfter(today)) {
            out.add(new Finding("justering-future", null, "The justering is dated " + on + ", after today (" + today
                    + "): record it on the day it is signed."));
        }
        Set<String> needed = new LinkedHashSet<>();
        for (Paragraph p : paragraphs) {
            String chair = ParagraphPresence.of(attendance, p.number(), p.recusals()).chair();
            if (chair != null) {
                needed.add(chair);
            }
        }
        if (needed.isEmpty()) {
            attendance.stream().filter(a -> a.role() == Role.ORDFORANDE).map(Attendee::name).findFirst().ifPresent(needed::add);
        }
        if (needed.isEmpty()) {
            out.add(new Finding("justering-no-chair", null, "The meeting has no chair (ORDFORANDE) in its attendance to sign the protocol."));
        }
        if (adjusters.isEmpty()) {
            out.add(new Finding("justering-no-adjuster", null, "The meeting names no adjuster (justerare)."));
        }
        needed.addAll(adjusters);
        List<String> missing = needed.stream().filter(n -> !signedBy.contains(n)).toList();
        if (!missing.isEmpty()) {
            out.add(new Finding("justering-signatures", null, "The protocol is adjusted by the chair and the chosen adjusters;"
                    + " missing signatures: " + String.join(", ", missing) + "."));
        }
        Set<String> attended = new TreeSet<>();
        attendance.stream().map(Attendee::name).forEach(attended::add);
        for (String s : signedBy) {
            if (!attended.contains(s)) {
                out.add(new Finding("justering-signer-absent", null, s + " did not attend the meeting and cannot sign its protocol."));
            }
        }
        for (String a : adjusters) {
            if (!attended.contains(a)) {
                out.add(new Finding("justering-adjuster-absent", null, "The adjuster " + a + " did not attend the meeting."));
            }
        }
        return out;
    }

    /** Whether a justering on {@code on} is late: more than 14 days after the meeting. */
    public static boolean lateJustering(LocalDate meetingDate, LocalDate on) {
        return ChronoUnit.DAYS.between(meetingDate, on) > JUSTERING_DAYS;
    }

    /**
     * The last day to post the notice of the justering: the second day after it (kommunallagen 8 kap. 12 §),
     * moved to the next weekday past a Saturday, Sunday, public holiday, midsommarafton, julafton or
     * nyårsafton (lag 1930:173).
     */
    public static LocalDate postingDue(LocalDate adjustedOn) {
        return SwedishCalendar.nextDeadlineDay(adjustedOn.plusDays(2));
    }
}
