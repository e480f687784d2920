package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.radhus.common.store.MongoConnection;
import se.radhus.common.store.MongoSettings;
import se.radhus.meetings.store.DecisionLog;
import se.radhus.meetings.store.MeetingStore;
import se.radhus.proto.common.v1.Date;
import se.radhus.proto.common.v1.DecisionRef;
import se.radhus.proto.meetings.v1.GetDecisionRequest;
import se.radhus.proto.meetings.v1.GetDecisionResponse;
import se.radhus.proto.meetings.v1.ListDecisionsRequest;
import se.radhus.proto.meetings.v1.MeetingsServiceGrpc;
import se.radhus.proto.meetings.v1.WatchDecisionsRequest;
import se.radhus.proto.meetings.v1.WatchDecisionsResponse;

class MeetingsGrpcServiceTest {

    @TempDir
    Path dataDir;

    MongoConnection mongo;
    Server server;
    ManagedChannel channel;
    MeetingsServiceGrpc.MeetingsServiceBlockingStub stub;
    DecisionLog log;
    se.radhus.meetings.store.PersonStore persons;

    @Test
    void peersLearnWhoIsProtectedAndWhoMustNotBeMistakenForThem() {
        persons.insert(new se.radhus.meetings.domain.Person("p-x", "Anna Svensson", "KD", null, true));
        persons.insert(new se.radhus.meetings.domain.Person("erik-svensson", "Erik Svensson", "M", null, false));
        persons.insert(new se.radhus.meetings.domain.Person("bo-ek", "Bo Ek", "S", null, false));
        var answer = stub.withDeadlineAfter(5, TimeUnit.SECONDS)
                .listProtectedPersons(se.radhus.proto.meetings.v1.ListProtectedPersonsRequest.getDefaultInstance());
        org.assertj.core.api.Assertions.assertThat(answer.getPersonsList())
                .extracting(p -> p.getName() + "/" + p.getParty() + "/" + p.getProtectedIdentity())
                .containsExactlyInAnyOrder("Anna Svensson/KD/true", "Erik Svensson/M/false");
    }

    @BeforeEach
    void start() throws Exception {
        mongo = MongoConnection.open(new MongoSettings("", "meetings-test", dataDir, 0));
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(new MeetingsGrpcService(log = new DecisionLog(mongo.database()), new MeetingStore(mongo.database()),
                        new se.radhus.meetings.store.Protections(persons = new se.radhus.meetings.store.PersonStore(mongo.database())))).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        stub = MeetingsServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        mongo.close();
    }

    void adjusted(int paragraph, long seq) {
        long position = log.append("ks-nau/2024-05-21/" + paragraph, new Document("bodyId", "ks-nau").append("meetingDate", "2024-05-21").append("paragraph", paragraph)
                .append("caseRegistry", "KS").append("caseYear", 2024).append("caseSeq", 361)
                .append("title", "§ " + paragraph).append("kind", "decision").append("clauses", List.of("bevilja"))
                .append("adjusted", true).append("adjustedDate", "2024-05-23")
                .append("meetingId", "ks-nau-2024-05-21"));
        org.assertj.core.api.Assertions.assertThat(position).isEqualTo(seq);
    }

    static DecisionRef ref(int paragraph) {
        return DecisionRef.newBuilder().setBodyId("ks-nau")
                .setMeetingDate(Date.newBuilder().setYear(2024).setMonth(5).setDay(21)).setParagraph(paragraph).build();
    }

    @Test
    void anUnknownDecisionDoesNotExist() {
        GetDecisionResponse r = stub.withDeadlineAfter(5, TimeUnit.SECONDS)
                .getDecision(GetDecisionRequest.newBuilder().setRef(ref(181)).build());
        assertThat(r.getExists()).isFalse();
        assertThat(r.hasDecision()).isFalse();
    }

    void storeAdjustedMeeting() {
        MeetingStore meetings = new MeetingStore(mongo.database());
        var planned = se.radhus.meetings.domain.MeetingTest.planned();
        meetings.insert(planned);
        var adjusted = planned.addParagraph(se.radhus.meetings.domain.MeetingTest.paragraph(181))
                .addParagraph(se.radhus.meetings.domain.MeetingTest.paragraph(182))
                .adjust(java.time.LocalDate.of(2024, 5, 23), List.of("Anna Ordförande", "Bo Ledamot"));
        assertThat(meetings.replace(adjusted, 1, true)).isPresent();
    }

    @Test
    void aStoredDecisionIsFoundWithItsReference() {
        storeAdjustedMeeting();
        GetDecisionResponse r = stub.getDecision(GetDecisionRequest.newBuilder().setRef(ref(181)).build());
        assertThat(r.getExists()).isTrue();
        assertThat(r.getDecision().getAdjusted()).isTrue();
        assertThat(r.getDecision().getAdjustedDate().getDay()).isEqualTo(23);
        assertThat(r.getDecision().getRef().getCaseNumber().getSequence()).isEqualTo(361);
        assertThat(r.getDecision().getClausesList()).containsExactly("bevilja");
        assertThat(stub.getDecision(GetDecisionRequest.newBuilder().setRef(ref(183)).build()).getExists()).isFalse();
    }

    @Test
    void aCaseNumberThatDoesNotMatchIsNotTheDecision() {
        storeAdjustedMeeting();
        DecisionRef wrongCase = ref(181).toBuilder().setCaseNumber(
                se.radhus.proto.common.v1.Diarienummer.newBuilder().setRegistry("KS").setYear(2024).setSequence(999)).build();
        assertThat(stub.getDecision(GetDecisionRequest.newBuilder().setRef(wrongCase).build()).getExists()).isFalse();
    }

    @Test
    void publishingADecisionTwiceKeepsItsPosition() {
        adjusted(177, 1);
        adjusted(178, 2);
        assertThat(log.append("ks-nau/2024-05-21/177", new Document("bodyId", "ks-nau"))).isEqualTo(1);
        assertThat(log.after(0, 10)).hasSize(2);
    }

    @Test
    void anIncompleteReferenceIsInvalidArgument() {
        assertThatThrownBy(() -> stub.getDecision(GetDecisionRequest.newBuilder()
                .setRef(DecisionRef.newBuilder().setBodyId("ks-nau")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> stub.getDecision(GetDecisionRequest.newBuilder()
                .setRef(ref(1).toBuilder().setMeetingDate(Date.newBuilder().setYear(2024).setMonth(2).setDay(30))).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void listDecisionsPages() {
        for (int p = 177; p <= 181; p++) {
            adjusted(p, p - 176);
        }
        var first = stub.listDecisions(ListDecisionsRequest.newBuilder().setPageSize(3).build());
        assertThat(first.getDecisionsCount()).isEqualTo(3);
        var rest = stub.listDecisions(ListDecisionsRequest.newBuilder().setPageSize(3)
                .setPageToken(first.getNextPageToken()).build());
        assertThat(rest.getDecisionsCount()).isEqualTo(2);
        assertThat(rest.getNextPageToken()).isEmpty();
    }

    @Test
    void watchResumesAfterItsCursorWithoutMissingOrRepeating() {
        adjusted(177, 1);
        adjusted(178, 2);
        var async = MeetingsServiceGrpc.newBlockingStub(channel);
        List<Integer> seen = new ArrayList<>();
        String cursor;
        var firstCall = io.grpc.Context.current().withCancellation();
        try {
            cursor = firstCall.call(() -> {
                Iterator<WatchDecisionsResponse> it = async.watchDecisions(WatchDecisionsRequest.getDefaultInstance());
                WatchDecisionsResponse a = it.next();
                seen.add(a.getDecision().getRef().getParagraph());
                return a.getCursor();
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            firstCall.cancel(null); // the subscriber disconnects after one decision
        }
        adjusted(179, 3);
        var second = io.grpc.Context.current().withCancellation();
        try {
            second.run(() -> {
                Iterator<WatchDecisionsResponse> it = async.withDeadlineAfter(10, TimeUnit.SECONDS)
                        .watchDecisions(WatchDecisionsRequest.newBuilder().setCursor(cursor).build());
                seen.add(it.next().getDecision().getRef().getParagraph());
                seen.add(it.next().getDecision().getRef().getParagraph());
            });
        } finally {
            second.cancel(null);
        }
        assertThat(seen).containsExactly(177, 178, 179);
    }

    @Test
    void aForeignCursorIsInvalidArgument() {
        assertThatThrownBy(() -> stub.watchDecisions(WatchDecisionsRequest.newBuilder().setCursor("abc").build()).next())
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }
}
