package se.radhus.meetings.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.common.store.Pages;
import se.radhus.common.store.VersionedCollection;
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

    private final VersionedCollection<Meeting> meetings;
    private final MongoCollection<Document> fields;

    public MeetingStore(MongoDatabase database) {
        this(database, 0);
    }

    /**
     * @param readCacheSize how many decoded meetings to keep between reads (0: none); each read still asks
     *                      the store for the meeting's version, and decodes it again when it changed
     */
    @org.springframework.beans.factory.annotation.Autowired
    public MeetingStore(MongoDatabase database,
                        @org.springframework.beans.factory.annotation.Value("${radhus.store.meetings-read-cache}") int readCacheSize) {
        this.meetings = new VersionedCollection<>(database, "meetings", Meeting.class, Meeting::id, readCacheSize);
        this.fields = database.getCollection("meetings");
        fields.createIndex(Indexes.ascending("bodyId", "date"));
        fields.createIndex(Indexes.ascending("paragraphs.caseNumber"));
    }

    /** @return false when the meeting exists already */
    public boolean insert(Meeting m) {
        return meetings.insertIfAbsent(m);
    }

    public Optional<Versioned> find(String id) {
        return meetings.find(id).map(MeetingStore::versioned);
    }

    private static Versioned versioned(VersionedCollection.Versioned<Meeting> v) {
        return new Versioned(v.value(), v.version());
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
        // Anything public stays marked until the publisher has carried it to the log at this version.
        boolean pending = publish || m.paragraphs().stream().anyMatch(m::isPublic);
        Document set = new Document("publishPending", pending);
        if (extra != null) {
            set.putAll(extra);
        }
        OptionalLong written = meetings.tryReplaceIfVersion(m, expectedVersion, set);
        return written.isPresent() ? Optional.of(written.getAsLong()) : Optional.empty();
    }

    /** The store-side fields about effects: {@code effectStates} and {@code draftReservations}. */
    public Document effectFields(String id) {
        Document d = fields.find(Filters.eq("_id", id))
                .projection(com.mongodb.client.model.Projections.include("effectStates", "draftReservations", "reviewStates")).first();
        return d == null ? new Document() : d;
    }

    /** Records how one effect stands; the protocol itself does not change. */
    public void setEffectState(String meetingId, String effectId, Document state) {
        meetings.setFields(meetingId, Updates.set("effectStates." + effectId, state));
    }

    /**
     * Records how the review of one effect stands (its decision was annulled); pending ones mark the meeting
     * for the dispatcher, in the same write.
     */
    public void setReviewState(String meetingId, String effectId, Document state) {
        var set = Updates.set("reviewStates." + effectId, state);
        meetings.setFields(meetingId, "PENDING".equals(state.getString("state"))
                ? Updates.combine(set, Updates.set("effectsPending", true)) : set);
    }

    /** Meetings whose adjusted effects are not all carried out. */
    public List<Versioned> withPendingEffects(int limit) {
        return meetings.listVersioned(Filters.eq("effectsPending", true), limit).stream().map(MeetingStore::versioned).toList();
    }

    public void effectsSettled(String meetingId) {
        meetings.setFields(meetingId, Updates.set("effectsPending", false));
    }

    public Pages.Page<Meeting> list(String bodyId, int pageSize, String pageToken) {
        Bson filter = bodyId == null || bodyId.isBlank() ? Filters.empty() : Filters.eq("bodyId", bodyId);
        return meetings.page(filter, pageSize, pageToken);
    }

    /**
     * One page of the meetings the public may see: adjusted or posted, or with a paragraph adjusted at once.
     * Chosen by the query, so a page is full and says nothing of the drafts between.
     */
    public Pages.Page<Meeting> listPublic(String bodyId, int pageSize, String pageToken) {
        Bson visible = Filters.or(Filters.in("state", "ADJUSTED", "POSTED"),
                Filters.elemMatch("paragraphs", Filters.gt("adjustedOn", "")));
        Bson filter = bodyId == null || bodyId.isBlank() ? visible : Filters.and(Filters.eq("bodyId", bodyId), visible);
        return meetings.page(filter, pageSize, pageToken);
    }

    /** The id of a meeting of the body later in the same year than {@code date} that already has § numbers, if any. */
    public Optional<String> laterWithParagraphs(String bodyId, java.time.LocalDate date) {
        var d = meetings.collection().find(Filters.and(Filters.eq("bodyId", bodyId), Filters.gt("date", date.toString()),
                Filters.lte("date", date.getYear() + "-12-31"), Filters.exists("paragraphs.0")))
                .sort(com.mongodb.client.model.Sorts.ascending("date")).projection(new Document("_id", 1)).first();
        return Optional.ofNullable(d).map(x -> x.getString("_id").getValue());
    }

    /** The meeting of a body on a date, if any. */
    public Optional<Meeting> findByBodyAndDate(String bodyId, String date) {
        return meetings.first(Filters.and(Filters.eq("bodyId", bodyId), Filters.eq("date", date)));
    }

    /** Every meeting with a paragraph about the case, oldest first. */
    public List<Meeting> withCase(Diarienummer number) {
        return meetings.list(Filters.eq("paragraphs.caseNumber", number.toString()), Sorts.ascending("date"), 0);
    }

    /** Meetings whose public decisions wait for the decision log. */
    public List<Versioned> pendingPublication(int limit) {
        return meetings.listVersioned(Filters.eq("publishPending", true), limit).stream().map(MeetingStore::versioned).toList();
    }

    /** Clears the publication mark if the meeting has not changed since it was read. */
    public void publicationDone(String id, long version) {
        fields.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)),
                Updates.set("publishPending", false));
    }

    /** Posted protocols whose notice is up on {@code day}: posted by then, not yet down (the anslagstavla). */
    public List<Meeting> noticesUpOn(java.time.LocalDate day) {
        return meetings.list(Filters.and(Filters.eq("state", "POSTED"), Filters.lte("posting.postedOn", day.toString()),
                Filters.gt("posting.downOn", day.toString())), Sorts.descending("posting.postedOn"), 0);
    }

    /** One page of the posted protocols whose notice was down by {@code day} (the anslagstavla's archive). */
    public Pages.Page<Meeting> noticesDownBy(java.time.LocalDate day, int pageSize, String pageToken) {
        return meetings.page(Filters.and(Filters.eq("state", "POSTED"), Filters.lte("posting.downOn", day.toString())),
                pageSize, pageToken);
    }

    /** Every meeting of a body, in date order (its calendar). */
    public List<Meeting> ofBody(String bodyId) {
        return meetings.list(Filters.eq("bodyId", bodyId), Sorts.ascending("date"), 0);
    }
}
