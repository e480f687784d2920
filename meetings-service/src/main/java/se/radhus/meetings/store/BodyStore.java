package se.radhus.meetings.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import se.radhus.common.store.Pages;
import se.radhus.common.store.VersionedCollection;
import se.radhus.meetings.domain.Body;

/** Bodies in the {@code bodies} collection, keyed by their id. */
@Repository
public class BodyStore {

    private final VersionedCollection<Body> bodies;

    public BodyStore(MongoDatabase database) {
        this.bodies = new VersionedCollection<>(database, "bodies", Body.class, Body::id);
    }

    /** @return false when a body with that id exists already */
    public boolean insert(Body body) {
        return bodies.insertIfAbsent(body);
    }

    public Optional<Body> find(String id) {
        return bodies.findValue(id);
    }

    public Pages.Page<Body> list(int pageSize, String pageToken) {
        return bodies.page(Filters.empty(), pageSize, pageToken);
    }

    /** Every body (a municipality has tens, not thousands). */
    public java.util.List<Body> all() {
        return bodies.list(Filters.empty(), com.mongodb.client.model.Sorts.ascending("_id"), 0);
    }
}
