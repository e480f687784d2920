package se.radhus.finance.store;

import java.time.LocalDate;
import org.bson.Document;
import se.radhus.common.domain.DecisionRef;

/** A decision reference as the finance documents hold it: body, meeting date (ISO), § and case. */
final class DecisionDocuments {

    private DecisionDocuments() {
    }

    static Document toDocument(DecisionRef ref) {
        return ref == null ? null : new Document("bodyId", ref.bodyId()).append("meetingDate", ref.meetingDate().toString())
                .append("paragraph", ref.paragraph()).append("caseNumber", ref.caseNumber());
    }

    static DecisionRef fromDocument(Document d) {
        return d == null ? null : new DecisionRef(d.getString("bodyId"), LocalDate.parse(d.getString("meetingDate")),
                d.getInteger("paragraph"), d.getString("caseNumber"));
    }
}
