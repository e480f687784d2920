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
        try {
            bodies.insertOne(toDocument(body));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Body> find(String id) {
        return Optional.ofNullable(bodies.find(Filters.eq("_id", id)).first()).map(BodyStore::fromDocument);
    }

    public Pages.Page<Body> list(int pageSize, String pageToken) {
        return Pages.list(bodies, Filters.empty(), pageSize, pageToken, BodyStore::fromDocument);
    }

    static Document toDocument(Body body) {
        return new Document("_id", body.id())
                .append("name", body.name())
                .append("shortName", body.shortName())
                .append("parentId", body.parentId())
                .append("diariumPrefix", body.diariumPrefix());
    }

    static Body fromDocument(Document d) {
        return new Body(d.getString("_id"), d.getString("name"), d.getString("shortName"),
                d.getString("parentId"), d.getString("diariumPrefix"));
    }
}
