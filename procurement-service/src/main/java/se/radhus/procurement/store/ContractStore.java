package se.radhus.procurement.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.bson.Document;
import se.radhus.common.store.Pages;

/** Contracts in the {@code contracts} collection. They are written by awards and signing. */
@Singleton
public class ContractStore {

    private final MongoCollection<Document> contracts;

    public ContractStore(MongoDatabase database) {
        this.contracts = database.getCollection("contracts");
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(contracts.find(Filters.eq("_id", id)).first());
    }

    public Pages.Page<Document> list(int pageSize, String pageToken) {
        return Pages.list(contracts, Filters.empty(), pageSize, pageToken, d -> d);
    }
}
