package se.radhus.testsupport;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import se.radhus.proto.meetings.v1.Decision;
import se.radhus.proto.meetings.v1.GetDecisionRequest;
import se.radhus.proto.meetings.v1.GetDecisionResponse;
import se.radhus.proto.meetings.v1.ListProtectedPersonsRequest;
import se.radhus.proto.meetings.v1.ListProtectedPersonsResponse;
import se.radhus.proto.meetings.v1.MeetingsServiceGrpc;
import se.radhus.proto.meetings.v1.NamedPerson;

/**
 * A meetings-service peer for finance's and procurement's tests, on an in-process channel and on a
 * loopback port (for the service under test, {@link #target()}): it knows the decisions the test gives it
 * (by body and §, adjusted or not, decisions or proposals) and the persons with a protected identity,
 * counts the questions it is asked, and can be taken down.
 */
public final class MeetingsPeer extends MeetingsServiceGrpc.MeetingsServiceImplBase implements AutoCloseable {

    public final Map<String, Boolean> adjusted = new ConcurrentHashMap<>();
    /** The day of a decision's justering; an adjusted decision not named here was adjusted on its meeting day. */
    public final Map<String, java.time.LocalDate> adjustedOn = new ConcurrentHashMap<>();
    public final java.util.Set<String> proposals = ConcurrentHashMap.newKeySet();
    public final List<NamedPerson> persons = new CopyOnWriteArrayList<>();
    public final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    public volatile boolean down;
    private final Server server;
    private final Server port;
    public final ManagedChannel channel;

    public MeetingsPeer() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(this).build().start();
        port = io.grpc.ServerBuilder.forPort(0).addService(this).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    /** Where the service under test finds this peer ({@code radhus.meetings.grpc}). */
    public String target() {
        return "localhost:" + port.getPort();
    }

    public MeetingsPeer decision(String bodyId, int paragraph, boolean isAdjusted) {
        adjusted.put(bodyId + "/" + paragraph, isAdjusted);
        return this;
    }

    /** An adjusted § whose protocol was adjusted on {@code day}. */
    public MeetingsPeer decision(String bodyId, int paragraph, java.time.LocalDate day) {
        adjustedOn.put(bodyId + "/" + paragraph, day);
        return decision(bodyId, paragraph, true);
    }

    /** An adjusted § that only proposes (förslag till beslut). */
    public MeetingsPeer proposal(String bodyId, int paragraph) {
        proposals.add(bodyId + "/" + paragraph);
        return decision(bodyId, paragraph, true);
    }

    /** A person with a protected identity, as meetings-service knows them. */
    public MeetingsPeer protectedPerson(String name, String party) {
        persons.add(NamedPerson.newBuilder().setName(name).setParty(party == null ? "" : party).setProtectedIdentity(true).build());
        return this;
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
                .setDecision(decision(request, key, a)).build());
        response.onCompleted();
    }

    private Decision decision(GetDecisionRequest request, String key, boolean isAdjusted) {
        Decision.Builder d = Decision.newBuilder().setRef(request.getRef()).setAdjusted(isAdjusted)
                .setKind(proposals.contains(key) ? se.radhus.proto.meetings.v1.DecisionKind.DECISION_KIND_PROPOSAL
                        : se.radhus.proto.meetings.v1.DecisionKind.DECISION_KIND_DECISION);
        if (isAdjusted) {
            java.time.LocalDate day = adjustedOn.get(key);
            d.setAdjustedDate(day != null ? se.radhus.proto.ProtoTypes.date(day) : request.getRef().getMeetingDate());
        }
        return d.build();
    }

    @Override
    public void listProtectedPersons(ListProtectedPersonsRequest request, StreamObserver<ListProtectedPersonsResponse> response) {
        if (down) {
            response.onError(Status.UNAVAILABLE.withDescription("meetings is down").asRuntimeException());
            return;
        }
        response.onNext(ListProtectedPersonsResponse.newBuilder().addAllPersons(persons).build());
        response.onCompleted();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
        port.shutdownNow();
    }
}
