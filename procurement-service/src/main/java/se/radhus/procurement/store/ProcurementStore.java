package se.radhus.procurement.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import se.radhus.common.store.Pages;
import se.radhus.procurement.domain.Procurement;

/** Procurements, one document each, unique by number, changed by compare-and-set on {@code version}. */
@Singleton
public class ProcurementStore {

    /** A procurement and the version it was read at. */
    public record Versioned(Procurement procurement, long version) {
    }

    private final MongoCollection<Document> procurements;
    private final JsonDocuments json;

    public ProcurementStore(MongoDatabase database, JsonDocuments json) {
        this.procurements = database.getCollection("procurements");
        this.json = json;
        procurements.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
    }

    /** @return false when the id or the number is taken */
    public boolean insert(Procurement p) {
        try {
            procurements.insertOne(json.toDocument(p).append("_id", p.id()).append("version", 1L));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Versioned> find(String id) {
        return Optional.ofNullable(procurements.find(Filters.eq("_id", id)).first())
                .map(d -> new Versioned(json.fromDocument(d, Procurement.class), ((Number) d.get("version")).longValue()));
    }

    public boolean replace(Procurement p, long version) {
        return procurements.replaceOne(Filters.and(Filters.eq("_id", p.id()), Filters.eq("version", version)),
                json.toDocument(p).append("_id", p.id()).append("version", version + 1)).getModifiedCount() == 1;
    }

    public Pages.Page<Procurement> list(int pageSize, String pageToken) {
        return Pages.list(procurements, Filters.empty(), pageSize, pageToken, d -> json.fromDocument(d, Procurement.class));
    }

    /** Every published procurement (for OCDS), oldest id first. */
    public List<Procurement> published() {
        return procurements.find(Filters.in("state", "PUBLISHED", "BIDS_OPENED", "EVALUATED", "AWARDED", "CONTRACTED"))
                .sort(com.mongodb.client.model.Sorts.ascending("_id"))
                .map(d -> json.fromDocument(d, Procurement.class)).into(new ArrayList<>());
    }
}
