package se.radhus.meetings.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import se.radhus.meetings.domain.Appeal;

/**
 * The appeals against each § in the {@code appeals} collection: one document per meeting and §, changed
 * only by a version-guarded write. Appeals sit beside the protocol, which never changes once adjusted.
 */
@Repository
public class AppealStore {

    private static final int ATTEMPTS = 8;
    private final MongoCollection<Document> appeals;

    public AppealStore(MongoDatabase database) {
        this.appeals = database.getCollection("appeals");
    }

    static String key(String meetingId, int paragraph) {
        return meetingId + "/" + paragraph;
    }

    public List<Appeal> of(String meetingId, int paragraph) {
        Document d = appeals.find(Filters.eq("_id", key(meetingId, paragraph))).first();
        return d == null ? List.of() : read(d);
    }

    /** Every § of a meeting that has appeals, by § number. */
    public Map<Integer, List<Appeal>> ofMeeting(String meetingId) {
        Map<Integer, List<Appeal>> out = new TreeMap<>();
        appeals.find(Filters.eq("meetingId", meetingId)).forEach(d -> out.put(d.getInteger("paragraph"), read(d)));
        return out;
    }

    /** Applies {@code change} to the §'s appeals in one guarded write, retried if another write came first. */
    public List<Appeal> update(String meetingId, int paragraph, UnaryOperator<List<Appeal>> change) {
        String id = key(meetingId, paragraph);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document current = appeals.find(Filters.eq("_id", id)).first();
            List<Appeal> before = current == null ? List.of() : read(current);
            List<Appeal> after = change.apply(before);
            Document next = new Document("_id", id).append("meetingId", meetingId).append("paragraph", paragraph)
                    .append("appeals", after.stream().map(AppealStore::write).toList());
            if (current == null) {
                try {
                    appeals.insertOne(next.append("version", 1L));
                    return after;
                } catch (MongoWriteException e) {
                    if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue;
                }
            }
            long version = current.get("version", Number.class).longValue();
            if (appeals.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)),
                    next.append("version", version + 1)).getModifiedCount() == 1) {
                return after;
            }
        }
        throw new IllegalStateException("the appeals of " + id + " kept changing; try again");
    }

    static Document write(Appeal a) {
        List<Document> js = new ArrayList<>();
        for (Appeal.Judgment j : a.judgments()) {
            js.add(new Document("court", j.court()).append("date", j.date().toString()).append("outcome", j.outcome().name())
                    .append("final", j.isFinal()));
        }
        return new Document("id", a.id()).append("received", a.received().toString()).append("court", a.court())
                .append("caseNumber", a.caseNumber()).append("judgments", js);
    }

    static List<Appeal> read(Document d) {
        List<Appeal> out = new ArrayList<>();
        for (Document a : d.getList("appeals", Document.class, List.of())) {
            List<Appeal.Judgment> js = new ArrayList<>();
            for (Document j : a.getList("judgments", Document.class, List.of())) {
                js.add(new Appeal.Judgment(j.getString("court"), LocalDate.parse(j.getString("date")),
                        Appeal.Outcome.valueOf(j.getString("outcome")), j.getBoolean("final", false)));
            }
            out.add(new Appeal(a.getString("id"), LocalDate.parse(a.getString("received")), a.getString("court"),
                    a.getString("caseNumber"), js));
        }
        return out;
    }
}
