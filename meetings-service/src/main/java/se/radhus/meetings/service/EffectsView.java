package se.radhus.meetings.service;

import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.stereotype.Component;
import se.radhus.meetings.client.PeerClients;
import se.radhus.meetings.domain.Effect;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.store.MeetingStore;
import se.radhus.proto.finance.v1.GetBalanceRequest;
import se.radhus.proto.procurement.v1.GetProcurementRequest;

/**
 * A paragraph's effects as a secretary or a portal sees them: what each does, how it stands (draft,
 * pending, done, failed with its reason), and what the owning service says now — the appropriation's
 * balance, the procurement's state. A service that does not answer is named in {@code missing}; the
 * rest of the answer stands.
 */
@Component
public class EffectsView {

    private final MeetingStore meetings;
    private final PeerClients peers;

    public EffectsView(MeetingStore meetings, PeerClients peers) {
        this.meetings = meetings;
        this.peers = peers;
    }

    /** Effects of the paragraphs given, with {@code missing} naming services that did not answer. */
    public Map<String, Object> of(Meeting m, List<Paragraph> paragraphs) {
        Document fields = meetings.effectFields(m.id());
        Document states = fields.get("effectStates", Document.class);
        Document drafts = fields.get("draftReservations", Document.class);
        List<Map<String, Object>> effects = new ArrayList<>();
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (Paragraph p : paragraphs) {
            for (int i = 0; i < p.effects().size(); i++) {
                Effect e = p.effects().get(i);
                String id = Effect.id(m.id(), p.number(), i);
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("id", id);
                view.put("meetingId", m.id());
                view.put("paragraph", p.number());
                view.put("caseNumber", p.caseNumber() == null ? null : p.caseNumber().toString());
                view.put("effect", e);
                Document s = states == null ? null : states.get(id, Document.class);
                view.put("state", s == null ? (m.isPublic(p) ? "PENDING" : "DRAFT") : s.getString("state"));
                if (s != null) {
                    view.put("attempts", s.getInteger("attempts", 0));
                    for (String k : List.of("lastError", "reason", "detail", "doneAt", "nextAttemptAt")) {
                        if (s.get(k) != null) {
                            view.put(k, s.getString(k));
                        }
                    }
                }
                Document draft = drafts == null ? null : drafts.get(id, Document.class);
                if (draft != null && s == null) {
                    view.put("draftReservation", draft.getString("reservationId"));
                }
                try {
                    if (e.kind() == Effect.Kind.GRANT) {
                        var balance = peers.finance().withDeadlineAfter(2, TimeUnit.SECONDS)
                                .getBalance(GetBalanceRequest.newBuilder().setAppropriationId(e.appropriationId()).build());
                        List<Map<String, Object>> years = new ArrayList<>();
                        balance.getYearsList().forEach(y -> years.add(Map.of("year", y.getYear(),
                                "remaining", Map.of("ore", y.getRemaining().getOre(), "currency", y.getRemaining().getCurrencyCode(),
                                        "display", new se.radhus.common.money.Money(y.getRemaining().getOre(), "SEK").display(),
                                        "tkr", se.radhus.common.money.SwedishFormat.tkr(new se.radhus.common.money.Money(y.getRemaining().getOre(), "SEK"))),
                                "preCommitted", Map.of("ore", y.getPreCommitted().getOre(), "currency", "SEK"))));
                        view.put("appropriationBalance", years);
                    } else {
                        var proc = peers.procurement().withDeadlineAfter(2, TimeUnit.SECONDS)
                                .getProcurement(GetProcurementRequest.newBuilder().setId(e.procurementId()).build()).getProcurement();
                        view.put("procurementState", proc.getState().name().replace("PROCUREMENT_STATE_", ""));
                    }
                } catch (StatusRuntimeException ex) {
                    missing.add(e.kind() == Effect.Kind.GRANT ? "finance-service" : "procurement-service");
                }
                effects.add(view);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("effects", effects);
        out.put("missing", List.copyOf(missing));
        return out;
    }
}
