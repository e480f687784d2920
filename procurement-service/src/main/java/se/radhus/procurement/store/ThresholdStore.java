package se.radhus.procurement.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import java.util.List;
import se.radhus.common.store.VersionedCollection;
import se.radhus.procurement.domain.Threshold;

/**
 * The LOU threshold table, one row a kind and first day. The rows the service ships ({@link Threshold#defaults()},
 * each with its source) are written at start, so a row stored by an older version without its source, or
 * open-ended where the source gives an end, is brought in line; a period added at POST /api/thresholds stays.
 */
@Singleton
public class ThresholdStore {

    private final VersionedCollection<Threshold> thresholds;

    public ThresholdStore(MongoDatabase database) {
        this.thresholds = new VersionedCollection<>(database, "thresholds", Threshold.class, t -> t.kind() + "/" + t.validFrom());
        for (Threshold t : Threshold.defaults()) {
            var stored = thresholds.findValue(t.kind() + "/" + t.validFrom());
            if (stored.isEmpty() || !stored.get().equals(t)) {
                thresholds.put(t);
            }
        }
    }

    public List<Threshold> all() {
        return thresholds.list(Filters.empty(), com.mongodb.client.model.Sorts.ascending("validFrom", "kind"), 0);
    }

    /** Adds the row, or replaces the row of the same kind from the same day. */
    public void add(Threshold t) {
        thresholds.put(t);
    }
}
