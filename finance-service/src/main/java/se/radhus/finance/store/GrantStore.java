package se.radhus.finance.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.money.Money;
import se.radhus.common.store.Pages;
import se.radhus.finance.domain.Grant;
import se.radhus.finance.domain.YearAmount;

/** Grants in the {@code grants} collection; a change is compare-and-set on {@code version}. */
@Singleton
public class GrantStore {

    /** A grant and the version it was read at. */
    public record Versioned(Grant grant, long version) {
    }

    private final MongoCollection<Document> grants;

    public GrantStore(MongoDatabase database) {
        this.grants = database.getCollection("grants");
        grants.createIndex(com.mongodb.client.model.Indexes.ascending("appropriationId"));
    }

    public boolean insert(Grant g) {
        try {
            grants.insertOne(toDocument(g).append("version", 1L));
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Versioned> find(String id) {
        return Optional.ofNullable(grants.find(Filters.eq("_id", id)).first())
                .map(d -> new Versioned(fromDocument(d), ((Number) d.get("version")).longValue()));
    }

    public boolean replace(Grant g, long version) {
        return grants.replaceOne(Filters.and(Filters.eq("_id", g.id()), Filters.eq("version", version)),
                toDocument(g).append("version", version + 1)).getModifiedCount() == 1;
    }

    public Pages.Page<Grant> list(String appropriationId, int pageSize, String pageToken) {
        Bson filter = appropriationId == null || appropriationId.isBlank() ? Filters.empty() : Filters.eq("appropriationId", appropriationId);
        return Pages.list(grants, filter, pageSize, pageToken, GrantStore::fromDocument);
    }

    static Document toDocument(Grant g) {
        Document d = new Document("_id", g.id()).append("appropriationId", g.appropriationId()).append("purpose", g.purpose())
                .append("condition", g.condition()).append("conditionStatus", g.conditionStatus().name())
                .append("status", g.status().name())
                .append("recipients", g.recipients().stream().map(r -> new Document("name", r.name())
                        .append("amounts", r.amounts().stream().map(a -> new Document("year", a.year())
                                .append("ore", a.amount().ore()).append("currency", a.amount().currency())).toList())).toList());
        if (g.decision() != null) {
            d.append("decision", new Document("bodyId", g.decision().bodyId())
                    .append("meetingDate", g.decision().meetingDate().toString())
                    .append("paragraph", g.decision().paragraph()).append("caseNumber", g.decision().caseNumber()));
        }
        return d;
    }

    static Grant fromDocument(Document d) {
        Document dec = d.get("decision", Document.class);
        DecisionRef ref = dec == null ? null : new DecisionRef(dec.getString("bodyId"), LocalDate.parse(dec.getString("meetingDate")),
                dec.getInteger("paragraph"), dec.getString("caseNumber"));
        List<Grant.Recipient> recipients = d.getList("recipients", Document.class, List.of()).stream()
                .map(r -> new Grant.Recipient(r.getString("name"), r.getList("amounts", Document.class).stream()
                        .map(a -> new YearAmount(a.getInteger("year"), new Money(((Number) a.get("ore")).longValue(),
                                a.getString("currency")))).toList())).toList();
        return new Grant(d.getString("_id"), d.getString("appropriationId"), d.getString("purpose"), recipients,
                d.getString("condition"), Grant.ConditionStatus.valueOf(d.getString("conditionStatus")),
                Grant.Status.valueOf(d.getString("status")), ref);
    }
}
