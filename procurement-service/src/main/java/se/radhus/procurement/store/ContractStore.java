package se.radhus.procurement.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import se.radhus.common.store.Pages;
import se.radhus.common.store.VersionedCollection;
import se.radhus.procurement.domain.Contract;

/** Contracts, written when a procurement is contracted, changed by compare-and-set (extensions). */
@Singleton
public class ContractStore {

    /** A contract and the version it was read at. */
    public record Versioned(Contract contract, long version) {
    }

    private final VersionedCollection<Contract> contracts;

    public ContractStore(MongoDatabase database) {
        this.contracts = new VersionedCollection<>(database, "contracts", Contract.class, Contract::id);
    }

    /** Inserts unless it exists (a retried signing writes it once). */
    public void insertIfAbsent(Contract c) {
        contracts.insertIfAbsent(c);
    }

    public Optional<Versioned> find(String id) {
        return contracts.find(id).map(v -> new Versioned(v.value(), v.version()));
    }

    /**
     * @param read the contract as it was read (its extensions, which only grow, are checked with the version)
     * @return false when the contract is no longer as read
     */
    public boolean replace(Contract c, Contract read, long version) {
        var size = com.mongodb.client.model.Filters.size("extensionDecisions", read.extensionDecisions().size());
        return contracts.tryReplaceIfMatches(c, version, read.extensionDecisions().isEmpty()
                ? com.mongodb.client.model.Filters.or(size, com.mongodb.client.model.Filters.exists("extensionDecisions", false)) : size);
    }

    public Pages.Page<Contract> list(int pageSize, String pageToken) {
        return contracts.page(Filters.empty(), pageSize, pageToken);
    }

    public List<Contract> all() {
        return contracts.list(Filters.empty(), null, 0);
    }

    public List<Contract> ofProcurement(String procurementId) {
        return contracts.list(Filters.eq("procurementId", procurementId), null, 0);
    }
}
