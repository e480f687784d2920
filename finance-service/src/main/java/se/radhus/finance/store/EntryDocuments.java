package se.radhus.finance.store;

import java.time.Instant;
import java.time.LocalDate;
import org.bson.Document;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.money.Money;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.EntryKind;

/** A ledger entry's fields in a document: the same in an entry's own document as in the old one-document shape. */
final class EntryDocuments {

    private EntryDocuments() {
    }

    /** The entry's fields; a field the entry does not have is left out. */
    static Document toDocument(Entry e) {
        Document d = new Document("id", e.id()).append("kind", e.kind().name()).append("year", e.year())
                .append("ore", e.amount().ore()).append("currency", e.amount().currency())
                .append("effectiveDate", e.effectiveDate().toString()).append("recordedAt", e.recordedAt().toString());
        putIfPresent(d, "idempotencyKey", e.idempotencyKey());
        putIfPresent(d, "holdId", e.holdId());
        putIfPresent(d, "releases", e.releases() == null ? null : e.releases().name());
        putIfPresent(d, "reverses", e.reverses());
        if (e.preCommitment()) {
            d.append("preCommitment", true);
        }
        putIfPresent(d, "reason", e.reason());
        if (e.decision() != null) {
            d.append("decision", DecisionDocuments.toDocument(e.decision()));
        }
        return d;
    }

    private static void putIfPresent(Document d, String field, Object value) {
        if (value != null) {
            d.append(field, value);
        }
    }

    static Entry fromDocument(Document d) {
        DecisionRef ref = DecisionDocuments.fromDocument(d.get("decision", Document.class));
        String releases = d.getString("releases");
        return new Entry(d.getString("id"), EntryKind.valueOf(d.getString("kind")), d.getInteger("year"),
                new Money(((Number) d.get("ore")).longValue(), d.getString("currency")),
                LocalDate.parse(d.getString("effectiveDate")), Instant.parse(d.getString("recordedAt")), ref,
                d.getString("idempotencyKey"), d.getString("holdId"), releases == null ? null : EntryKind.valueOf(releases),
                d.getString("reverses"), d.getBoolean("preCommitment", false), d.getString("reason"));
    }
}
