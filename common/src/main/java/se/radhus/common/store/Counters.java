package se.radhus.common.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Named counters that hand out 1, 2, 3 … exactly once each, under any concurrency. Each step is a
 * compare-and-set ({@code seq} must still be what was read), the one update the embedded store and real
 * MongoDB both apply atomically; a plain {@code $inc} upsert is not safe on the embedded store.
 */
public final class Counters {

    private Counters() {
    }

    /** The next value of the counter {@code id}: 1 for a new counter. */
    public static long next(MongoCollection<Document> counters, String id) {
        for (int attempt = 0; ; attempt++) {
            Document current = counters.find(Filters.eq("_id", id)).first();
            if (current == null) {
                try {
                    counters.insertOne(new Document("_id", id).append("seq", 1L));
                    return 1;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // someone created it first
                }
            }
            long seq = ((Number) current.get("seq")).longValue();
            if (counters.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("seq", current.get("seq"))),
                    Updates.set("seq", seq + 1)).getModifiedCount() == 1) {
                return seq + 1;
            }
            if (attempt > 10_000) {
                throw new IllegalStateException("counter " + id + " is too contended");
            }
            Thread.onSpinWait();
        }
    }

    /** Moves the counter to at least {@code value}, so that values up to it are never handed out. */
    public static void atLeast(MongoCollection<Document> counters, String id, long value) {
        while (true) {
            Document current = counters.find(Filters.eq("_id", id)).first();
            if (current == null) {
                try {
                    counters.insertOne(new Document("_id", id).append("seq", value));
                    return;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue;
                }
            }
            long seq = ((Number) current.get("seq")).longValue();
            if (seq >= value || counters.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("seq", current.get("seq"))),
                    Updates.set("seq", value)).getModifiedCount() == 1) {
                return;
            }
        }
    }
}
