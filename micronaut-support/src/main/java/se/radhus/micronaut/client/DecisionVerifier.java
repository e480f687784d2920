package se.radhus.micronaut.client;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.RuleViolation;
import se.radhus.proto.ProtoTypes;
import se.radhus.proto.meetings.v1.DecisionKind;
import se.radhus.proto.meetings.v1.GetDecisionRequest;
import se.radhus.proto.meetings.v1.GetDecisionResponse;
import se.radhus.proto.meetings.v1.MeetingsServiceGrpc;

/**
 * Asks meetings-service whether a decision exists (and is adjusted) before a record rests on its word.
 * The call inherits what is left of the caller's deadline, and waits at most 3 s in any case.
 */
@Singleton
public class DecisionVerifier {

    private final MeetingsServiceGrpc.MeetingsServiceBlockingStub meetings;

    @jakarta.inject.Inject
    public DecisionVerifier(MeetingsChannel meetings) {
        this(meetings.channel());
    }

    public DecisionVerifier(ManagedChannel channel) {
        this.meetings = MeetingsServiceGrpc.newBlockingStub(channel);
    }


    /**
     * The one check of a decision that finance and procurement make, whether a record comes over HTTP or
     * gRPC: the § exists (with the case number, if one is named) and, where the record needs it, is
     * adjusted and decides (a förslag till beslut decides nothing yet).
     *
     * @param mustBeAdjusted true when a record rests on the decision (money committed, an award …)
     * @return what meetings-service says of it: the day its protocol was adjusted (justerat), if it was
     * @throws RuleViolation   409 naming what is missing: {@code decision-missing}, {@code decision-unknown},
     *                         {@code decision-is-proposal}, {@code decision-not-adjusted}
     * @throws ProblemException 503 when meetings-service cannot be asked
     */
    public Verified verify(DecisionRef d, boolean mustBeAdjusted) {
        if (d == null) {
            throw new Refused("decision-missing", "This needs the adjusted decision it rests on: name it as decision"
                    + " (bodyId, meetingDate, paragraph, caseNumber).", null, "decision");
        }
        GetDecisionRequest.Builder ref = GetDecisionRequest.newBuilder().setRef(ProtoTypes.decision(d));
        GetDecisionResponse answer;
        try {
            answer = meetings.withDeadlineAfter(3, TimeUnit.SECONDS).getDecision(ref.build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                throw new Refused("decision-unknown", "meetings-service refuses the reference " + d + ": "
                        + e.getStatus().getDescription(), d, "paragraph");
            }
            throw new ProblemException(Problem.of("meetings-unavailable", "Service unavailable", 503,
                    "meetings-service could not confirm the decision " + d + " (" + e.getStatus().getCode() + "); nothing was"
                            + " stored. Try again."));
        }
        if (!answer.getExists()) {
            throw new Refused("decision-unknown", "There is no decision " + d + " in the protocols"
                    + (d.caseNumber() == null ? "" : " (body, meeting date, § and case number must all match)") + ".", d, "paragraph");
        }
        if (mustBeAdjusted && answer.getDecision().getKind() == DecisionKind.DECISION_KIND_PROPOSAL) {
            throw new Refused("decision-is-proposal", d + " is a proposal (förslag till beslut): the body it goes to has"
                    + " not decided yet, so nothing rests on it.", d, "decision");
        }
        if (mustBeAdjusted && !answer.getDecision().getAdjusted()) {
            throw new Refused("decision-not-adjusted", "The decision " + d + " is not adjusted yet; only an adjusted"
                    + " (justerat) decision carries a record.", d, "justering");
        }
        var decision = answer.getDecision();
        return new Verified(d, decision.getAdjusted() && decision.hasAdjustedDate()
                ? ProtoTypes.date(decision.getAdjustedDate(), "adjusted_date") : null);
    }

    /**
     * A decision meetings-service confirmed.
     *
     * @param adjustedOn the day of its justering, or null when it is not adjusted (or meetings did not say)
     */
    public record Verified(DecisionRef decision, java.time.LocalDate adjustedOn) {
    }

    /** A refusal naming the decision and what it lacks ({@code missing}: decision, paragraph, justering). */
    static final class Refused extends RuleViolation {
        private final java.util.Map<String, Object> details;

        Refused(String rule, String message, DecisionRef d, String missing) {
            super(rule, message);
            java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
            if (d != null) {
                facts.put("decision", d.toString());
            }
            facts.put("missing", missing);
            this.details = java.util.Collections.unmodifiableMap(facts);
        }

        @Override
        public java.util.Map<String, Object> details() {
            return details;
        }
    }
}
