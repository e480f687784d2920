package se.radhus.common.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;
import se.radhus.common.domain.AlreadyExists;
import se.radhus.common.domain.LostUpdate;

/**
 * One aggregate per document, keyed by {@code _id}, with a {@code version} that every write checks and
 * raises: insert-new (a second insert of a key is {@link AlreadyExists}), find, and replace-if-version (a
 * write on a stale read is {@link LostUpdate}). Values go to and from BSON through their codec only; reads
 * decode straight from the bytes the server sent. Fields the aggregate does not name (store-side fields
 * such as an outbox) are kept by every replace.
 */
public final class VersionedCollection<T> {

    /** A value and the version it was read at. */
    public record Versioned<T>(T value, long version) {
    }

    private static final EncoderContext ENCODE = EncoderContext.builder().build();

    private final MongoCollection<RawBsonDocument> reads;
    private final MongoCollection<BsonDocument> writes;
    private final Codec<T> codec;
    private final Function<T, ?> idOf;
    private final Set<String> fields;
    /** Values as last read, by key, each with its version; null: every find reads the whole document. */
    private final java.util.concurrent.ConcurrentHashMap<Object, Versioned<T>> readCache;
    private final int readCacheSize;
    private static final Bson VERSION_ONLY = com.mongodb.client.model.Projections.include("version");

    /** A collection of records (or of anything the store codecs know), keyed by {@code idOf}. */
    public VersionedCollection(MongoDatabase database, String name, Class<T> type, Function<T, ?> idOf) {
        this(database, name, StoreCodecs.of(type), idOf);
    }

    public VersionedCollection(MongoDatabase database, String name, Codec<T> codec, Function<T, ?> idOf) {
        this(database, name, codec, idOf, 0);
    }

    /**
     * As above, keeping up to {@code readCacheSize} decoded values (0: none). A {@link #find} then asks the
     * store for the document's version alone and decodes the whole document only when that version is not
     * the one kept: every find still reads the store, so a write by any process (another replica) is seen
     * at once. For large aggregates that are read far more often than written (a protocol); the values
     * must be immutable.
     */
    public VersionedCollection(MongoDatabase database, String name, Class<T> type, Function<T, ?> idOf, int readCacheSize) {
        this(database, name, StoreCodecs.of(type), idOf, readCacheSize);
    }

    private VersionedCollection(MongoDatabase database, String name, Codec<T> codec, Function<T, ?> idOf, int readCacheSize) {
        if (readCacheSize < 0) {
            throw new IllegalArgumentException("readCacheSize must be 0 or more: " + readCacheSize);
        }
        this.readCacheSize = readCacheSize;
        this.readCache = readCacheSize == 0 ? null : new java.util.concurrent.ConcurrentHashMap<>();
        this.writes = database.getCollection(name, BsonDocument.class).withCodecRegistry(StoreCodecs.REGISTRY);
        this.reads = writes.withDocumentClass(RawBsonDocument.class);
        this.codec = codec;
        this.idOf = idOf;
        Class<T> type = codec.getEncoderClass();
        this.fields = type.isRecord()
                ? Set.of(java.util.Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toArray(String[]::new))
                : Set.of();
    }

    /** The collection itself, for indexes and store-side fields. */
    public MongoCollection<RawBsonDocument> collection() {
        return reads;
    }

    /** @throws AlreadyExists when a document with that key (or another unique key) exists */
    public void insertNew(T value) {
        BsonDocument document = document(value);
        document.put("version", new BsonInt64(1));
        try {
            writes.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new AlreadyExists(String.valueOf(idOf.apply(value)));
            }
            throw e;
        }
    }

    /** Inserts unless a document with that key exists; @return whether it did */
    public boolean insertIfAbsent(T value) {
        try {
            insertNew(value);
            return true;
        } catch (AlreadyExists e) {
            return false;
        }
    }

    /**
     * Inserts many in one unordered write, each at version 1; a value whose key exists already is left as
     * it is (another writer came first). @return the positions in {@code values} that were not inserted
     */
    public java.util.Set<Integer> insertAllIfAbsent(java.util.List<T> values) {
        java.util.Set<Integer> existing = new java.util.TreeSet<>();
        if (values.isEmpty()) {
            return existing;
        }
        java.util.List<BsonDocument> documents = new java.util.ArrayList<>(values.size());
        for (T v : values) {
            BsonDocument d = document(v);
            d.put("version", new BsonInt64(1));
            documents.add(d);
        }
        try {
            writes.insertMany(documents, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            for (var error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(error.getIndex());
            }
        }
        return existing;
    }

    public Optional<Versioned<T>> find(Object id) {
        if (readCache == null) {
            return readWhole(id);
        }
        RawBsonDocument stored = reads.find(Filters.eq("_id", id)).projection(VERSION_ONLY).first();
        if (stored == null) {
            readCache.remove(id);
            return Optional.empty();
        }
        Versioned<T> kept = readCache.get(id);
        if (kept != null && kept.version() == versionOf(stored)) {
            return Optional.of(kept);
        }
        Optional<Versioned<T>> read = readWhole(id);
        read.ifPresent(v -> keep(id, v));
        return read;
    }

    private Optional<Versioned<T>> readWhole(Object id) {
        return Optional.ofNullable(reads.find(Filters.eq("_id", id)).first()).map(this::versioned);
    }

    private void keep(Object id, Versioned<T> value) {
        if (readCache.size() >= readCacheSize && !readCache.containsKey(id)) {
            // bounded: make room by dropping some kept value (any: a dropped one is only read whole again)
            var some = readCache.keySet().iterator();
            if (some.hasNext()) {
                readCache.remove(some.next());
            }
        }
        readCache.put(id, value);
    }

    public Optional<T> findValue(Object id) {
        return Optional.ofNullable(reads.find(Filters.eq("_id", id)).first()).map(this::value);
    }

    /** The first value the filter matches, if any. */
    public Optional<T> first(Bson filter) {
        return Optional.ofNullable(reads.find(filter).first()).map(this::value);
    }

    /** The values the filter matches, in the given order (null: any), at most {@code limit} (0: all). */
    public List<T> list(Bson filter, Bson sort, int limit) {
        var found = reads.find(filter);
        if (sort != null) {
            found = found.sort(sort);
        }
        return found.limit(limit).map(this::value).into(new ArrayList<>());
    }

    /** The values the filter matches with their versions, at most {@code limit}. */
    public List<Versioned<T>> listVersioned(Bson filter, int limit) {
        return reads.find(filter).limit(limit).map(this::versioned).into(new ArrayList<>());
    }

    /** One page of the values the filter matches, by {@code _id} (string keys). */
    public Pages.Page<T> page(Bson filter, int pageSize, String pageToken) {
        return Pages.list(reads, filter, pageSize, pageToken, d -> d.getString("_id").getValue(), this::value);
    }

    /** One page of the values the filter matches with their versions, by {@code _id} (string keys). */
    public Pages.Page<Versioned<T>> pageVersioned(Bson filter, int pageSize, String pageToken) {
        return Pages.list(reads, filter, pageSize, pageToken, d -> d.getString("_id").getValue(), this::versioned);
    }

    /** Replaces the value if it is still at {@code expectedVersion}; @return the new version */
    public long replaceIfVersion(T value, long expectedVersion) {
        return replaceIfVersion(value, expectedVersion, null);
    }

    /**
     * Replaces the value if it is still at {@code expectedVersion}, setting {@code alsoSet}'s store-side fields
     * in the same atomic write.
     *
     * @return the new version
     * @throws LostUpdate when the document is not at that version (or is gone)
     */
    public long replaceIfVersion(T value, long expectedVersion, Bson alsoSet) {
        BsonDocument update = changeTo(value);
        BsonDocument set = update.getDocument("$set");
        set.put("version", new BsonInt64(expectedVersion + 1));
        if (alsoSet != null) {
            set.putAll(alsoSet.toBsonDocument(BsonDocument.class, StoreCodecs.REGISTRY));
        }
        return updateIfVersion(idOf.apply(value), expectedVersion, update);
    }

    /** As {@link #replaceIfVersion(Object, long, Bson)}, with the lost update as an empty answer. */
    public OptionalLong tryReplaceIfVersion(T value, long expectedVersion, Bson alsoSet) {
        try {
            return OptionalLong.of(replaceIfVersion(value, expectedVersion, alsoSet));
        } catch (LostUpdate e) {
            return OptionalLong.empty();
        }
    }

    /** @return false when the value is no longer at {@code expectedVersion} (nothing is written then) */
    public boolean tryReplaceIfVersion(T value, long expectedVersion) {
        return tryReplaceIfVersion(value, expectedVersion, null).isPresent();
    }

    /**
     * Replaces the value if it is still at {@code expectedVersion} and the stored document also matches
     * {@code alsoMatch} (checked by the server in the same atomic write), e.g. that an append-only list still
     * has the length the caller read: on the embedded store a read can carry the new version with older
     * fields, and the version alone would let a write on such a read through.
     *
     * @return false when the document does not match (nothing is written then)
     */
    public boolean tryReplaceIfMatches(T value, long expectedVersion, Bson alsoMatch) {
        BsonDocument update = changeTo(value);
        update.getDocument("$set").put("version", new BsonInt64(expectedVersion + 1));
        var result = writes.updateOne(Filters.and(Filters.eq("_id", idOf.apply(value)), Filters.eq("version", expectedVersion), alsoMatch),
                update);
        return result.getMatchedCount() == 1;
    }

    /** Writes the value whatever version is stored (inserting it if it is new), and raises the version. */
    public void put(T value) {
        BsonDocument update = changeTo(value).append("$inc", new BsonDocument("version", new BsonInt64(1)));
        writes.updateOne(Filters.eq("_id", idOf.apply(value)), update, new UpdateOptions().upsert(true));
    }

    /** The update that makes the stored fields the value's: {@code $set} what it has, {@code $unset} what is null. */
    private BsonDocument changeTo(T value) {
        BsonDocument set = document(value);
        set.remove("_id");
        BsonDocument update = new BsonDocument("$set", set);
        BsonDocument unset = new BsonDocument();
        for (String field : fields) {
            if (!set.containsKey(field)) {
                unset.put(field, BsonNull.VALUE);
            }
        }
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        return update;
    }

    /**
     * Applies an update (such as a {@code $push}) if the document is still at {@code expectedVersion}, and
     * raises the version in the same write.
     *
     * @return the new version
     * @throws LostUpdate when the document is not at that version (or is gone)
     */
    public long updateIfVersion(Object id, long expectedVersion, Bson update) {
        long next = expectedVersion + 1;
        BsonDocument change = update.toBsonDocument(BsonDocument.class, StoreCodecs.REGISTRY);
        if (!change.containsKey("$set") || !change.getDocument("$set").containsKey("version")) {
            change = Updates.combine(change, Updates.set("version", next)).toBsonDocument(BsonDocument.class, StoreCodecs.REGISTRY);
        }
        var result = writes.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion)), change);
        if (result.getMatchedCount() != 1) {
            throw new LostUpdate(String.valueOf(id), expectedVersion);
        }
        return next;
    }

    /** Sets store-side fields of a document without touching its value or version. */
    public void setFields(Object id, Bson update) {
        writes.updateOne(Filters.eq("_id", id), update);
    }

    private Versioned<T> versioned(RawBsonDocument d) {
        return new Versioned<>(value(d), versionOf(d));
    }

    private static long versionOf(RawBsonDocument d) {
        BsonValue version = d.get("version");
        return version == null ? 0 : version.asNumber().longValue();
    }

    /** Straight from the document's bytes (a raw document's {@code asBsonReader} would parse it into a tree first). */
    private T value(RawBsonDocument d) {
        return d.decode(codec);
    }

    /** The value's fields with its key as {@code _id} first. */
    private BsonDocument document(T value) {
        BsonDocument document = new BsonDocument("_id", key(idOf.apply(value)));
        codec.encode(new BsonDocumentWriter(document), value, ENCODE);
        return document;
    }

    private static BsonValue key(Object id) {
        BsonDocument holder = new org.bson.Document("_id", id).toBsonDocument(BsonDocument.class, StoreCodecs.REGISTRY);
        return holder.get("_id");
    }
}
