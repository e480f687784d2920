package se.radhus.meetings.service;

import java.util.List;
import org.bson.Document;
import se.radhus.meetings.domain.DecisionKind;
import se.radhus.meetings.domain.DecisionSection;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Paragraph;

/** A paragraph's decision as the decision log and the gRPC contract carry it. */
public final class DecisionDocuments {

    private DecisionDocuments() {
    }

    /** The key of a decision: {@code body/date/§}. */
    public static String key(String bodyId, String date, int paragraph) {
        return bodyId + "/" + date + "/" + paragraph;
    }

    public static Document of(Meeting m, Paragraph p) {
        List<String> clauses = p.decisions().stream().map(DecisionSection::clauses).flatMap(List::stream).toList();
        boolean adjusted = m.isPublic(p);
        Document d = new Document("bodyId", m.bodyId())
                .append("meetingDate", m.date().toString())
                .append("meetingId", m.id())
                .append("paragraph", p.number())
                .append("title", p.title())
                .append("kind", p.kind() == DecisionKind.FORSLAG_TILL_BESLUT ? "proposal" : "decision")
                .append("clauses", clauses)
                .append("adjusted", adjusted);
        if (p.caseNumber() != null) {
            d.append("caseRegistry", p.caseNumber().registry()).append("caseYear", p.caseNumber().year())
                    .append("caseSeq", p.caseNumber().sequence());
        }
        if (adjusted) {
            d.append("adjustedDate", (p.adjustedOn() != null ? p.adjustedOn() : m.justering().date()).toString());
        }
        return d;
    }
}
