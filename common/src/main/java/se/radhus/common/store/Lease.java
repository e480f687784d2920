package se.radhus.common.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;

/**
 * A named lease in the store, held by one holder at a time: the work that must run once per cluster (the
 * effect dispatcher) runs only where {@link #holds()} says so. The holder renews it at each round; when it
 * stops renewing (its process died, or it lost the store) another takes it once {@code ttl} has passed,
 * at once after a {@link #release()}.
 *
 * <p>Every step is a compare-and-set on the document as it was read (holder and expiry), the one update
 * the embedded store and real MongoDB both apply atomically. Expiry is the holders' wall clock, so clocks
 * must agree to well within {@code ttl}. A lease is not a lock: a paused holder may still act for a moment
 * after it expired, so what it guards must also write conditionally (the dispatcher's state updates are).
 */
public final class Lease {

    private final MongoCollection<Document> leases;
    private final String name;
    private final String holder;
    private final Duration ttl;
    private final Clock clock;

    public Lease(MongoDatabase database, String name, String holder, Duration ttl, Clock clock) {
        this.leases = database.getCollection("leases");
        this.name = name;
        this.holder = holder;
        this.ttl = ttl;
        this.clock = clock;
    }

    public String holder() {
        return holder;
    }

    /** Takes the lease if it is free or expired, or renews it if this holder has it; @return whether this holder now holds it */
    public boolean holds() {
        long now = clock.millis();
        Document current = leases.find(Filters.eq("_id", name)).first();
        if (current == null) {
            try {
                leases.insertOne(new Document("_id", name).append("holder", holder).append("expiresAt", now + ttl.toMillis()));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                return false; // another took it first
            }
        }
        long expiresAt = ((Number) current.get("expiresAt")).longValue();
        if (!holder.equals(current.getString("holder")) && expiresAt > now) {
            return false;
        }
        return leases.updateOne(
                Filters.and(Filters.eq("_id", name), Filters.eq("holder", current.getString("holder")), Filters.eq("expiresAt", current.get("expiresAt"))),
                Updates.combine(Updates.set("holder", holder), Updates.set("expiresAt", now + ttl.toMillis()))).getModifiedCount() == 1;
    }

    /** Gives the lease up if this holder has it (a graceful shutdown), so another takes it without waiting for it to expire. */
    public void release() {
        leases.updateOne(Filters.and(Filters.eq("_id", name), Filters.eq("holder", holder)), Updates.set("expiresAt", 0L));
    }
}
