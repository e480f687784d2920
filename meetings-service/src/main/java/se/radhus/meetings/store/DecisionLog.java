package se.radhus.meetings.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import se.radhus.common.store.Pages;
import se.radhus.common.store.VersionedCollection;

/**
 * The log of adjusted decisions that other services follow. Each entry's {@code _id} is its position,
 * 1, 2, 3 …, taken by inserting at (last + 1): a position exists only once its entry does, so the log has
 * no holes and a reader that has seen position n has seen everything before it. A unique index on the
 * decision's key makes publishing the same decision again a no-op.
 */
@Repository
public class DecisionLog {

    private final MongoCollection<Document> log;
    private final VersionedCollection<Document> entries;

    public DecisionLog(MongoDatabase database) {
        this.log = database.getCollection("decision_log");
        this.entries = new VersionedCollection<>(database, "decision_log", Document.class, d -> d.get("_id"));
        log.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
    }

    /** Appends the decision unless its key is in the log already; returns its position either way. */
    public long append(String key, Document decision) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Document existing = log.find(Filters.eq("key", key)).first();
            if (existing != null) {
                return ((Number) existing.get("_id")).longValue();
            }
            Document last = log.find().sort(Sorts.descending("_id")).limit(1).first();
            long position = last == null ? 1 : ((Number) last.get("_id")).longValue() + 1;
            Document entry = new Document(decision).append("_id", position).append("key", key);
            if (entries.insertIfAbsent(entry)) {
                return position;
            }
            // someone took that position (or published the same key) first: read again
        }
        throw new IllegalStateException("could not append to the decision log after 1000 attempts");
    }

    /** Entries after a position, in order. */
    public List<Document> after(long position, int limit) {
        return log.find(Filters.gt("_id", position)).sort(Sorts.ascending("_id")).limit(limit).into(new ArrayList<>());
    }

    public Pages.Page<Document> page(String bodyId, int pageSize, String pageToken) {
        int size = Pages.clampPageSize(pageSize);
        long after = pageToken == null || pageToken.isEmpty() ? 0 : Long.parseLong(Pages.decodeToken(pageToken));
        var filter = Filters.gt("_id", after);
        if (bodyId != null && !bodyId.isEmpty()) {
            filter = Filters.and(filter, Filters.eq("bodyId", bodyId));
        }
        List<Document> docs = log.find(filter).sort(Sorts.ascending("_id")).limit(size + 1).into(new ArrayList<>());
        String next = "";
        if (docs.size() > size) {
            docs = docs.subList(0, size);
            next = Pages.encodeToken(Long.toString(((Number) docs.get(size - 1).get("_id")).longValue()));
        }
        return new Pages.Page<>(docs, next);
    }
}
