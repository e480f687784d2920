package se.radhus.procurement.api;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import se.radhus.proto.meetings.v1.Decision;
import se.radhus.proto.meetings.v1.GetDecisionRequest;
import se.radhus.proto.meetings.v1.GetDecisionResponse;
import se.radhus.proto.meetings.v1.MeetingsServiceGrpc;

/** A meetings-service peer on a loopback port: it knows the decisions the test gives it (decisions or proposals), counts the questions, or is down. */
final class MeetingsPeer extends MeetingsServiceGrpc.MeetingsServiceImplBase implements AutoCloseable {

    final Map<String, Boolean> adjusted = new ConcurrentHashMap<>();
    final java.util.Set<String> proposals = ConcurrentHashMap.newKeySet();
    final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    volatile boolean down;
    private final Server server;

    MeetingsPeer() throws IOException {
        server = ServerBuilder.forPort(0).addService(this).build().start();
    }

    String target() {
        return "localhost:" + server.getPort();
    }

    MeetingsPeer decision(String bodyId, int paragraph, boolean isAdjusted) {
        adjusted.put(bodyId + "/" + paragraph, isAdjusted);
        return this;
    }

    /** An adjusted § that only proposes (förslag till beslut). */
    MeetingsPeer proposal(String bodyId, int paragraph) {
        proposals.add(bodyId + "/" + paragraph);
        return decision(bodyId, paragraph, true);
    }

    @Override
    public void getDecision(GetDecisionRequest request, StreamObserver<GetDecisionResponse> response) {
        if (down) {
            response.onError(Status.UNAVAILABLE.withDescription("meetings is down").asRuntimeException());
            return;
        }
        asked.incrementAndGet();
        String key = request.getRef().getBodyId() + "/" + request.getRef().getParagraph();
        Boolean a = adjusted.get(key);
        response.onNext(a == null ? GetDecisionResponse.newBuilder().setExists(false).build()
                : GetDecisionResponse.newBuilder().setExists(true)
                .setDecision(Decision.newBuilder().setRef(request.getRef()).setAdjusted(a)
                        .setKind(proposals.contains(key) ? se.radhus.proto.meetings.v1.DecisionKind.DECISION_KIND_PROPOSAL
                                : se.radhus.proto.meetings.v1.DecisionKind.DECISION_KIND_DECISION)).build());
        response.onCompleted();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
