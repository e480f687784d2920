package se.radhus.meetings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import se.radhus.common.domain.RuleViolation;
import se.radhus.meetings.domain.Vote.Ballot;
import se.radhus.meetings.domain.Vote.Choice;

class VoteRulesTest {

    static final List<Attendee> PEOPLE = MeetingTest.attendance();
    static final List<String> VOTERS = List.of("Anna Ordförande", "Bo Ledamot", "Cia Ledamot", "Dan Ersättare");

    static Vote vote(Choice... choices) {
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < choices.length; i++) {
            ballots.add(new Ballot(VOTERS.get(i), choices[i]));
        }
        return new Vote("bifall", "avslag", ballots);
    }

    @Test
    void chairMembersAndServingSubstitutesVoteOthersDoNot() {
        assertThat(VoteRules.eligibleVoters(PEOPLE, 181, List.of())).containsExactlyInAnyOrderElementsOf(VOTERS);
        assertThat(VoteRules.eligibleVoters(PEOPLE, 181, List.of("Cia Ledamot"))).doesNotContain("Cia Ledamot");
    }

    @Test
    void aCompleteVoteIsAccepted() {
        VoteRules.check(vote(Choice.JA, Choice.NEJ, Choice.JA, Choice.AVSTAR), PEOPLE, 181, List.of());
        assertThat(VoteRules.outcome(vote(Choice.JA, Choice.NEJ, Choice.JA, Choice.AVSTAR), "Anna Ordförande"))
                .isEqualTo(Choice.JA);
    }

    @Test
    void missingExtraDoubleAndRecusedBallotsAreRefused() {
        assertThatThrownBy(() -> VoteRules.check(vote(Choice.JA, Choice.NEJ, Choice.JA), PEOPLE, 181, List.of()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("vote-totals");
                    assertThat(e.getMessage()).contains("Dan Ersättare");
                });
        List<Ballot> withSubstitute = new ArrayList<>(vote(Choice.JA, Choice.JA, Choice.JA, Choice.JA).ballots());
        withSubstitute.add(new Ballot("Fia Ersättare", Choice.NEJ));
        assertThatThrownBy(() -> VoteRules.check(new Vote("a", "b", withSubstitute), PEOPLE, 181, List.of()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("vote-not-serving"));
        List<Ballot> twice = new ArrayList<>(vote(Choice.JA, Choice.JA, Choice.JA, Choice.JA).ballots());
        twice.add(new Ballot("Bo Ledamot", Choice.NEJ));
        assertThatThrownBy(() -> VoteRules.check(new Vote("a", "b", twice), PEOPLE, 181, List.of()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("vote-twice"));
        assertThatThrownBy(() -> VoteRules.check(vote(Choice.JA, Choice.NEJ, Choice.JA, Choice.AVSTAR), PEOPLE, 181,
                List.of("Cia Ledamot"))).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("vote-jav"));
    }

    @Test
    void anOfficialNeverVotes() {
        List<Ballot> ballots = new ArrayList<>(vote(Choice.JA, Choice.JA, Choice.JA, Choice.JA).ballots());
        ballots.add(new Ballot("Urban Helmersson", Choice.JA));
        assertThatThrownBy(() -> VoteRules.check(new Vote("a", "b", ballots), PEOPLE, 179, List.of()))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aTieIsDecidedByTheChairsVote() {
        assertThat(VoteRules.outcome(vote(Choice.NEJ, Choice.JA, Choice.JA, Choice.NEJ), "Anna Ordförande")).isEqualTo(Choice.NEJ);
        assertThat(VoteRules.outcome(vote(Choice.JA, Choice.NEJ, Choice.AVSTAR, Choice.AVSTAR), "Anna Ordförande")).isEqualTo(Choice.JA);
        assertThatThrownBy(() -> VoteRules.outcome(vote(Choice.AVSTAR, Choice.JA, Choice.NEJ, Choice.AVSTAR), "Anna Ordförande"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("vote-tie"));
    }

    @Provide
    Arbitrary<List<Choice>> fullVotes() {
        return Arbitraries.of(Choice.class).list().ofSize(VOTERS.size());
    }

    @Property
    void anyFullVoteIsValidAndItsCountsAddUp(@ForAll("fullVotes") List<Choice> choices) {
        Vote v = vote(choices.toArray(Choice[]::new));
        VoteRules.check(v, PEOPLE, 181, List.of());
        assertThat(v.count(Choice.JA) + v.count(Choice.NEJ) + v.count(Choice.AVSTAR)).isEqualTo(VOTERS.size());
        long ja = v.count(Choice.JA);
        long nej = v.count(Choice.NEJ);
        if (ja != nej) {
            assertThat(VoteRules.outcome(v, "Anna Ordförande")).isEqualTo(ja > nej ? Choice.JA : Choice.NEJ);
        }
    }

    @Property
    void droppingAnyBallotBreaksTheTotals(@ForAll("fullVotes") List<Choice> choices, @ForAll("index") int dropped) {
        List<Ballot> ballots = new ArrayList<>(vote(choices.toArray(Choice[]::new)).ballots());
        ballots.remove(dropped);
        assertThatThrownBy(() -> VoteRules.check(new Vote("a", "b", ballots), PEOPLE, 181, List.of()))
                .isInstanceOf(RuleViolation.class);
    }

    @Provide
    Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, VOTERS.size() - 1);
    }
}
