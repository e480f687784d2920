package se.radhus.meetings.service;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.radhus.common.store.Lease;
import se.radhus.meetings.client.EffectCalls;
import se.radhus.meetings.domain.Effect;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.store.MeetingStore;

/**
 * Carries out the effects an adjusted protocol recorded in its own document (the outbox). Each effect
 * is sent with its id as idempotency key, so a retry after a crash, a timeout or a restarted peer never
 * doubles it. Transient failures retry with backoff (1 s doubling to 30 s); a refusal is recorded as
 * FAILED with its reason, for the secretary to see, never dropped.
 *
 * <p>It runs once per cluster: only the replica that holds the lease {@code effects} in the store
 * dispatches (another takes over when the holder stops renewing it), and every state it records is
 * conditional on the state it read, so a holder whose lease ran out while it worked records nothing over
 * its successor.
 */
@Component
public class EffectDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EffectDispatcher.class);
    static final int MAX_TRANSIENT_REFUSALS = 20;

    private final MeetingStore meetings;
    private final EffectCalls calls;
    private final Lease lease;
    private final EffectTraces traces;
    private final ExecutorService now = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("effects-now").factory());

    public EffectDispatcher(MeetingStore meetings, EffectCalls calls, @Qualifier("effectsLease") Lease lease, EffectTraces traces) {
        this.meetings = meetings;
        this.calls = calls;
        this.lease = lease;
        this.traces = traces;
    }

    /** Right after a justering, without holding up its answer (where this replica holds the lease; else the holder's next round). */
    public void dispatchSoon(String meetingId) {
        now.submit(() -> {
            if (leaseHeld()) {
                meetings.find(meetingId).ifPresent(this::dispatch);
            }
        });
    }

    @Scheduled(fixedDelayString = "${radhus.effects-interval:1000}")
    public void dispatchPending() {
        try {
            if (!leaseHeld()) {
                return;
            }
            meetings.withPendingEffects(20).forEach(this::dispatch);
        } catch (RuntimeException e) {
            log.warn("effects could not be read; will retry: {}", e.toString());
        }
    }

    private boolean leaseHeld() {
        try {
            return lease.holds();
        } catch (RuntimeException e) {
            log.warn("the effects lease could not be read; not dispatching: {}", e.toString());
            return false;
        }
    }

    /** Gives the lease up on a graceful shutdown, so another replica takes over at once. */
    @PreDestroy
    void stop() {
        now.shutdown();
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.warn("the effects lease could not be released; it expires by itself: {}", e.toString());
        }
    }

    synchronized void dispatch(MeetingStore.Versioned v) {
        Meeting m = v.meeting();
        Document fields = meetings.effectFields(m.id());
        Document states = fields.get("effectStates", Document.class);
        Document drafts = fields.get("draftReservations", Document.class);
        Document reviews = fields.get("reviewStates", Document.class);
        boolean open = reviews != null && eachDue(m, reviews, (p, e, id, state) -> traces.within(state, "effect review " + e.kind(),
                () -> review(m, p, e, id, state)));
        if (states == null) {
            if (!open) {
                meetings.effectsSettled(m.id(), v.version());
            }
            return;
        }
        open |= eachDue(m, states, (p, e, id, state) -> traces.within(state, "effect " + e.kind(),
                () -> attempt(m, p, e, id, state, drafts)));
        if (!open) {
            meetings.effectsSettled(m.id(), v.version());
        }
    }

    /** One step of an outbox: carries out what is due for one effect; @return true while it stays pending */
    interface Step {
        boolean attempt(Paragraph p, Effect e, String id, Document state);
    }

    /** Runs {@code step} for every effect whose state in {@code states} is PENDING and due; @return whether one stays pending */
    private static boolean eachDue(Meeting m, Document states, Step step) {
        boolean open = false;
        for (Paragraph p : m.paragraphs()) {
            for (int i = 0; i < p.effects().size(); i++) {
                String id = Effect.id(m.id(), p.number(), i);
                Document s = states.get(id, Document.class);
                if (s == null || !"PENDING".equals(s.getString("state"))) {
                    continue;
                }
                Instant next = s.getString("nextAttemptAt") == null ? Instant.EPOCH : Instant.parse(s.getString("nextAttemptAt"));
                if (Instant.now().isBefore(next)) {
                    open = true;
                    continue;
                }
                open |= step.attempt(p, p.effects().get(i), id, s);
            }
        }
        return open;
    }

    /**
     * Tells the service an effect went to that its decision was annulled (it marks its record for review),
     * until it has answered; @return true while still pending
     */
    private boolean review(Meeting m, Paragraph p, Effect e, String id, Document s) {
        int attempts = s.getInteger("attempts", 0) + 1;
        try {
            calls.flagForReview(m, p, e, id, s.getString("reason"));
            recorded(meetings.setReviewState(m.id(), id, s, new Document("state", "DONE").append("reason", s.getString("reason"))
                    .append("attempts", attempts).append("doneAt", Instant.now().toString())), id);
            log.info("effect {} marked for review", id);
            return false;
        } catch (StatusRuntimeException ex) {
            long backoff = Math.min(30_000, 1000L << Math.min(5, attempts - 1));
            recorded(meetings.setReviewState(m.id(), id, s, EffectTraces.carried(s, new Document("state", "PENDING").append("reason", s.getString("reason"))
                    .append("attempts", attempts).append("lastError", ex.getStatus().getCode() + ": " + ex.getStatus().getDescription())
                    .append("nextAttemptAt", Instant.now().plusMillis(backoff).toString()))), id);
            return true;
        }
    }

    /** A state another dispatcher recorded first stands; the meeting stays marked, so the next round reads it again. */
    private static void recorded(boolean written, String effectId) {
        if (!written) {
            log.warn("effect {}: another dispatcher recorded its state first; keeping that", effectId);
        }
    }

    /** @return true while the effect is still pending */
    private boolean attempt(Meeting m, Paragraph p, Effect e, String id, Document s, Document drafts) {
        int attempts = s.getInteger("attempts", 0) + 1;
        String reservation = drafts == null || drafts.get(id, Document.class) == null ? null
                : drafts.get(id, Document.class).getString("reservationId");
        try {
            calls.carryOut(m, p, e, id, reservation);
            recorded(meetings.setEffectState(m.id(), id, s, new Document("state", "DONE").append("attempts", attempts)
                    .append("doneAt", Instant.now().toString())), id);
            log.info("effect {} ({}) carried out", id, e.kind());
            return false;
        } catch (StatusRuntimeException ex) {
            Status.Code code = ex.getStatus().getCode();
            String reason = se.radhus.proto.GrpcErrors.info(ex).map(i -> i.getReason()).orElse(code.name());
            boolean transientFailure = code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                    || code == Status.Code.ABORTED || code == Status.Code.RESOURCE_EXHAUSTED || code == Status.Code.UNKNOWN
                    || code == Status.Code.INTERNAL
                    // a service token not yet had or not yet trusted (an issuer or peer restarting) comes right with time
                    || ((reason.startsWith("DECISION_") || code == Status.Code.UNAUTHENTICATED) && attempts < MAX_TRANSIENT_REFUSALS);
            if (transientFailure) {
                long backoff = Math.min(30_000, 1000L << Math.min(5, attempts - 1));
                recorded(meetings.setEffectState(m.id(), id, s, EffectTraces.carried(s, new Document("state", "PENDING").append("attempts", attempts)
                        .append("lastError", reason + ": " + ex.getStatus().getDescription())
                        .append("nextAttemptAt", Instant.now().plusMillis(backoff).toString()))), id);
                log.info("effect {} ({}) not carried out yet, attempt {}: {}", id, e.kind(), attempts, reason);
                return true;
            }
            recorded(meetings.setEffectState(m.id(), id, s, new Document("state", "FAILED").append("attempts", attempts)
                    .append("reason", reason).append("detail", ex.getStatus().getDescription())), id);
            log.warn("effect {} failed for good: {} {}", id, reason, ex.getStatus().getDescription());
            return false;
        }
    }
}
