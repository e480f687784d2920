package se.radhus.meetings.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.radhus.common.store.Lease;
import se.radhus.common.store.MongoConnection;
import se.radhus.common.store.MongoSettings;
import se.radhus.meetings.client.EffectCalls;
import se.radhus.meetings.domain.Effect;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.MeetingState;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.store.MeetingStore;

/**
 * The effect dispatcher runs once per cluster: two dispatchers (two replicas) on one store, under the lease
 * {@code effects}, against the embedded store. The holder dispatches, the other does not; when the holder
 * stops renewing (it died) or gives the lease up (a graceful shutdown) the other takes over; and a state
 * is recorded only over the state it was read at.
 */
class EffectDispatcherLeaseTest {

    static final LocalDate DAY = LocalDate.of(2024, 5, 21);
    static final Duration TTL = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    MongoConnection connection;
    MeetingStore store;
    final MovableClock clock = new MovableClock();
    final List<String> carriedOut = new CopyOnWriteArrayList<>();

    /** A dispatcher called {@code name} whose calls to finance and procurement only record that they were made. */
    EffectDispatcher replica(String name) {
        EffectCalls calls = new EffectCalls(null) {
            @Override
            public void carryOut(Meeting m, Paragraph p, Effect e, String effectId, String draftReservation) {
                carriedOut.add(name + ":" + effectId);
            }
        };
        return new EffectDispatcher(store, calls, lease(name), new EffectTraces(io.opentelemetry.api.OpenTelemetry.noop()));
    }

    Lease lease(String holder) {
        return new Lease(connection.database(), "effects", holder, TTL, clock);
    }

    @BeforeEach
    void open() {
        connection = MongoConnection.open(new MongoSettings("", "radhus-meetings", dataDir, 0));
        store = new MeetingStore(connection.database());
    }

    @AfterEach
    void close() {
        connection.close();
    }

    /** An adjusted meeting with one grant, recorded pending in its outbox as a justering does. */
    Meeting adjustedWithAGrant(String body) {
        Effect grant = new Effect(Effect.Kind.GRANT, "ks-tillvaxt", "Näringslivsdagar", List.of(new Effect.Recipient("Företagarna",
                List.of(new Effect.YearOre(2024, 10_000_000L)))), null, false, null, null, null, null, null);
        Paragraph p = new Paragraph(181, null, "Bidrag till näringslivsdagar", List.of(), null, List.of(), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(), DAY, null, List.of(grant));
        Meeting m = new Meeting(Meeting.idFor(body, DAY), body, DAY, null, null, null, MeetingState.ADJUSTED, List.of(), List.of(),
                List.of(p), new Meeting.Justering(DAY, List.of("A B")), null);
        assertThat(store.insert(m)).isTrue();
        assertThat(store.replace(m, 1, false, MeetingService.outbox(m, m.paragraphs()))).isPresent();
        return m;
    }

    Document state(Meeting m) {
        return store.effectFields(m.id()).get("effectStates", Document.class).get(Effect.id(m.id(), 181, 0), Document.class);
    }

    @Test
    void ofTwoReplicasOnlyTheLeaseHolderCarriesAnEffectOut() {
        EffectDispatcher a = replica("a");
        EffectDispatcher b = replica("b");
        a.dispatchPending(); // a's first round takes the lease
        Meeting m = adjustedWithAGrant("ks-nau");
        for (int round = 0; round < 5; round++) {
            b.dispatchPending();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(carriedOut).as("b does not hold the lease: it carries nothing out").isEmpty();
        assertThat(state(m).getString("state")).isEqualTo("PENDING");

        a.dispatchPending();
        b.dispatchPending();
        assertThat(carriedOut).containsExactly("a:ks-nau-2024-05-21-181-1");
        assertThat(state(m).getString("state")).isEqualTo("DONE");
        assertThat(store.withPendingEffects(10)).isEmpty();
        clock.advance(TTL.minusSeconds(1));
        a.dispatchPending();
        clock.advance(TTL.minusSeconds(1));
        assertThat(lease("b").holds()).as("a renews the lease at each round, so b never gets it").isFalse();
    }

    @Test
    void whenTheHolderStopsRenewingTheOtherTakesOverAfterTheLeaseRunsOut() {
        EffectDispatcher a = replica("a");
        EffectDispatcher b = replica("b");
        a.dispatchPending(); // a takes the lease, then dies: it never runs again
        Meeting m = adjustedWithAGrant("ks-nau");

        clock.advance(TTL.minusSeconds(1));
        b.dispatchPending();
        assertThat(carriedOut).as("a's lease has not run out yet").isEmpty();
        assertThat(state(m).getString("state")).isEqualTo("PENDING");

        clock.advance(Duration.ofSeconds(2));
        b.dispatchPending();
        assertCarriedOutOnceBy("b", m);
    }

    @Test
    void aHolderThatShutsDownGivesTheLeaseUpAtOnce() {
        EffectDispatcher a = replica("a");
        EffectDispatcher b = replica("b");
        a.dispatchPending();
        a.stop();
        Meeting m = adjustedWithAGrant("ks-nau");
        b.dispatchPending();
        assertCarriedOutOnceBy("b", m);
    }

    void assertCarriedOutOnceBy(String replica, Meeting m) {
        assertThat(carriedOut).containsExactly(replica + ":" + Effect.id(m.id(), 181, 0));
        assertThat(state(m).getString("state")).isEqualTo("DONE");
    }

    @Test
    void aStateIsRecordedOnlyOverTheStateItWasReadAt() {
        Meeting m = adjustedWithAGrant("ks-nau");
        String id = Effect.id(m.id(), 181, 0);
        Document read = state(m);
        assertThat(read.getString("state")).isEqualTo("PENDING");

        // another dispatcher (its lease ran out while it worked) records first ...
        Document theirs = new Document("state", "FAILED").append("attempts", 1).append("reason", "PROCUREMENT_NOT_FOUND");
        assertThat(store.setEffectState(m.id(), id, read, theirs)).isTrue();
        // ... so a write on the same read is refused and theirs stands
        assertThat(store.setEffectState(m.id(), id, read, new Document("state", "DONE").append("attempts", 1))).isFalse();
        assertThat(state(m).getString("state")).isEqualTo("FAILED");
        assertThat(state(m).getString("reason")).isEqualTo("PROCUREMENT_NOT_FOUND");
    }

    @Test
    void aDispatcherThatLostTheRaceWhileItWorkedKeepsTheOthersState() {
        Meeting m = adjustedWithAGrant("ks-nau");
        String id = Effect.id(m.id(), 181, 0);
        Document read = state(m);
        // while a's call is under way, b (which took over) carries it out and records DONE after 1 attempt
        EffectCalls slow = new EffectCalls(null) {
            @Override
            public void carryOut(Meeting meeting, Paragraph p, Effect e, String effectId, String draftReservation) {
                carriedOut.add("a:" + effectId);
                store.setEffectState(m.id(), id, read, new Document("state", "DONE").append("attempts", 1).append("doneAt", "by b"));
            }
        };
        new EffectDispatcher(store, slow, lease("a"), new EffectTraces(io.opentelemetry.api.OpenTelemetry.noop())).dispatchPending();
        assertThat(carriedOut).containsExactly("a:" + id);
        assertThat(state(m).getString("doneAt")).as("b's record stands").isEqualTo("by b");
    }

    @Test
    void aJusteringAfterTheDispatcherReadKeepsTheMeetingMarked() {
        Meeting m = adjustedWithAGrant("ks-nau");
        long read = store.find(m.id()).orElseThrow().version();
        // a justering writes the meeting again (new version) with new effects pending, after the dispatcher read it
        assertThat(store.replace(m, read, false, MeetingService.outbox(m, m.paragraphs()))).isPresent();
        store.effectsSettled(m.id(), read);
        assertThat(store.withPendingEffects(10)).extracting(v -> v.meeting().id()).containsExactly(m.id());
        store.effectsSettled(m.id(), read + 1);
        assertThat(store.withPendingEffects(10)).isEmpty();
    }

    @Test
    void anEffectIsCarriedOutInTheTraceOfItsJusteringAndOneWithABadTraceStillIs() {
        var sdk = io.opentelemetry.sdk.OpenTelemetrySdk.builder()
                .setTracerProvider(io.opentelemetry.sdk.trace.SdkTracerProvider.builder().build()).build();
        List<String> tracesSeen = new CopyOnWriteArrayList<>();
        EffectCalls calls = new EffectCalls(null) {
            @Override
            public void carryOut(Meeting m, Paragraph p, Effect e, String effectId, String draftReservation) {
                tracesSeen.add(m.bodyId() + ":" + io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId());
            }
        };
        EffectDispatcher dispatcher = new EffectDispatcher(store, calls, lease("a"), new EffectTraces(sdk));
        // the justering runs in a trace: the outbox keeps it with the effect
        var justering = sdk.getTracer("test").spanBuilder("POST /api/meetings/{id}/justering").startSpan();
        Meeting traced;
        try (var ignored = justering.makeCurrent()) {
            traced = adjustedWithAGrant("ks-nau");
        } finally {
            justering.end();
        }
        assertThat(state(traced).getString("traceparent")).contains(justering.getSpanContext().getTraceId());
        // one stored with a traceparent that does not parse, and one stored before traces were kept
        Meeting bad = adjustedWithAGrant("ks-au");
        store.setEffectState(bad.id(), Effect.id(bad.id(), 181, 0), state(bad),
                new Document("state", "PENDING").append("attempts", 0).append("traceparent", "00-not-a-trace-01"));
        Meeting old = adjustedWithAGrant("ks-bun");
        assertThat(state(old)).doesNotContainKey("traceparent");

        dispatcher.dispatchPending();
        assertThat(tracesSeen).contains("ks-nau:" + justering.getSpanContext().getTraceId());
        assertThat(tracesSeen).hasSize(3).allSatisfy(t -> assertThat(t).doesNotEndWith(":00000000000000000000000000000000"));
        assertThat(tracesSeen).filteredOn(t -> !t.startsWith("ks-nau:"))
                .noneMatch(t -> t.endsWith(justering.getSpanContext().getTraceId()));
        for (Meeting m : List.of(traced, bad, old)) {
            assertThat(state(m).getString("state")).as(m.id()).isEqualTo("DONE");
        }
        sdk.close();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2024-05-23T08:00:00Z").toEpochMilli());

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
