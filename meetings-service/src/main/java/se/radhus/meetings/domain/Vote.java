package se.radhus.meetings.domain;

import java.util.List;

/**
 * A recorded vote (votering): the proposition put (ja for one thing, nej for the other) and each member's
 * ballot.
 *
 * @param ja      what a ja vote supports
 * @param nej     what a nej vote supports
 * @param ballots one per voting member
 */
public record Vote(String ja, String nej, List<Ballot> ballots) {

    public Vote {
        ballots = ballots == null ? List.of() : List.copyOf(ballots);
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
