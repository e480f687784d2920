package se.radhus.meetings.domain;

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

    /** @throws RuleViolation naming what is wrong with the vote's ballots (see {@link MeetingLaw#ballots}) */
    public static void check(Vote vote, List<Attendee> attendance, int paragraph, List<String> recusals) {
        List<MeetingLaw.Finding> findings = MeetingLaw.ballots(vote, ParagraphPresence.of(attendance, paragraph, recusals), paragraph);
        if (!findings.isEmpty()) {
            throw findings.get(0).violation();
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
