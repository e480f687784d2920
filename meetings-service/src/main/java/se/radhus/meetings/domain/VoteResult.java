package se.radhus.meetings.domain;

import se.radhus.common.domain.RuleViolation;

/**
 * The result of a recorded vote (omröstning). The proposition with the most votes of those cast wins
 * (kommunallagen 5 kap. 55 §, for nämnder by 6 kap. 33 §); members who abstain (avstår) cast no vote. On a
 * tie the chair's vote decides (utslagsröst), and in an election the tie is settled by lot, whose draw is
 * recorded (5 kap. 57 §).
 *
 * @param winner        the side that carried it
 * @param castingVote   decided by the chair's casting vote on a tie
 * @param byLot         an election tie settled by the recorded draw
 */
public record VoteResult(long ja, long nej, long avstar, Vote.Choice winner, boolean castingVote, boolean byLot) {

    /** @throws RuleViolation when a tie cannot be settled: no chair's ja or nej, or an election without a draw */
    public static VoteResult of(Vote vote, String chair) {
        long ja = vote.count(Vote.Choice.JA);
        long nej = vote.count(Vote.Choice.NEJ);
        long avstar = vote.count(Vote.Choice.AVSTAR);
        if (ja == 0 && nej == 0) {
            throw new RuleViolation("vote-no-votes", "Nobody cast a ja or nej vote, so the vote decides nothing.");
        }
        if (ja != nej) {
            return new VoteResult(ja, nej, avstar, ja > nej ? Vote.Choice.JA : Vote.Choice.NEJ, false, false);
        }
        if (vote.election()) {
            if (vote.lot() == null || vote.lot() == Vote.Choice.AVSTAR) {
                throw new RuleViolation("vote-tie-lot", "The election is tied " + ja + "–" + nej
                        + "; it is settled by lot (kommunallagen 5 kap. 57 §): record the draw (lot: JA or NEJ).");
            }
            return new VoteResult(ja, nej, avstar, vote.lot(), false, true);
        }
        Vote.Choice chairs = vote.ballots().stream().filter(b -> b.member().equals(chair)).map(Vote.Ballot::choice)
                .filter(c -> c != Vote.Choice.AVSTAR).findFirst()
                .orElseThrow(() -> new RuleViolation("vote-tie", "The vote is tied " + ja + "–" + nej + " and the chair ("
                        + (chair == null ? "none present" : chair) + ") cast no ja or nej vote; on a tie the chair's vote decides"
                        + " (utslagsröst, kommunallagen 5 kap. 57 §), so the chair must vote."));
        return new VoteResult(ja, nej, avstar, chairs, true, false);
    }

    /** The proposition that carried it. */
    public String winningProposition(Vote vote) {
        return winner == Vote.Choice.JA ? vote.ja() : vote.nej();
    }

    /** The result in the protocol's words: "Med 7 ja-röster mot 4 nej-röster, 2 avstår, beslutar … att …". */
    public String sentence(Vote vote, String decidingBody) {
        StringBuilder s = new StringBuilder("Med ").append(ja).append(ja == 1 ? " ja-röst" : " ja-röster").append(" mot ")
                .append(nej).append(nej == 1 ? " nej-röst" : " nej-röster");
        if (avstar > 0) {
            s.append(", ").append(avstar).append(" avstår");
        }
        if (castingVote) {
            s.append(", och ordförandens utslagsröst");
        }
        if (byLot) {
            s.append(", och efter lottning");
        }
        String body = decidingBody == null || decidingBody.isBlank() ? "nämnden" : decidingBody.strip();
        s.append(", beslutar ").append(Character.toLowerCase(body.charAt(0))).append(body.substring(1));
        String winning = winningProposition(vote);
        if (winning != null && !winning.isBlank()) {
            s.append(" enligt ").append(winning);
        }
        return s.append('.').toString();
    }
}
