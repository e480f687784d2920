package se.radhus.finance.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.money.Money;
import se.radhus.finance.domain.Budget;

/** Budget years in the {@code budgets} collection, keyed by year, written by compare-and-set on version. */
@Singleton
public class BudgetStore {

    /** A budget and the version it was read at (0: none yet). */
    public record Versioned(Budget budget, long version) {
    }

    private final MongoCollection<Document> budgets;

    public BudgetStore(MongoDatabase database) {
        this.budgets = database.getCollection("budgets");
    }

    public Optional<Versioned> find(int year) {
        return Optional.ofNullable(budgets.find(Filters.eq("_id", year)).first())
                .map(d -> new Versioned(fromDocument(d), ((Number) d.get("version")).longValue()));
    }

    /** Writes the budget if it is still at {@code version} (0 for a new one). */
    public boolean save(Budget b, long version) {
        Document doc = toDocument(b).append("version", version + 1);
        if (version == 0) {
            try {
                budgets.insertOne(doc);
                return true;
            } catch (com.mongodb.MongoWriteException e) {
                return false;
            }
        }
        return budgets.replaceOne(Filters.and(Filters.eq("_id", b.year()), Filters.eq("version", version)), doc)
                .getModifiedCount() == 1;
    }

    static Document toDocument(Budget b) {
        Document d = new Document("_id", b.year()).append("taxRate", b.taxRate()).append("adopted", b.adopted())
                .append("frames", b.frames().stream().map(f -> new Document("bodyId", f.bodyId()).append("year", f.year())
                        .append("ore", f.amount().ore()).append("currency", f.amount().currency())).toList())
                .append("investments", b.investments().stream().map(v -> new Document("project", v.project())
                        .append("year", v.year()).append("ore", v.amount().ore()).append("currency", v.amount().currency())).toList());
        if (b.decision() != null) {
            d.append("decision", new Document("bodyId", b.decision().bodyId()).append("meetingDate", b.decision().meetingDate().toString())
                    .append("paragraph", b.decision().paragraph()).append("caseNumber", b.decision().caseNumber()));
        }
        return d;
    }

    static Budget fromDocument(Document d) {
        Document dec = d.get("decision", Document.class);
        DecisionRef ref = dec == null ? null : new DecisionRef(dec.getString("bodyId"), LocalDate.parse(dec.getString("meetingDate")),
                dec.getInteger("paragraph"), dec.getString("caseNumber"));
        List<Budget.Frame> frames = d.getList("frames", Document.class, List.of()).stream()
                .map(f -> new Budget.Frame(f.getString("bodyId"), f.getInteger("year"), new Money(((Number) f.get("ore")).longValue(),
                        f.getString("currency")))).toList();
        List<Budget.Investment> investments = d.getList("investments", Document.class, List.of()).stream()
                .map(v -> new Budget.Investment(v.getString("project"), v.getInteger("year"),
                        new Money(((Number) v.get("ore")).longValue(), v.getString("currency")))).toList();
        return new Budget(((Number) d.get("_id")).intValue(), d.getString("taxRate"), frames, investments,
                d.getBoolean("adopted", false), ref);
    }
}
