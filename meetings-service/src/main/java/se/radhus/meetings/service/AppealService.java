package se.radhus.meetings.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.RuleViolation;
import se.radhus.meetings.domain.Appeal;
import se.radhus.meetings.domain.LegalForce;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.store.AppealStore;

/**
 * Appeals (laglighetsprövning) against adjusted §, their judgments, and the legal-force state of each §
 * on the injected clock's today.
 */
@Service
public class AppealService {

    private final MeetingService meetings;
    private final AppealStore appeals;
    private final se.radhus.meetings.store.MeetingStore store;
    private final EffectDispatcher dispatcher;

    public AppealService(MeetingService meetings, AppealStore appeals, se.radhus.meetings.store.MeetingStore store,
                         EffectDispatcher dispatcher) {
        this.meetings = meetings;
        this.appeals = appeals;
        this.store = store;
        this.dispatcher = dispatcher;
    }

    /**
     * A § and where it stands; for an annulled §, how the review of each of its effects stands in finance
     * and procurement (PENDING until the service has marked its record, then DONE).
     */
    public record Standing(String meetingId, int paragraph, LegalForce.State state, LocalDate appealDeadline,
                           LocalDate legalForceSince, List<Appeal> appeals, Map<String, Object> reviews) {
    }

    private Paragraph paragraph(Meeting m, int number) {
        return m.paragraph(number).orElseThrow(() -> new ProblemException(Problem.notFound("There is no § " + number + " in " + m.id() + ".")));
    }

    public Appeal register(String meetingId, int number, LocalDate received, String court, String caseNumber) {
        Meeting m = meetings.get(meetingId).meeting();
        paragraph(m, number);
        LocalDate posted = m.posting() == null ? null : m.posting().postedOn();
        if (received != null && received.isAfter(meetings.today())) {
            throw new RuleViolation("appeal-future", "The appeal is dated " + received + ", after today (" + meetings.today() + ").");
        }
        Appeal[] made = new Appeal[1];
        appeals.update(meetingId, number, before -> {
            made[0] = Appeal.register(Integer.toString(before.size() + 1), received, court, caseNumber, posted);
            List<Appeal> after = new ArrayList<>(before);
            after.add(made[0]);
            return after;
        });
        return made[0];
    }

    public Appeal judge(String meetingId, int number, String appealId, Appeal.Judgment judgment) {
        Meeting m = meetings.get(meetingId).meeting();
        paragraph(m, number);
        if (judgment.date() != null && judgment.date().isAfter(meetings.today())) {
            throw new RuleViolation("judgment-future", "The judgment is dated " + judgment.date() + ", after today.");
        }
        Appeal[] judged = new Appeal[1];
        appeals.update(meetingId, number, before -> {
            List<Appeal> after = new ArrayList<>();
            for (Appeal a : before) {
                if (a.id().equals(appealId)) {
                    judged[0] = a.judged(judgment);
                    after.add(judged[0]);
                } else {
                    after.add(a);
                }
            }
            if (judged[0] == null) {
                throw new ProblemException(Problem.notFound("There is no appeal " + appealId + " against § " + number + " of " + meetingId + "."));
            }
            return after;
        });
        Meeting current = meetings.get(meetingId).meeting();
        if (standing(current, number, appeals.of(meetingId, number)).state() == LegalForce.State.UPPHAVD) {
            markForReview(current, paragraph(current, number), judged[0]);
        }
        return judged[0];
    }

    /**
     * An annulled § undoes nothing: each of its effects is marked for review in the service that carried it
     * out, through the outbox, so a service that is down is told when it is back.
     */
    private void markForReview(Meeting m, Paragraph p, Appeal annulling) {
        Appeal.Judgment j = annulling.finalJudgment().orElseThrow();
        String reason = "§ " + p.number() + " of " + m.id() + " was annulled (" + j.outcome() + ") by " + j.court() + " on " + j.date()
                + " (" + annulling.court() + (annulling.caseNumber() == null ? "" : ", mål " + annulling.caseNumber()) + ").";
        for (int i = 0; i < p.effects().size(); i++) {
            store.setReviewState(m.id(), se.radhus.meetings.domain.Effect.id(m.id(), p.number(), i),
                    EffectTraces.carried(EffectTraces.current(), new org.bson.Document("state", "PENDING").append("reason", reason).append("attempts", 0)));
        }
        if (!p.effects().isEmpty()) {
            dispatcher.dispatchSoon(m.id());
        }
    }

    public Standing standing(Meeting m, int number, List<Appeal> against) {
        return standing(m, number, against, store.effectFields(m.id()).get("reviewStates", org.bson.Document.class));
    }

    private Standing standing(Meeting m, int number, List<Appeal> against, org.bson.Document states) {
        LocalDate deadline = m.posting() == null ? null : m.posting().appealDeadline();
        LocalDate today = meetings.today();
        Map<String, Object> reviews = new LinkedHashMap<>();
        Paragraph p = paragraph(m, number);
        for (int i = 0; i < p.effects().size(); i++) {
            String id = se.radhus.meetings.domain.Effect.id(m.id(), number, i);
            if (states != null && states.get(id) instanceof org.bson.Document d) {
                reviews.put(id, Map.of("state", d.getString("state"), "reason", String.valueOf(d.getString("reason"))));
            }
        }
        return new Standing(m.id(), number, LegalForce.of(deadline, against, today), deadline,
                LegalForce.since(deadline, against, today), against, reviews);
    }

    public Standing standing(String meetingId, int number) {
        return standing(meetings.get(meetingId).meeting(), number, appeals.of(meetingId, number));
    }

    /** Every § of a meeting and where it stands. */
    public Map<Integer, Standing> standings(Meeting m) {
        Map<Integer, List<Appeal>> all = appeals.ofMeeting(m.id());
        org.bson.Document states = store.effectFields(m.id()).get("reviewStates", org.bson.Document.class);
        Map<Integer, Standing> out = new LinkedHashMap<>();
        for (Paragraph p : m.paragraphs()) {
            out.put(p.number(), standing(m, p.number(), all.getOrDefault(p.number(), List.of()), states));
        }
        return out;
    }
}
