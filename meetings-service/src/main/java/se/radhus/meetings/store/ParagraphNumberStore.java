package se.radhus.meetings.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.OptionalInt;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The § numbers used per body and year, one document each keyed {@code body/year/number}: the unique key
 * makes a number usable once across all the body's meetings, even when two are written at once.
 */
@Repository
public class ParagraphNumberStore {

    private final MongoCollection<Document> numbers;

    public ParagraphNumberStore(MongoDatabase database) {
        this.numbers = database.getCollection("paragraph_numbers");
        numbers.createIndex(Indexes.ascending("bodyId", "year", "number"));
    }

    static String key(String bodyId, int year, int number) {
        return bodyId + "/" + year + "/" + number;
    }

    public OptionalInt last(String bodyId, int year) {
        Document d = numbers.find(Filters.and(Filters.eq("bodyId", bodyId), Filters.eq("year", year)))
                .sort(Sorts.descending("number")).limit(1).first();
        return d == null ? OptionalInt.empty() : OptionalInt.of(d.getInteger("number"));
    }

    /** @return false when the number is taken */
    public boolean reserve(String bodyId, int year, int number, String meetingId) {
        return Inserts.insertNew(numbers, new Document("_id", key(bodyId, year, number)).append("bodyId", bodyId)
                .append("year", year).append("number", number).append("meetingId", meetingId));
    }

    /** Gives a number back when the meeting write that wanted it did not happen. */
    public void release(String bodyId, int year, int number, String meetingId) {
        numbers.deleteOne(Filters.and(Filters.eq("_id", key(bodyId, year, number)), Filters.eq("meetingId", meetingId)));
    }
}
