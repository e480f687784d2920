package se.radhus.procurement.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.bson.Document;
import se.radhus.common.store.Pages;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.ProcurementState;

/** Procurements in the {@code procurements} collection, keyed by id, unique by number. */
@Singleton
public class ProcurementStore {

    private final MongoCollection<Document> procurements;

    public ProcurementStore(MongoDatabase database) {
        this.procurements = database.getCollection("procurements");
        procurements.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
    }

    /** @return false when the id or the number is taken */
    public boolean insert(Procurement p) {
        try {
            procurements.insertOne(toDocument(p));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Procurement> find(String id) {
        return Optional.ofNullable(procurements.find(Filters.eq("_id", id)).first()).map(ProcurementStore::fromDocument);
    }

    public Pages.Page<Procurement> list(int pageSize, String pageToken) {
        return Pages.list(procurements, Filters.empty(), pageSize, pageToken, ProcurementStore::fromDocument);
    }

    static Document toDocument(Procurement p) {
        return new Document("_id", p.id()).append("number", p.number()).append("title", p.title())
                .append("caseNumber", p.caseNumber()).append("state", p.state().name());
    }

    static Procurement fromDocument(Document d) {
        return new Procurement(d.getString("_id"), d.getString("number"), d.getString("title"),
                d.getString("caseNumber"), ProcurementState.valueOf(d.getString("state")));
    }
}
