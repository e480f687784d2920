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

    /**
     * Reserves many numbers in one write (an import): each is taken unless another meeting holds it.
     *
     * @return the numbers that another meeting holds (not reserved)
     */
    public java.util.Set<Integer> reserveAll(String bodyId, int year, java.util.List<Integer> wanted, String meetingId) {
        java.util.Set<Integer> held = new java.util.TreeSet<>();
        if (wanted.isEmpty()) {
            return held;
        }
        java.util.List<Document> docs = wanted.stream().map(n -> new Document("_id", key(bodyId, year, n)).append("bodyId", bodyId)
                .append("year", year).append("number", n).append("meetingId", meetingId)).toList();
        try {
            numbers.insertMany(docs, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            for (var error : e.getWriteErrors()) {
                if (com.mongodb.ErrorCategory.fromErrorCode(error.getCode()) != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                held.add(wanted.get(error.getIndex()));
            }
        }
        return held;
    }

    /** Gives back numbers this meeting reserved, in one write. */
    public void releaseAll(String bodyId, int year, java.util.Collection<Integer> reserved, String meetingId) {
        if (!reserved.isEmpty()) {
            numbers.deleteMany(Filters.and(Filters.in("_id", reserved.stream().map(n -> key(bodyId, year, n)).toList()),
                    Filters.eq("meetingId", meetingId)));
        }
    }

    /** Gives a number back when the meeting write that wanted it did not happen. */
    public void release(String bodyId, int year, int number, String meetingId) {
        numbers.deleteOne(Filters.and(Filters.eq("_id", key(bodyId, year, number)), Filters.eq("meetingId", meetingId)));
    }
}
