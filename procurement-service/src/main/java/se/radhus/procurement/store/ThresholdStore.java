package se.radhus.procurement.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import se.radhus.procurement.domain.Threshold;

/** The LOU threshold table; filled with the known periods on first use, extended by adding rows. */
@Singleton
public class ThresholdStore {

    private final MongoCollection<Document> thresholds;
    private final JsonDocuments json;

    public ThresholdStore(MongoDatabase database, JsonDocuments json) {
        this.thresholds = database.getCollection("thresholds");
        this.json = json;
    }

    public List<Threshold> all() {
        List<Threshold> rows = thresholds.find().map(d -> json.fromDocument(d, Threshold.class)).into(new ArrayList<>());
        if (rows.isEmpty()) {
            Threshold.defaults().forEach(this::add);
            return Threshold.defaults();
        }
        return rows;
    }

    public void add(Threshold t) {
        String id = t.kind() + "/" + t.validFrom();
        thresholds.replaceOne(com.mongodb.client.model.Filters.eq("_id", id), json.toDocument(t).append("_id", id),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }
}
