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
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.store.Pages;
import se.radhus.meetings.service.DecisionDocuments;
import se.radhus.meetings.store.DecisionLog;
import se.radhus.meetings.store.MeetingStore;
import se.radhus.proto.ProtoTypes;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MeetingsGrpcService.class);
    private static final long WATCH_POLL_MILLIS = 300;
    private final DecisionLog decisions;
    private final MeetingStore meetings;
    private final ScheduledExecutorService watchers = Executors.newScheduledThreadPool(1,
            Thread.ofPlatform().daemon().name("decision-watch-", 0).factory());

    private final se.radhus.meetings.store.Protections protections;

    public MeetingsGrpcService(DecisionLog decisions, MeetingStore meetings, se.radhus.meetings.store.Protections protections) {
        this.decisions = decisions;
        this.meetings = meetings;
        this.protections = protections;
    }

    @Override
    public void listProtectedPersons(se.radhus.proto.meetings.v1.ListProtectedPersonsRequest request,
                                     StreamObserver<se.radhus.proto.meetings.v1.ListProtectedPersonsResponse> response) {
        var answer = se.radhus.proto.meetings.v1.ListProtectedPersonsResponse.newBuilder();
        protections.relatedPersons().forEach(p -> answer.addPersons(se.radhus.proto.meetings.v1.NamedPerson.newBuilder()
                .setName(p.name()).setParty(p.party() == null ? "" : p.party()).setProtectedIdentity(p.isProtected())));
        response.onNext(answer.build());
        response.onCompleted();
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
            date = ProtoTypes.date(ref.getMeetingDate(), "ref.meeting_date");
        } catch (InvalidInput e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("meeting_date is not a calendar date")
                    .asRuntimeException());
            return;
        }
        GetDecisionResponse.Builder answer = GetDecisionResponse.newBuilder();
        meetings.findByBodyAndDate(ref.getBodyId(), date.toString())
                .flatMap(m -> m.paragraph(ref.getParagraph()).map(p -> DecisionDocuments.of(m, p)))
                .map(MeetingsGrpcService::toProto)
                .filter(d -> !ref.hasCaseNumber() || d.getRef().getCaseNumber().equals(ref.getCaseNumber()))
                .ifPresentOrElse(d -> answer.setExists(true).setDecision(d), () -> answer.setExists(false));
        log.info("decision check {} {} § {}: {}", ref.getBodyId(), date, ref.getParagraph(),
                !answer.getExists() ? "none" : answer.getDecision().getAdjusted() ? "adjusted" : "not adjusted");
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void listDecisions(ListDecisionsRequest request, StreamObserver<ListDecisionsResponse> response) {
        Pages.Page<Document> page;
        try {
            page = decisions.page(request.getBodyId(), request.getPageSize(), request.getPageToken());
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("page_token is not one this list handed out")
                    .asRuntimeException());
            return;
        }
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
                List<Document> next = decisions.after(cursor[0], 100);
                for (Document d : next) {
                    long seq = ((Number) d.get("_id")).longValue();
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

    static Decision toProto(Document d) {
        DecisionRef.Builder ref = DecisionRef.newBuilder()
                .setBodyId(d.getString("bodyId"))
                .setMeetingDate(ProtoTypes.date(LocalDate.parse(d.getString("meetingDate"))))
                .setParagraph(d.getInteger("paragraph"));
        if (d.getString("caseRegistry") != null) {
            ref.setCaseNumber(ProtoTypes.diarienummer(new se.radhus.common.diarium.Diarienummer(d.getString("caseRegistry"),
                    d.getInteger("caseYear"), d.getInteger("caseSeq"))));
        }
        Decision.Builder b = Decision.newBuilder()
                .setRef(ref)
                .setTitle(d.getString("title"))
                .setKind("proposal".equals(d.getString("kind")) ? DecisionKind.DECISION_KIND_PROPOSAL
                        : DecisionKind.DECISION_KIND_DECISION)
                .addAllClauses(d.getList("clauses", String.class, List.of()))
                .setAdjusted(d.getBoolean("adjusted", false))
                .setMeetingId(d.getString("meetingId"));
        String adjustedOn = d.getString("adjustedDate");
        if (adjustedOn != null) {
            b.setAdjustedDate(ProtoTypes.date(LocalDate.parse(adjustedOn)));
        }
        return b.build();
    }
}
