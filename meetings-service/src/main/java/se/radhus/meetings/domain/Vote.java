package se.radhus.meetings.domain;

import java.util.List;

/**
 * A recorded vote (votering): the proposition put (ja for one thing, nej for the other) and each member's
 * ballot.
 *
 * @param ja       what a ja vote supports
 * @param nej      what a nej vote supports
 * @param ballots  one per voting member
 * @param election an election (val): a tie is settled by lot, not by the chair
 * @param lot      for a tied election, the side the draw gave
 * @param decided  the side the protocol records as carried, if it says; it must agree with the count
 * @param result   the result in the protocol's words, computed when the § is written ("Med 7 ja-röster mot …")
 */
public record Vote(String ja, String nej, List<Ballot> ballots, boolean election, Choice lot, Choice decided, String result) {

    public Vote {
        ballots = ballots == null ? List.of() : List.copyOf(ballots);
    }

    public Vote(String ja, String nej, List<Ballot> ballots) {
        this(ja, nej, ballots, false, null, null, null);
    }

    /** This vote with its result stated, and the side that carried it recorded. */
    public Vote withResult(VoteResult r, String decidingBody) {
        return new Vote(ja, nej, ballots, election, lot, r.winner(), r.sentence(this, decidingBody));
    }

    /** One member's vote. */
    public record Ballot(String member, Choice choice) {
    }

    /** Ja, nej or avstår (abstains). */
    public enum Choice {
        JA, NEJ, AVSTAR
    }

    public long count(Choice choice) {
        return ballots.stream().filter(b -> b.choice() == choice).count();
    }
}
