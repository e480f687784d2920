package se.radhus.meetings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import se.radhus.common.domain.RuleViolation;

/** The rules of the meeting as cases, each with the rule of kommunallagen (2017:725) or lag 1930:173 it rests on. */
class MeetingLawTest {

    static Attendee member(String name) {
        return new Attendee(null, name, "S", Role.LEDAMOT, null, null, null);
    }

    static Attendee chair(String name) {
        return new Attendee(null, name, "M", Role.ORDFORANDE, null, null, null);
    }

    static Attendee substitute(String name, String forMember) {
        return new Attendee(null, name, "S", Role.TJANSTGORANDE_ERSATTARE, forMember, null, null);
    }

    static Attendee from(Attendee a, int first, int last) {
        return new Attendee(a.personId(), a.name(), a.party(), a.role(), a.servingFor(), a.title(), new ParagraphRange(first, last));
    }

    static Vote.Ballot b(String who, Vote.Choice c) {
        return new Vote.Ballot(who, c);
    }

    static Paragraph para(int n, List<Vote> votes, List<Reservation> reservations, List<String> recusals) {
        return new Paragraph(n, null, "Ärende", List.of(new DecisionSection(DecisionKind.BESLUT, "Nämnden", List.of("bifalla"))),
                null, null, null, null, null, null, null, votes, reservations, recusals, null, null, null, null);
    }

    static final List<Attendee> FIVE = List.of(chair("Ordf"), member("A"), member("B"), member("C"), member("D"));

    // 5 kap. 55 § and 57 §: most votes win; on a tie the chair's vote decides
    @Test
    void aTieIsDecidedByTheChairsCastingVote() {
        Vote v = new Vote("bifall", "avslag", List.of(b("Ordf", Vote.Choice.NEJ), b("A", Vote.Choice.NEJ), b("B", Vote.Choice.JA),
                b("C", Vote.Choice.JA), b("D", Vote.Choice.AVSTAR)));
        VoteResult r = VoteResult.of(v, "Ordf");
        assertThat(r.winner()).isEqualTo(Vote.Choice.NEJ);
        assertThat(r.castingVote()).isTrue();
        assertThat(r.sentence(v, "Nämnden")).isEqualTo(
                "Med 2 ja-röster mot 2 nej-röster, 1 avstår, och ordförandens utslagsröst, beslutar nämnden enligt avslag.");
    }

    // 5 kap. 57 §: the chair must vote for the casting vote to decide
    @Test
    void aTieWhereTheChairAbstainsCannotBeSettled() {
        Vote v = new Vote("bifall", "avslag", List.of(b("Ordf", Vote.Choice.AVSTAR), b("A", Vote.Choice.NEJ), b("B", Vote.Choice.NEJ),
                b("C", Vote.Choice.JA), b("D", Vote.Choice.JA)));
        assertThatThrownBy(() -> VoteResult.of(v, "Ordf")).isInstanceOf(RuleViolation.class).hasMessageContaining("utslagsröst");
        assertThat(MeetingLaw.paragraph(FIVE, para(1, List.of(v), List.of(), List.of()), "Nämnden", 5))
                .extracting(MeetingLaw.Finding::rule).containsExactly("vote-tie");
    }

    // 5 kap. 57 §: in an election a tie is settled by lot, and the draw is recorded
    @Test
    void anElectionTieIsSettledByTheRecordedDraw() {
        List<Vote.Ballot> ballots = List.of(b("Ordf", Vote.Choice.JA), b("A", Vote.Choice.JA), b("B", Vote.Choice.NEJ), b("C", Vote.Choice.NEJ));
        assertThatThrownBy(() -> VoteResult.of(new Vote("Kim", "Lo", ballots, true, null, null, null), "Ordf"))
                .hasMessageContaining("lot");
        VoteResult r = VoteResult.of(new Vote("Kim", "Lo", ballots, true, Vote.Choice.NEJ, null, null), "Ordf");
        assertThat(r.winner()).isEqualTo(Vote.Choice.NEJ);
        assertThat(r.byLot()).isTrue();
    }

    // 5 kap. 55 §: the recorded decision must be the one the count gives
    @Test
    void aDecisionAgainstTheCountIsRefusedNamingTheResult() {
        Vote v = new Vote("bifall", "avslag", List.of(b("Ordf", Vote.Choice.NEJ), b("A", Vote.Choice.NEJ), b("B", Vote.Choice.JA),
                b("C", Vote.Choice.JA), b("D", Vote.Choice.AVSTAR)), false, null, Vote.Choice.JA, null);
        List<MeetingLaw.Finding> f = MeetingLaw.paragraph(FIVE, para(1, List.of(v), List.of(), List.of()), "Nämnden", 5);
        assertThat(f).extracting(MeetingLaw.Finding::rule).containsExactly("vote-result");
        assertThat(f.get(0).message()).contains("The count gives NEJ").contains("avslag").contains("casting vote");
    }

    // 5 kap. 17 §, 6 kap. 17 §: a substitute serves only in place of a member who does not
    @Test
    void aSubstituteForAMemberWhoIsPresentDoesNotServeAndCannotVote() {
        List<Attendee> att = List.of(chair("Ordf"), member("A"), member("B"), member("C"), substitute("E", "A"));
        ParagraphPresence at = ParagraphPresence.of(att, 1, List.of());
        assertThat(at.serving()).containsExactlyInAnyOrder("Ordf", "A", "B", "C");
        assertThat(at.problems()).singleElement().asString().contains("E is listed as serving for A");
        Vote five = new Vote("ja", "nej", List.of(b("Ordf", Vote.Choice.JA), b("A", Vote.Choice.JA), b("B", Vote.Choice.JA),
                b("C", Vote.Choice.NEJ), b("E", Vote.Choice.NEJ)));
        assertThat(MeetingLaw.paragraph(att, para(1, List.of(five), List.of(), List.of()), "Nämnden", 4))
                .extracting(MeetingLaw.Finding::rule).contains("attendance-seat", "vote-not-serving");
    }

    // 6 kap. 17 §: a substitute serving from § N in place of a member who left
    @Test
    void aSubstituteServesFromTheParagraphTheMemberLeaves() {
        List<Attendee> att = List.of(chair("Ordf"), from(member("A"), 1, 2), member("B"), from(substitute("E", "A"), 3, 9999));
        assertThat(ParagraphPresence.of(att, 2, List.of()).serving()).containsExactlyInAnyOrder("Ordf", "A", "B");
        assertThat(ParagraphPresence.of(att, 3, List.of()).serving()).containsExactlyInAnyOrder("Ordf", "E", "B");
        assertThat(ParagraphPresence.of(att, 3, List.of()).problems()).isEmpty();
    }

    // 5 kap. 47 §, 6 kap. 28 §: jäv; a substitute may serve in place of a member with jäv; the vice chair chairs
    @Test
    void aMemberWithJavDoesNotServeAndTheirSubstituteMay() {
        List<Attendee> att = new ArrayList<>(FIVE);
        att.add(new Attendee(null, "Vice", "C", Role.VICE_ORDFORANDE, null, null, null));
        att.add(substitute("E", "A"));
        ParagraphPresence at = ParagraphPresence.of(att, 4, List.of("A", "Ordf"));
        assertThat(at.serving()).containsExactlyInAnyOrder("B", "C", "D", "Vice", "E");
        assertThat(at.recused()).containsExactlyInAnyOrder("A", "Ordf");
        assertThat(at.chair()).isEqualTo("Vice");
    }

    // 5 kap. 46 §, 6 kap. 27 §: more than half of the seats present and serving
    @Test
    void twoOfSixIsNoQuorumAndFourOfSixIs() {
        List<Attendee> two = List.of(chair("Ordf"), member("A"));
        assertThat(MeetingLaw.paragraph(two, para(1, List.of(), List.of(), List.of()), "Nämnden", 6))
                .extracting(MeetingLaw.Finding::rule).containsExactly("quorum");
        assertThat(MeetingLaw.paragraph(two, para(1, List.of(), List.of(), List.of()), "Nämnden", 6).get(0).message())
                .contains("6 seats").contains("2 present and serving").contains("4 needed");
        assertThat(Quorum.met(6, 3)).isFalse();
        assertThat(Quorum.met(6, 4)).isTrue();
        assertThat(Quorum.met(5, 3)).isTrue();
        // jäv does not count towards the quorum; abstaining does
        List<Attendee> four = List.of(chair("Ordf"), member("A"), member("B"), member("C"));
        assertThat(MeetingLaw.paragraph(four, para(1, List.of(), List.of(), List.of("C")), "Nämnden", 6))
                .extracting(MeetingLaw.Finding::rule).containsExactly("quorum");
    }

    // 4 kap. 27 §: only one who took part in the decision may reserve against it
    @Test
    void reservationsOnlyFromThoseWhoTookPartAndDidNotPrevail() {
        Paragraph absent = para(1, List.of(), List.of(new Reservation("Frånvarande", "V", null)), List.of());
        assertThat(MeetingLaw.paragraph(FIVE, absent, "Nämnden", 5)).extracting(MeetingLaw.Finding::rule)
                .containsExactly("reservation-not-serving");
        Paragraph jav = para(1, List.of(), List.of(new Reservation("A", "S", null)), List.of("A"));
        assertThat(MeetingLaw.paragraph(FIVE, jav, "Nämnden", 5)).extracting(MeetingLaw.Finding::rule)
                .containsExactly("reservation-jav");
        Vote v = new Vote("bifall", "avslag", List.of(b("Ordf", Vote.Choice.JA), b("A", Vote.Choice.JA), b("B", Vote.Choice.JA),
                b("C", Vote.Choice.NEJ), b("D", Vote.Choice.AVSTAR)));
        Paragraph winners = para(1, List.of(v), List.of(new Reservation("A", "S", null), new Reservation("C", "V", null),
                new Reservation("D", "L", null)), List.of());
        assertThat(MeetingLaw.paragraph(FIVE, winners, "Nämnden", 5)).extracting(MeetingLaw.Finding::message)
                .singleElement().asString().startsWith("A voted for what was decided");
    }

    // an old protocol without its attendance: who served cannot be told, so nothing is said of it
    @Test
    void withoutAttendanceOnlyWhatTheParagraphShowsIsChecked() {
        Vote v = new Vote("bifall", "avslag", List.of(b("X", Vote.Choice.JA), b("Y", Vote.Choice.JA), b("Z", Vote.Choice.NEJ)));
        Paragraph p = para(1, List.of(v), List.of(new Reservation("Kristdemokraterna", null, null)), List.of());
        assertThat(MeetingLaw.paragraph(List.of(), p, "Kommunfullmäktige", 61)).isEmpty();
        Vote tie = new Vote("bifall", "avslag", List.of(b("X", Vote.Choice.JA), b("Z", Vote.Choice.NEJ)));
        assertThat(MeetingLaw.paragraph(List.of(), para(2, List.of(tie), List.of(), List.of()), "KF", null))
                .extracting(MeetingLaw.Finding::rule).containsExactly("vote-tie");
    }

    static final LocalDate MEETING = LocalDate.of(2024, 5, 21);

    // 5 kap. 69 §: justering by the chair and the adjusters, not before the meeting, not in the future
    @Test
    void aJusteringInTheFutureOrByAnAbsentSignerIsRefused() {
        List<Paragraph> ps = List.of(para(1, List.of(), List.of(), List.of()));
        List<String> adjusters = List.of("A");
        assertThat(MeetingLaw.justering(MEETING, LocalDate.of(2031, 1, 1), LocalDate.of(2024, 6, 1), List.of("Ordf", "A"), FIVE, adjusters, ps))
                .extracting(MeetingLaw.Finding::rule).containsExactly("justering-future");
        assertThat(MeetingLaw.justering(MEETING, MEETING.minusDays(1), MEETING, List.of("Ordf", "A"), FIVE, adjusters, ps))
                .extracting(MeetingLaw.Finding::rule).containsExactly("justering-date");
        assertThat(MeetingLaw.justering(MEETING, MEETING.plusDays(2), MEETING.plusDays(2), List.of("Ordf", "A", "Gäst"), FIVE, adjusters, ps))
                .extracting(MeetingLaw.Finding::rule).containsExactly("justering-signer-absent");
        assertThat(MeetingLaw.justering(MEETING, MEETING.plusDays(2), MEETING.plusDays(2), List.of("Ordf"), FIVE, adjusters, ps))
                .extracting(MeetingLaw.Finding::rule).containsExactly("justering-signatures");
        assertThat(MeetingLaw.justering(MEETING, MEETING.plusDays(2), MEETING.plusDays(2), List.of("Ordf", "A"), FIVE, adjusters, ps)).isEmpty();
        assertThat(MeetingLaw.lateJustering(MEETING, MEETING.plusDays(14))).isFalse();
        assertThat(MeetingLaw.lateJustering(MEETING, MEETING.plusDays(15))).isTrue();
    }

    // 5 kap. 69 §: the chair of a § chaired by another (the chair had jäv) signs too
    @Test
    void theChairOfEachParagraphSigns() {
        List<Attendee> att = new ArrayList<>(FIVE);
        att.add(new Attendee(null, "Vice", "C", Role.VICE_ORDFORANDE, null, null, null));
        List<Paragraph> ps = List.of(para(1, List.of(), List.of(), List.of()), para(2, List.of(), List.of(), List.of("Ordf")));
        assertThat(MeetingLaw.justering(MEETING, MEETING, MEETING, List.of("Ordf", "A"), att, List.of("A"), ps))
                .extracting(MeetingLaw.Finding::message).singleElement().asString().contains("Vice");
    }

    // 8 kap. 12 § with lag 1930:173: posted by the second day after the justering, moved past a weekend or holiday
    @Test
    void postingIsDueTheSecondDayAfterJusteringMovedPastHolidays() {
        assertThat(MeetingLaw.postingDue(LocalDate.of(2024, 5, 23))).isEqualTo(LocalDate.of(2024, 5, 27)); // Thu → Sat → Mon
        assertThat(MeetingLaw.postingDue(LocalDate.of(2024, 5, 21))).isEqualTo(LocalDate.of(2024, 5, 23)); // Tue → Thu
        assertThat(MeetingLaw.postingDue(LocalDate.of(2024, 6, 19))).isEqualTo(LocalDate.of(2024, 6, 24)); // Fri is midsommarafton
        assertThat(MeetingLaw.postingDue(LocalDate.of(2024, 12, 22))).isEqualTo(LocalDate.of(2024, 12, 27)); // julafton, juldagen, annandag
        assertThat(MeetingLaw.postingDue(LocalDate.of(2024, 12, 29))).isEqualTo(LocalDate.of(2024, 12, 31).plusDays(2)); // nyårsafton, nyårsdagen
    }

    @Test
    void aLatePostingNeedsItsReasonAndIsRecordedAsLate() {
        Meeting adjusted = new Meeting("n-2024-05-21", "n", MEETING, null, null, null, MeetingState.ADJUSTED, FIVE, List.of("A"),
                List.of(para(1, List.of(), List.of(), List.of())), new Meeting.Justering(LocalDate.of(2024, 5, 23), List.of("Ordf", "A")), null);
        Meeting onTime = adjusted.post(LocalDate.of(2024, 5, 27), null, "Kommunkansliet", true);
        assertThat(onTime.posting().late()).isFalse();
        assertThat(onTime.posting().keptAt()).isEqualTo("Kommunkansliet");
        assertThatThrownBy(() -> adjusted.post(LocalDate.of(2024, 5, 28), null, null, true)).hasMessageContaining("2024-05-27");
        Meeting late = adjusted.post(LocalDate.of(2024, 5, 28), "Anslagstavlan var ur drift", null, true);
        assertThat(late.posting().late()).isTrue();
        assertThat(late.posting().warnings()).anyMatch(w -> w.contains("Anslagstavlan var ur drift"));
        // the seed: adjusted Thu 2024-05-23, posted Fri 05-24, last day to appeal 2024-06-14 (13 kap. 5 §)
        Meeting seed = adjusted.post(LocalDate.of(2024, 5, 24), null, null, true);
        assertThat(seed.posting().appealDeadline()).isEqualTo(LocalDate.of(2024, 6, 14));
        assertThat(seed.posting().downOn()).isEqualTo(LocalDate.of(2024, 6, 15));
    }

    // 13 kap. 5 §, 8 § and 14 §: appealable, appealed, legal force, annulled
    @Test
    void legalForceFollowsTheAppealAndItsFinalJudgment() {
        LocalDate deadline = LocalDate.of(2024, 6, 14);
        assertThat(LegalForce.of(null, List.of(), deadline)).isEqualTo(LegalForce.State.EJ_ANSLAGEN);
        assertThat(LegalForce.of(deadline, List.of(), deadline)).isEqualTo(LegalForce.State.OVERKLAGBAR);
        assertThat(LegalForce.of(deadline, List.of(), deadline.plusDays(1))).isEqualTo(LegalForce.State.LAGA_KRAFT);
        Appeal a = Appeal.register("1", LocalDate.of(2024, 6, 10), "Förvaltningsrätten i Umeå", "1234-24", LocalDate.of(2024, 5, 24));
        assertThat(LegalForce.of(deadline, List.of(a), LocalDate.of(2025, 1, 1))).isEqualTo(LegalForce.State.OVERKLAGAD);
        Appeal rejectedNotFinal = a.judged(new Appeal.Judgment("Förvaltningsrätten i Umeå", LocalDate.of(2024, 9, 1), Appeal.Outcome.AVSLAG, false));
        assertThat(LegalForce.of(deadline, List.of(rejectedNotFinal), LocalDate.of(2025, 1, 1))).isEqualTo(LegalForce.State.OVERKLAGAD);
        Appeal rejected = rejectedNotFinal.judged(new Appeal.Judgment("Kammarrätten i Sundsvall", LocalDate.of(2024, 12, 1), Appeal.Outcome.AVSLAG, true));
        assertThat(LegalForce.of(deadline, List.of(rejected), LocalDate.of(2025, 1, 1))).isEqualTo(LegalForce.State.LAGA_KRAFT);
        assertThat(LegalForce.since(deadline, List.of(rejected), LocalDate.of(2025, 1, 1))).isEqualTo(LocalDate.of(2024, 12, 1));
        Appeal annulled = a.judged(new Appeal.Judgment("Förvaltningsrätten i Umeå", LocalDate.of(2024, 9, 1), Appeal.Outcome.UPPHAVT, true));
        assertThat(LegalForce.of(deadline, List.of(annulled), LocalDate.of(2025, 1, 1))).isEqualTo(LegalForce.State.UPPHAVD);
        assertThatThrownBy(() -> rejected.judged(new Appeal.Judgment("HFD", LocalDate.of(2025, 2, 1), Appeal.Outcome.UPPHAVT, true)))
                .hasMessageContaining("settled");
        assertThatThrownBy(() -> Appeal.register("2", LocalDate.of(2024, 5, 1), "FR", null, LocalDate.of(2024, 5, 24)))
                .hasMessageContaining("on or after");
    }

    @Property
    void theWinnerHasMoreVotesOrWonTheTieByTheRule(@ForAll @IntRange(max = 30) int ja, @ForAll @IntRange(max = 30) int nej,
                                                    @ForAll @IntRange(max = 5) int avstar, @ForAll boolean chairVotesJa) {
        if (ja + nej == 0) {
            return;
        }
        List<Vote.Ballot> ballots = new ArrayList<>();
        // the chair is one of the ja voters if voting ja, else one of the nej voters (when there is one)
        String chairName = "Ordf";
        boolean chairPlaced = false;
        for (int i = 0; i < ja; i++) {
            boolean isChair = chairVotesJa && !chairPlaced;
            chairPlaced |= isChair;
            ballots.add(b(isChair ? chairName : "ja" + i, Vote.Choice.JA));
        }
        for (int i = 0; i < nej; i++) {
            boolean isChair = !chairPlaced && !chairVotesJa;
            chairPlaced |= isChair;
            ballots.add(b(isChair ? chairName : "nej" + i, Vote.Choice.NEJ));
        }
        for (int i = 0; i < avstar; i++) {
            ballots.add(b("avst" + i, Vote.Choice.AVSTAR));
        }
        Vote v = new Vote("x", "y", ballots);
        if (ja == nej && !chairPlaced) {
            assertThatThrownBy(() -> VoteResult.of(v, chairName)).isInstanceOf(RuleViolation.class);
            return;
        }
        VoteResult r = VoteResult.of(v, chairName);
        assertThat(r.ja() + r.nej() + r.avstar()).isEqualTo(ballots.size());
        if (ja != nej) {
            assertThat(r.winner()).isEqualTo(ja > nej ? Vote.Choice.JA : Vote.Choice.NEJ);
            assertThat(r.castingVote()).isFalse();
        } else {
            assertThat(r.winner()).isEqualTo(chairVotesJa ? Vote.Choice.JA : Vote.Choice.NEJ);
            assertThat(r.castingVote()).isTrue();
        }
        assertThat(r.sentence(v, "Nämnden")).startsWith("Med " + ja + " ja-röst");
    }

    @Property
    void quorumIsStrictlyMoreThanHalf(@ForAll @IntRange(min = 1, max = 401) int seats, @ForAll @IntRange(max = 401) int serving) {
        assertThat(Quorum.met(seats, serving)).isEqualTo(serving > seats / 2.0);
        assertThat(Quorum.met(seats, Quorum.needed(seats))).isTrue();
        assertThat(Quorum.met(seats, Quorum.needed(seats) - 1)).isFalse();
    }
}
