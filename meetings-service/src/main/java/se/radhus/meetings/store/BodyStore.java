package se.radhus.meetings.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import se.radhus.common.store.Pages;
import se.radhus.meetings.domain.Body;

/** Bodies in the {@code bodies} collection, keyed by their id. */
@Repository
public class BodyStore {

    private final MongoCollection<Document> bodies;

    public BodyStore(MongoDatabase database) {
        this.bodies = database.getCollection("bodies");
    }

    /** @return false when a body with that id exists already */
    public boolean insert(Body body) {
        return Inserts.insertNew(bodies, DocumentCodec.toDocument(body).append("_id", body.id()));
    }

    public void replace(Body body) {
        bodies.replaceOne(Filters.eq("_id", body.id()), DocumentCodec.toDocument(body).append("_id", body.id()));
    }

    public Optional<Body> find(String id) {
        return Optional.ofNullable(bodies.find(Filters.eq("_id", id)).first()).map(d -> DocumentCodec.fromDocument(d, Body.class));
    }

    public Pages.Page<Body> list(int pageSize, String pageToken) {
        return Pages.list(bodies, Filters.empty(), pageSize, pageToken, d -> DocumentCodec.fromDocument(d, Body.class));
    }
}
