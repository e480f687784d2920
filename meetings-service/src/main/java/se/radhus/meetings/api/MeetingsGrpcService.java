package se.radhus.meetings.api;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.grpc.server.service.GrpcService;
import se.radhus.meetings.store.DecisionStore;
import se.radhus.proto.common.v1.Date;
import se.radhus.proto.common.v1.DecisionRef;
import se.radhus.proto.common.v1.Diarienummer;
import se.radhus.proto.meetings.v1.Decision;
import se.radhus.proto.meetings.v1.DecisionKind;
import se.radhus.proto.meetings.v1.GetDecisionRequest;
import se.radhus.proto.meetings.v1.GetDecisionResponse;
import se.radhus.proto.meetings.v1.ListDecisionsRequest;
import se.radhus.proto.meetings.v1.ListDecisionsResponse;
import se.radhus.proto.meetings.v1.MeetingsServiceGrpc;
import se.radhus.proto.meetings.v1.WatchDecisionsRequest;
import se.radhus.proto.meetings.v1.WatchDecisionsResponse;

/** The meetings contract: other services verify decision references and follow adjusted decisions. */
@GrpcService
public class MeetingsGrpcService extends MeetingsServiceGrpc.MeetingsServiceImplBase {

    private static final long WATCH_POLL_MILLIS = 300;
    private final DecisionStore decisions;
    private final ScheduledExecutorService watchers = Executors.newScheduledThreadPool(1,
            Thread.ofPlatform().daemon().name("decision-watch-", 0).factory());

    public MeetingsGrpcService(DecisionStore decisions) {
        this.decisions = decisions;
    }

    @Override
    public void getDecision(GetDecisionRequest request, StreamObserver<GetDecisionResponse> response) {
        DecisionRef ref = request.getRef();
        if (ref.getBodyId().isEmpty() || !ref.hasMeetingDate() || ref.getParagraph() <= 0) {
            response.onError(Status.INVALID_ARGUMENT
                    .withDescription("ref needs body_id, meeting_date and a paragraph above 0").asRuntimeException());
            return;
        }
        LocalDate date;
        try {
            date = toLocalDate(ref.getMeetingDate());
        } catch (java.time.DateTimeException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("meeting_date is not a calendar date")
                    .asRuntimeException());
            return;
        }
        GetDecisionResponse.Builder answer = GetDecisionResponse.newBuilder();
        decisions.find(ref.getBodyId(), date, ref.getParagraph())
                .map(MeetingsGrpcService::toProto)
                .filter(d -> !ref.hasCaseNumber() || d.getRef().getCaseNumber().equals(ref.getCaseNumber()))
                .ifPresentOrElse(d -> answer.setExists(true).setDecision(d), () -> answer.setExists(false));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void listDecisions(ListDecisionsRequest request, StreamObserver<ListDecisionsResponse> response) {
        var page = decisions.list(request.getBodyId(), request.getPageSize(), request.getPageToken());
        response.onNext(ListDecisionsResponse.newBuilder()
                .addAllDecisions(page.items().stream().map(MeetingsGrpcService::toProto).toList())
                .setNextPageToken(page.nextPageToken())
                .build());
        response.onCompleted();
    }

    /**
     * Sends every adjusted decision after the cursor, then keeps polling for new ones until the caller
     * cancels. The cursor is the decision's adjustment sequence number, so a resumed stream neither
     * misses nor repeats a decision.
     */
    @Override
    public void watchDecisions(WatchDecisionsRequest request, StreamObserver<WatchDecisionsResponse> response) {
        long start;
        try {
            start = request.getCursor().isEmpty() ? 0 : Long.parseLong(request.getCursor());
        } catch (NumberFormatException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("cursor is not one this stream handed out")
                    .asRuntimeException());
            return;
        }
        ServerCallStreamObserver<WatchDecisionsResponse> call = (ServerCallStreamObserver<WatchDecisionsResponse>) response;
        long[] cursor = {start};
        var task = watchers.scheduleWithFixedDelay(() -> {
            if (call.isCancelled()) {
                return;
            }
            try {
                List<Document> next = decisions.adjustedAfter(cursor[0], 100);
                for (Document d : next) {
                    long seq = d.getLong("adjustedSeq");
                    call.onNext(WatchDecisionsResponse.newBuilder().setDecision(toProto(d))
                            .setCursor(Long.toString(seq)).build());
                    cursor[0] = seq;
                }
            } catch (RuntimeException e) {
                call.onError(Status.UNAVAILABLE.withDescription("the decision store is not reachable; resume later")
                        .asRuntimeException());
                throw e; // stops this schedule
            }
        }, 0, WATCH_POLL_MILLIS, TimeUnit.MILLISECONDS);
        call.setOnCancelHandler(() -> task.cancel(false));
    }

    static LocalDate toLocalDate(Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    static Date toProtoDate(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
    }

    static Decision toProto(Document d) {
        Decision.Builder b = Decision.newBuilder()
                .setRef(DecisionRef.newBuilder()
                        .setBodyId(d.getString("bodyId"))
                        .setMeetingDate(toProtoDate(LocalDate.parse(d.getString("meetingDate"))))
                        .setParagraph(d.getInteger("paragraph"))
                        .setCaseNumber(Diarienummer.newBuilder()
                                .setRegistry(d.getString("caseRegistry"))
                                .setYear(d.getInteger("caseYear"))
                                .setSequence(d.getInteger("caseSeq"))))
                .setTitle(d.getString("title"))
                .setKind("proposal".equals(d.getString("kind")) ? DecisionKind.DECISION_KIND_PROPOSAL
                        : DecisionKind.DECISION_KIND_DECISION)
                .addAllClauses(d.getList("clauses", String.class, List.of()))
                .setAdjusted(d.getBoolean("adjusted", false))
                .setMeetingId(d.getString("meetingId"));
        String adjustedOn = d.getString("adjustedDate");
        if (adjustedOn != null) {
            b.setAdjustedDate(toProtoDate(LocalDate.parse(adjustedOn)));
        }
        return b.build();
    }
}
