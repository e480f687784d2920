package se.radhus.procurement.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import java.util.List;
import se.radhus.common.store.VersionedCollection;
import se.radhus.procurement.domain.Threshold;

/** The LOU threshold table; filled with the known periods on first use, extended by adding rows. */
@Singleton
public class ThresholdStore {

    private final VersionedCollection<Threshold> thresholds;

    public ThresholdStore(MongoDatabase database) {
        this.thresholds = new VersionedCollection<>(database, "thresholds", Threshold.class, t -> t.kind() + "/" + t.validFrom());
    }

    public List<Threshold> all() {
        List<Threshold> rows = thresholds.list(Filters.empty(), null, 0);
        if (rows.isEmpty()) {
            Threshold.defaults().forEach(this::add);
            return Threshold.defaults();
        }
        return rows;
    }

    /** Adds the row, or replaces the row of the same kind from the same day. */
    public void add(Threshold t) {
        thresholds.put(t);
    }
}
