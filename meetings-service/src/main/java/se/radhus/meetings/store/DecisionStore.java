package se.radhus.meetings.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import se.radhus.common.store.Pages;

/**
 * Decisions as other services read them: one document per paragraph, keyed
 * {@code <bodyId>/<meetingDate>/<paragraph>}. An adjusted decision carries {@code adjustedSeq}, a number
 * that grows with every justering, so that a watcher can resume after the last one it saw.
 */
@Repository
public class DecisionStore {

    private final MongoCollection<Document> decisions;

    public DecisionStore(MongoDatabase database) {
        this.decisions = database.getCollection("decisions");
        decisions.createIndex(Indexes.ascending("adjustedSeq"));
    }

    public static String key(String bodyId, LocalDate meetingDate, int paragraph) {
        return bodyId + "/" + meetingDate + "/" + paragraph;
    }

    public Optional<Document> find(String bodyId, LocalDate meetingDate, int paragraph) {
        return Optional.ofNullable(decisions.find(Filters.eq("_id", key(bodyId, meetingDate, paragraph))).first());
    }

    public Pages.Page<Document> list(String bodyId, int pageSize, String pageToken) {
        var filter = bodyId == null || bodyId.isEmpty() ? Filters.empty() : Filters.eq("bodyId", bodyId);
        return Pages.list(decisions, filter, pageSize, pageToken, d -> d);
    }

    /** Adjusted decisions with a sequence number above {@code afterSeq}, in sequence order. */
    public List<Document> adjustedAfter(long afterSeq, int limit) {
        return decisions.find(Filters.gt("adjustedSeq", afterSeq))
                .sort(Sorts.ascending("adjustedSeq")).limit(limit).into(new ArrayList<>());
    }
}
