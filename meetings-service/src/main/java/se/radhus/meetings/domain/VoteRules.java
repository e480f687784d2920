package se.radhus.meetings.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import se.radhus.common.domain.RuleViolation;

/**
 * What makes a recorded vote valid (kommunallagen 5 kap.): every member present and serving for the
 * paragraph casts exactly one ballot (ja, nej or avstår), nobody else does, and a member who declared jäv
 * (a conflict of interest) takes no part.
 */
public final class VoteRules {

    private VoteRules() {
    }

    /**
     * The names of those who may vote on a paragraph: those serving at it (members present without jäv,
     * and substitutes serving in place of a member who is not), see {@link ParagraphPresence}.
     */
    public static Set<String> eligibleVoters(List<Attendee> attendance, int paragraph, List<String> recusals) {
        return new java.util.TreeSet<>(ParagraphPresence.of(attendance, paragraph, recusals).serving());
    }

    /** @throws RuleViolation naming what is wrong with the vote */
    public static void check(Vote vote, List<Attendee> attendance, int paragraph, List<String> recusals) {
        Set<String> eligible = eligibleVoters(attendance, paragraph, recusals);
        Set<String> voted = new HashSet<>();
        for (Vote.Ballot b : vote.ballots()) {
            if (b.choice() == null) {
                throw new RuleViolation("vote-ballot", b.member() + " has no choice: ja, nej or avstår");
            }
            if (!voted.add(b.member())) {
                throw new RuleViolation("vote-twice", b.member() + " voted twice in § " + paragraph);
            }
            if (recusals.contains(b.member())) {
                throw new RuleViolation("vote-jav", b.member() + " declared jäv in § " + paragraph + " and may not vote");
            }
            if (!eligible.contains(b.member())) {
                throw new RuleViolation("vote-not-serving", b.member() + " is not a member present and serving at § " + paragraph);
            }
        }
        Set<String> missing = new java.util.TreeSet<>(eligible);
        missing.removeAll(voted);
        if (!missing.isEmpty()) {
            throw new RuleViolation("vote-totals", "the ballots (" + voted.size() + ") do not match the " + eligible.size()
                    + " members present and serving at § " + paragraph + "; missing: " + String.join(", ", missing));
        }
    }

    /**
     * The outcome: the side with more votes; on a tie the chair's casting vote decides (utslagsröst,
     * kommunallagen 5 kap. 57 §), in an election the recorded draw.
     */
    public static Vote.Choice outcome(Vote vote, String chair) {
        return VoteResult.of(vote, chair).winner();
    }
}
