package se.radhus.meetings.service;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.RuleViolation;
import se.radhus.meetings.client.EffectCalls;
import se.radhus.meetings.domain.Effect;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.store.MeetingStore;

/**
 * A drafted grant reserves its money at once, so two drafts cannot spend the same kronor; when the draft
 * changes the old reservation is released. Reservations are made before the protocol is written (a
 * refusal refuses the draft), recorded in the same write, and released after it.
 */
@Component
public class DraftReservations {

    private static final Logger log = LoggerFactory.getLogger(DraftReservations.class);

    private final EffectCalls calls;
    private final MeetingStore meetings;

    public DraftReservations(EffectCalls calls, MeetingStore meetings) {
        this.calls = calls;
        this.meetings = meetings;
    }

    /** What a paragraph write does to reservations: fields to write with it, and what follows. */
    public record Plan(Document fields, List<Runnable> afterWrites, List<Runnable> undos) {
        public void afterWrite() {
            afterWrites.forEach(Runnable::run);
        }

        public void undo() {
            undos.forEach(Runnable::run);
        }
    }

    static String fingerprint(Effect e) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(e.toString().getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public Plan plan(Meeting m, Paragraph p, Paragraph old) {
        Document current = meetings.effectFields(m.id()).get("draftReservations", Document.class);
        Document fields = new Document();
        List<Runnable> after = new ArrayList<>();
        List<Runnable> undo = new ArrayList<>();
        int count = Math.max(p.effects().size(), old == null ? 0 : old.effects().size());
        for (int i = 0; i < count; i++) {
            String id = Effect.id(m.id(), p.number(), i);
            Document had = current == null ? null : current.get(id, Document.class);
            Effect e = i < p.effects().size() ? p.effects().get(i) : null;
            boolean grant = e != null && e.kind() == Effect.Kind.GRANT;
            String fp = grant ? fingerprint(e) : null;
            if (had != null && fp != null && fp.equals(had.getString("fingerprint"))) {
                continue;
            }
            if (grant) {
                String reservation = reserve(m, p, e, "draft-" + id + "-" + fp);
                fields.append("draftReservations." + id, new Document("reservationId", reservation).append("fingerprint", fp)
                        .append("appropriationId", e.appropriationId()));
                undo.add(() -> release(e.appropriationId(), reservation, m));
            } else if (had != null) {
                fields.append("draftReservations." + id, null);
            }
            if (had != null) {
                after.add(() -> release(had.getString("appropriationId"), had.getString("reservationId"), m));
            }
        }
        return new Plan(fields, after, undo);
    }

    private String reserve(Meeting m, Paragraph p, Effect e, String key) {
        try {
            return calls.reserveDraft(m, p, e, key);
        } catch (StatusRuntimeException ex) {
            Status.Code code = ex.getStatus().getCode();
            if (code == Status.Code.FAILED_PRECONDITION) {
                String reason = se.radhus.proto.GrpcErrors.info(ex).map(i -> i.getReason().toLowerCase().replace('_', '-')).orElse("refused");
                throw new RuleViolation(reason, "finance-service refuses the grant of § " + p.number() + ": " + ex.getStatus().getDescription());
            }
            if (code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT) {
                throw new ProblemException(Problem.badRequest("The grant of § " + p.number() + " is refused by finance-service: "
                        + ex.getStatus().getDescription()));
            }
            throw new ProblemException(Problem.of("finance-unavailable", "Service unavailable", 503,
                    "finance-service could not reserve the grant of § " + p.number() + " (" + code + "); the paragraph was not saved. Try again."));
        }
    }

    private void release(String appropriationId, String reservationId, Meeting m) {
        try {
            calls.releaseDraft(appropriationId, reservationId, m.date());
        } catch (StatusRuntimeException ex) {
            log.warn("could not release draft reservation {} on {}: {}", reservationId, appropriationId, ex.getStatus());
        }
    }
}
