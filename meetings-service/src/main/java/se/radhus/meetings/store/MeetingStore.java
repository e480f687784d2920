package se.radhus.meetings.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.common.store.Pages;
import se.radhus.meetings.domain.Meeting;

/**
 * Meetings, each with its whole protocol in one document, so that every change of a protocol — and the
 * justering with everything it sets off — is one atomic write. Writes are compare-and-set on
 * {@code version}: a writer that read an older version loses and must read again.
 */
@Repository
public class MeetingStore {

    /** A meeting and the version it was read at (its ETag). */
    public record Versioned(Meeting meeting, long version) {
    }

    private final MongoCollection<Document> meetings;

    public MeetingStore(MongoDatabase database) {
        this.meetings = database.getCollection("meetings");
        meetings.createIndex(Indexes.ascending("bodyId", "date"));
        meetings.createIndex(Indexes.ascending("paragraphs.caseNumber"));
    }

    static Document toDocument(Meeting m, long version, boolean publishPending) {
        return DocumentCodec.toDocument(m).append("_id", m.id()).append("version", version)
                .append("publishPending", publishPending);
    }

    public boolean insert(Meeting m) {
        return Inserts.insertNew(meetings, toDocument(m, 1, false));
    }

    public Optional<Versioned> find(String id) {
        return Optional.ofNullable(meetings.find(Filters.eq("_id", id)).first()).map(MeetingStore::versioned);
    }

    static Versioned versioned(Document d) {
        return new Versioned(DocumentCodec.fromDocument(d, Meeting.class), ((Number) d.get("version")).longValue());
    }

    /**
     * Replaces the meeting if it is still at {@code expectedVersion}.
     *
     * @param publish mark the meeting's public decisions for publication in the decision log
     * @return the new version, or empty when someone else wrote first
     */
    public Optional<Long> replace(Meeting m, long expectedVersion, boolean publish) {
        return replace(m, expectedVersion, publish, null);
    }

    /**
     * Writes the meeting if it is still at {@code expectedVersion}, with {@code extra} store fields (the
     * effects' outbox, draft reservations) in the same atomic write. Fields it does not name are kept.
     */
    public Optional<Long> replace(Meeting m, long expectedVersion, boolean publish, Document extra) {
        long next = expectedVersion + 1;
        // Anything public stays marked until the publisher has carried it to the log at this version.
        boolean pending = publish || m.paragraphs().stream().anyMatch(m::isPublic);
        Document set = toDocument(m, next, pending);
        set.remove("_id");
        if (extra != null) {
            set.putAll(extra);
        }
        var result = meetings.updateOne(Filters.and(Filters.eq("_id", m.id()), Filters.eq("version", expectedVersion)),
                new Document("$set", set));
        return result.getMatchedCount() == 1 ? Optional.of(next) : Optional.empty();
    }

    /** The store-side fields about effects: {@code effectStates} and {@code draftReservations}. */
    public Document effectFields(String id) {
        Document d = meetings.find(Filters.eq("_id", id))
                .projection(com.mongodb.client.model.Projections.include("effectStates", "draftReservations")).first();
        return d == null ? new Document() : d;
    }

    /** Records how one effect stands; the protocol itself does not change. */
    public void setEffectState(String meetingId, String effectId, Document state) {
        meetings.updateOne(Filters.eq("_id", meetingId), Updates.set("effectStates." + effectId, state));
    }

    /** Meetings whose adjusted effects are not all carried out. */
    public List<Versioned> withPendingEffects(int limit) {
        return meetings.find(Filters.eq("effectsPending", true)).limit(limit).map(MeetingStore::versioned).into(new ArrayList<>());
    }

    public void effectsSettled(String meetingId) {
        meetings.updateOne(Filters.eq("_id", meetingId), Updates.set("effectsPending", false));
    }

    public Pages.Page<Meeting> list(String bodyId, int pageSize, String pageToken) {
        Bson filter = bodyId == null || bodyId.isBlank() ? Filters.empty() : Filters.eq("bodyId", bodyId);
        return Pages.list(meetings, filter, pageSize, pageToken, d -> DocumentCodec.fromDocument(d, Meeting.class));
    }

    /** The meeting of a body on a date, if any. */
    /** The id of a meeting of the body later in the same year than {@code date} that already has § numbers, if any. */
    public Optional<String> laterWithParagraphs(String bodyId, java.time.LocalDate date) {
        Document d = meetings.find(Filters.and(Filters.eq("bodyId", bodyId), Filters.gt("date", date.toString()),
                Filters.lte("date", date.getYear() + "-12-31"), Filters.exists("paragraphs.0"))).sort(Sorts.ascending("date"))
                .projection(new Document("_id", 1)).first();
        return Optional.ofNullable(d).map(x -> x.getString("_id"));
    }

    public Optional<Meeting> findByBodyAndDate(String bodyId, String date) {
        return Optional.ofNullable(meetings.find(Filters.and(Filters.eq("bodyId", bodyId), Filters.eq("date", date))).first())
                .map(d -> DocumentCodec.fromDocument(d, Meeting.class));
    }

    /** Every meeting with a paragraph about the case, oldest first. */
    public List<Meeting> withCase(Diarienummer number) {
        return meetings.find(Filters.eq("paragraphs.caseNumber", number.toString())).sort(Sorts.ascending("date"))
                .map(d -> DocumentCodec.fromDocument(d, Meeting.class)).into(new ArrayList<>());
    }

    /** Meetings whose public decisions wait for the decision log. */
    public List<Versioned> pendingPublication(int limit) {
        return meetings.find(Filters.eq("publishPending", true)).limit(limit).map(MeetingStore::versioned)
                .into(new ArrayList<>());
    }

    /** Clears the publication mark if the meeting has not changed since it was read. */
    public void publicationDone(String id, long version) {
        meetings.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)),
                Updates.set("publishPending", false));
    }
}
