package se.radhus.micronaut;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.bson.Document;

/**
 * Records that rest on a secret decision (offentlighets- och sekretesslagen 2009:400): the provision the
 * secrecy rests on, per record id, in {@code secrecy}. The public sees the provision instead of the
 * record's texts and names. A mark is written before the record, so no record is ever public unmarked.
 */
@Singleton
public class SecrecyMarks {

    private final MongoCollection<Document> marks;

    public SecrecyMarks(MongoDatabase database) {
        this.marks = database.getCollection("secrecy");
    }

    /** Marks the record (again: the same provision, nothing changes). */
    public void mark(String id, String reference) {
        marks.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("reference", reference), new ReplaceOptions().upsert(true));
    }

    /** The provision the record's secrecy rests on, if it is secret. */
    public Optional<String> of(String id) {
        Document d = marks.find(Filters.eq("_id", id)).first();
        return d == null ? Optional.empty() : Optional.ofNullable(d.getString("reference"));
    }
}
