package se.radhus.procurement.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import se.radhus.common.store.Pages;
import se.radhus.procurement.domain.Contract;

/** Contracts, written when a procurement is contracted, changed by compare-and-set (extensions). */
@Singleton
public class ContractStore {

    /** A contract and the version it was read at. */
    public record Versioned(Contract contract, long version) {
    }

    private final MongoCollection<Document> contracts;
    private final JsonDocuments json;

    public ContractStore(MongoDatabase database, JsonDocuments json) {
        this.contracts = database.getCollection("contracts");
        this.json = json;
    }

    /** Inserts unless it exists (a retried signing writes it once). */
    public void insertIfAbsent(Contract c) {
        try {
            contracts.insertOne(json.toDocument(c).append("_id", c.id()).append("version", 1L));
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public Optional<Versioned> find(String id) {
        return Optional.ofNullable(contracts.find(Filters.eq("_id", id)).first())
                .map(d -> new Versioned(json.fromDocument(d, Contract.class), ((Number) d.get("version")).longValue()));
    }

    public boolean replace(Contract c, long version) {
        return contracts.replaceOne(Filters.and(Filters.eq("_id", c.id()), Filters.eq("version", version)),
                json.toDocument(c).append("_id", c.id()).append("version", version + 1)).getModifiedCount() == 1;
    }

    public Pages.Page<Contract> list(int pageSize, String pageToken) {
        return Pages.list(contracts, Filters.empty(), pageSize, pageToken, d -> json.fromDocument(d, Contract.class));
    }

    public List<Contract> all() {
        return contracts.find().map(d -> json.fromDocument(d, Contract.class)).into(new ArrayList<>());
    }

    public List<Contract> ofProcurement(String procurementId) {
        return contracts.find(Filters.eq("procurementId", procurementId)).map(d -> json.fromDocument(d, Contract.class))
                .into(new ArrayList<>());
    }
}
