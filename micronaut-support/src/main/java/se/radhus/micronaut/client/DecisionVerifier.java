package se.radhus.micronaut.client;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.RuleViolation;
import se.radhus.proto.ProtoTypes;
import se.radhus.proto.meetings.v1.GetDecisionRequest;
import se.radhus.proto.meetings.v1.GetDecisionResponse;
import se.radhus.proto.meetings.v1.MeetingsServiceGrpc;

/**
 * Asks meetings-service whether a decision exists (and is adjusted) before money moves on its word.
 * The call inherits what is left of the caller's deadline, and waits at most 3 s in any case.
 */
@Singleton
public class DecisionVerifier {

    private final ManagedChannel channel;
    private final MeetingsServiceGrpc.MeetingsServiceBlockingStub meetings;

    @jakarta.inject.Inject
    public DecisionVerifier(@Value("${radhus.meetings.grpc}") String target, @Value("${radhus.service}") String service,
                            @Value("${radhus.security.service-token-url}") String tokenUrl,
                            @io.micronaut.core.annotation.Nullable @Value("${radhus.security.service-client-secret:}") String secret) {
        this(ManagedChannelBuilder.forTarget(target).usePlaintext().intercept(se.radhus.common.security.ServiceIdentity.bearer(
                new se.radhus.common.security.ServiceIdentity.Tokens(service + "-service", tokenUrl, secret))).build());
    }

    public DecisionVerifier(ManagedChannel channel) {
        this.channel = channel;
        this.meetings = MeetingsServiceGrpc.newBlockingStub(channel);
    }

    @PreDestroy
    void close() {
        channel.shutdownNow();
    }

    /**
     * @param mustBeAdjusted true when money is committed (only an adjusted decision commits)
     * @throws RuleViolation   the decision is unknown, or not adjusted when it must be
     * @throws ProblemException 503 when meetings-service cannot be asked
     */
    public void verify(DecisionRef d, boolean mustBeAdjusted) {
        if (d == null) {
            throw new RuleViolation("decision-missing", "Money moves by a decision: name it (body, meeting date, §).");
        }
        GetDecisionRequest.Builder ref = GetDecisionRequest.newBuilder().setRef(ProtoTypes.decision(d));
        GetDecisionResponse answer;
        try {
            answer = meetings.withDeadlineAfter(3, TimeUnit.SECONDS).getDecision(ref.build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                throw new RuleViolation("decision-unknown", "meetings-service refuses the reference " + d + ": "
                        + e.getStatus().getDescription());
            }
            throw new ProblemException(Problem.of("meetings-unavailable", "Service unavailable", 503,
                    "meetings-service could not confirm the decision " + d + " (" + e.getStatus().getCode() + "); try again."));
        }
        if (!answer.getExists()) {
            throw new RuleViolation("decision-unknown", "There is no decision " + d + " in the protocols.");
        }
        if (mustBeAdjusted && !answer.getDecision().getAdjusted()) {
            throw new RuleViolation("decision-not-adjusted", "The decision " + d + " is not adjusted yet; money is committed"
                    + " only by an adjusted decision.");
        }
    }
}
