package se.radhus.meetings.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Repository;
import se.radhus.meetings.domain.CaseDocument;

/**
 * Case documents in {@code documents}: the facts ({@link CaseDocument}) and the bytes, one document each (the
 * size limit keeps them well under MongoDB's 16 MB). Written once, never changed.
 */
@Repository
public class DocumentStore {

    private final MongoCollection<Document> documents;

    public DocumentStore(MongoDatabase database) {
        this.documents = database.getCollection("documents");
        documents.createIndex(Indexes.ascending("meetingId"));
    }

    /** Stores it; @return false when a document with its id exists already (the same bytes sent again). */
    public boolean insert(CaseDocument d, byte[] content) {
        if (documents.find(Filters.eq("_id", d.id())).projection(Projections.include("_id")).first() != null) {
            return false;
        }
        documents.insertOne(new Document("_id", d.id()).append("meetingId", d.meetingId()).append("name", d.name())
                .append("contentType", d.contentType()).append("size", d.size()).append("sha256", d.sha256())
                .append("content", new Binary(content)));
        return true;
    }

    public Optional<CaseDocument> find(String id) {
        return Optional.ofNullable(documents.find(Filters.eq("_id", id)).projection(Projections.exclude("content")).first())
                .map(DocumentStore::facts);
    }

    public Optional<byte[]> content(String id) {
        return Optional.ofNullable(documents.find(Filters.eq("_id", id)).projection(Projections.include("content")).first())
                .map(d -> d.get("content", Binary.class).getData());
    }

    /** The documents of a meeting, without their bytes. */
    public List<CaseDocument> ofMeeting(String meetingId) {
        return documents.find(Filters.eq("meetingId", meetingId)).projection(Projections.exclude("content"))
                .map(DocumentStore::facts).into(new ArrayList<>());
    }

    private static CaseDocument facts(Document d) {
        return new CaseDocument(d.getString("_id"), d.getString("meetingId"), d.getString("name"), d.getString("contentType"),
                ((Number) d.get("size")).longValue(), d.getString("sha256"));
    }
}
