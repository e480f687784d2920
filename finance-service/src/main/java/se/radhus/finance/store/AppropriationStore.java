package se.radhus.finance.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import se.radhus.common.money.Money;
import se.radhus.common.store.Pages;
import se.radhus.finance.domain.Appropriation;
import se.radhus.finance.domain.YearAmount;

/** Appropriations in the {@code appropriations} collection, keyed by id. */
@Singleton
public class AppropriationStore {

    private final MongoCollection<Document> appropriations;

    public AppropriationStore(MongoDatabase database) {
        this.appropriations = database.getCollection("appropriations");
    }

    /** @return false when an appropriation with that id exists already */
    public boolean insert(Appropriation a) {
        try {
            appropriations.insertOne(toDocument(a));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Appropriation> find(String id) {
        return Optional.ofNullable(appropriations.find(Filters.eq("_id", id)).first())
                .map(AppropriationStore::fromDocument);
    }

    public Pages.Page<Appropriation> list(int pageSize, String pageToken) {
        return Pages.list(appropriations, Filters.empty(), pageSize, pageToken, AppropriationStore::fromDocument);
    }

    static Document toDocument(Appropriation a) {
        return new Document("_id", a.id())
                .append("name", a.name())
                .append("ownerBodyId", a.ownerBodyId())
                .append("amounts", a.amounts().stream()
                        .map(y -> new Document("year", y.year()).append("ore", y.amount().ore())
                                .append("currency", y.amount().currency()))
                        .toList());
    }

    static Appropriation fromDocument(Document d) {
        List<YearAmount> amounts = d.getList("amounts", Document.class, List.of()).stream()
                .map(y -> new YearAmount(y.getInteger("year"), new Money(y.getLong("ore"), y.getString("currency"))))
                .toList();
        return new Appropriation(d.getString("_id"), d.getString("name"), d.getString("ownerBodyId"), amounts);
    }
}
