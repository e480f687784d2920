package se.radhus.meetings.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.OptionalInt;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;
import se.radhus.common.store.VersionedCollection;

/**
 * The § numbers used per body and year, one document each keyed {@code body/year/number}: the unique key
 * makes a number usable once across all the body's meetings, even when two are written at once.
 */
@Repository
public class ParagraphNumberStore {

    /** One § number in use: by which meeting. */
    public record NumberUse(@BsonId String key, String bodyId, int year, int number, String meetingId) {
    }

    private final VersionedCollection<NumberUse> numbers;

    public ParagraphNumberStore(MongoDatabase database) {
        this.numbers = new VersionedCollection<>(database, "paragraph_numbers", NumberUse.class, NumberUse::key);
        numbers.collection().createIndex(Indexes.ascending("bodyId", "year", "number"));
    }

    static String key(String bodyId, int year, int number) {
        return bodyId + "/" + year + "/" + number;
    }

    public OptionalInt last(String bodyId, int year) {
        var last = numbers.list(Filters.and(Filters.eq("bodyId", bodyId), Filters.eq("year", year)), Sorts.descending("number"), 1);
        return last.isEmpty() ? OptionalInt.empty() : OptionalInt.of(last.get(0).number());
    }

    /** @return false when the number is taken */
    public boolean reserve(String bodyId, int year, int number, String meetingId) {
        return numbers.insertIfAbsent(new NumberUse(key(bodyId, year, number), bodyId, year, number, meetingId));
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
        java.util.List<NumberUse> uses = wanted.stream().map(n -> new NumberUse(key(bodyId, year, n), bodyId, year, n, meetingId)).toList();
        for (int index : numbers.insertAllIfAbsent(uses)) {
            held.add(wanted.get(index));
        }
        return held;
    }

    /** Gives back numbers this meeting reserved, in one write. */
    public void releaseAll(String bodyId, int year, java.util.Collection<Integer> reserved, String meetingId) {
        if (!reserved.isEmpty()) {
            numbers.collection().deleteMany(Filters.and(Filters.in("_id", reserved.stream().map(n -> key(bodyId, year, n)).toList()),
                    Filters.eq("meetingId", meetingId)));
        }
    }

    /** Gives a number back when the meeting write that wanted it did not happen. */
    public void release(String bodyId, int year, int number, String meetingId) {
        numbers.collection().deleteOne(Filters.and(Filters.eq("_id", key(bodyId, year, number)), Filters.eq("meetingId", meetingId)));
    }
}
