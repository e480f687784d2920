package se.radhus.finance.store;

import com.mongodb.client.MongoDatabase;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.money.Money;
import se.radhus.common.store.StoreCodecs;
import se.radhus.common.store.VersionedCollection;
import se.radhus.finance.domain.Budget;

/** Budget years in the {@code budgets} collection, keyed by year, written by compare-and-set on version. */
@Singleton
public class BudgetStore {

    /** A budget and the version it was read at (0: none yet). */
    public record Versioned(Budget budget, long version) {
    }

    private final VersionedCollection<Budget> budgets;

    public BudgetStore(MongoDatabase database) {
        this.budgets = new VersionedCollection<>(database, "budgets",
                StoreCodecs.mapped(Budget.class, BudgetStore::toDocument, BudgetStore::fromDocument), Budget::year);
    }

    public Optional<Versioned> find(int year) {
        return budgets.find(year).map(v -> new Versioned(v.value(), v.version()));
    }

    /** Writes the budget if it is still at {@code version} (0 for a new one); @return false when it is not */
    public boolean save(Budget b, long version) {
        return version == 0 ? budgets.insertIfAbsent(b) : budgets.tryReplaceIfVersion(b, version);
    }

    static Document toDocument(Budget b) {
        Document d = new Document("_id", b.year()).append("taxRate", b.taxRate()).append("adopted", b.adopted())
                .append("frames", b.frames().stream().map(f -> new Document("bodyId", f.bodyId()).append("year", f.year())
                        .append("ore", f.amount().ore()).append("currency", f.amount().currency())).toList())
                .append("investments", b.investments().stream().map(v -> new Document("project", v.project())
                        .append("year", v.year()).append("ore", v.amount().ore()).append("currency", v.amount().currency())).toList());
        return d.append("decision", DecisionDocuments.toDocument(b.decision()));
    }

    static Budget fromDocument(Document d) {
        DecisionRef ref = DecisionDocuments.fromDocument(d.get("decision", Document.class));
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
