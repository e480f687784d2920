package se.radhus.procurement.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The OCDS releases, one document each, written once and never changed: a change of a procurement is a
 * new release. Written by id, so a step carried out again (a retry) writes nothing twice.
 */
@Singleton
public class ReleaseStore {

    /** A release as stored: its ocid, procurement, date (ISO date-time), order among the same day's, and content. */
    public record Stored(String id, String ocid, String procurementId, String date, int order, Map<String, Object> release) {
    }

    private final MongoCollection<Document> releases;

    public ReleaseStore(MongoDatabase database) {
        this.releases = database.getCollection("ocds_releases");
        releases.createIndex(Indexes.ascending("ocid", "date", "order"));
    }

    /** @return false when a release with that id exists already (it stays as it was) */
    public boolean insertIfAbsent(Stored r) {
        try {
            releases.insertOne(new Document("_id", r.id()).append("ocid", r.ocid()).append("procurementId", r.procurementId())
                    .append("date", r.date()).append("order", r.order()).append("release", toBson(r.release())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The releases of one contracting process, oldest first. */
    public List<Stored> ofOcid(String ocid) {
        return releases.find(Filters.eq("ocid", ocid)).sort(Sorts.ascending("date", "order", "_id")).map(ReleaseStore::stored)
                .into(new ArrayList<>());
    }

    /** Every release, by ocid and then oldest first. */
    public List<Stored> all() {
        return releases.find().sort(Sorts.ascending("ocid", "date", "order", "_id")).map(ReleaseStore::stored).into(new ArrayList<>());
    }

    static Stored stored(Document d) {
        @SuppressWarnings("unchecked")
        Map<String, Object> release = (Map<String, Object>) fromBson(d.get("release"));
        return new Stored(d.getString("_id"), d.getString("ocid"), d.getString("procurementId"), d.getString("date"),
                d.getInteger("order", 0), release);
    }

    static Object toBson(Object v) {
        if (v instanceof Map<?, ?> m) {
            Document d = new Document();
            m.forEach((k, x) -> d.append(String.valueOf(k), toBson(x)));
            return d;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ReleaseStore::toBson).toList();
        }
        if (v instanceof BigDecimal b) {
            return new Decimal128(b);
        }
        return v;
    }

    static Object fromBson(Object v) {
        if (v instanceof Document d) {
            Map<String, Object> m = new LinkedHashMap<>();
            d.forEach((k, x) -> m.put(k, fromBson(x)));
            return m;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ReleaseStore::fromBson).toList();
        }
        if (v instanceof Decimal128 x) {
            return x.bigDecimalValue();
        }
        return v;
    }
}
