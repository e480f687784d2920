package se.radhus.finance.api;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import se.radhus.proto.meetings.v1.Decision;
import se.radhus.proto.meetings.v1.GetDecisionRequest;
import se.radhus.proto.meetings.v1.GetDecisionResponse;
import se.radhus.proto.meetings.v1.MeetingsServiceGrpc;

/**
 * A meetings-service peer on an in-process channel for finance's tests: it knows the decisions the test
 * gives it (by body and §, adjusted or not) and can be taken down.
 */
final class MeetingsPeer extends MeetingsServiceGrpc.MeetingsServiceImplBase implements AutoCloseable {

    final Map<String, Boolean> adjusted = new ConcurrentHashMap<>();
    volatile boolean down;
    private final Server server;
    final ManagedChannel channel;

    MeetingsPeer() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(this).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    MeetingsPeer decision(String bodyId, int paragraph, boolean isAdjusted) {
        adjusted.put(bodyId + "/" + paragraph, isAdjusted);
        return this;
    }

    @Override
    public void getDecision(GetDecisionRequest request, StreamObserver<GetDecisionResponse> response) {
        if (down) {
            response.onError(Status.UNAVAILABLE.withDescription("meetings is down").asRuntimeException());
            return;
        }
        Boolean a = adjusted.get(request.getRef().getBodyId() + "/" + request.getRef().getParagraph());
        response.onNext(a == null ? GetDecisionResponse.newBuilder().setExists(false).build()
                : GetDecisionResponse.newBuilder().setExists(true)
                .setDecision(Decision.newBuilder().setRef(request.getRef()).setAdjusted(a)).build());
        response.onCompleted();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }
}
