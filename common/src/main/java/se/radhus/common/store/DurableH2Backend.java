package se.radhus.common.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of the embedded store, made durable and with whole-document reads, as MongoDB has them.
 * <ul>
 * <li>Durable: every command is committed to the file before its reply goes out, so an acknowledged write
 * survives a kill -9 of the process. {@link MVStore#commit()} runs under the store's lock and waits for the
 * file writer, and it writes nothing when nothing changed, so reads stay cheap.</li>
 * <li>Documents and index keys are written to the file as BSON ({@link CompactValues}), not Java-serialised.</li>
 * <li>Unique indexes compare their keys as values ({@link KeyedIndex}); the library's compare them by
 * serialising both keys at every step of a lookup.</li>
 * <li>No torn reads: the library's update copies the new document's fields into the stored document object
 * one by one, while a reader may still be encoding that same object to the wire (queries hand out the
 * stored objects; their encoding runs after the collection's lock is released). A reader could so see a
 * new {@code version} beside old fields. Here an update works on a copy of what it matched, and the stored
 * object is replaced whole, never changed: a reader sees the document before or after a write.</li>
 * </ul>
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;

    DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // A failed multi-document write may have applied part of its work, as on real MongoDB: keep it.
            if (!store.isClosed()) {
                store.commit();
            }
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * H2's database, with collections that replace documents whole. (An inner class: H2Database's
     * constructor opens the existing collections, before a field of this class could be set, and H2Backend's
     * constructor opens the existing databases, before this backend's own fields are set.)
     */
    private final class Database extends H2Database {

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the same maps H2Database opens, so files written before stay readable
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore files = getMvStore();
            return new CopyOnWriteCollection(this, collectionName, options,
                    files.openMap("databases." + namespace, new org.h2.mvstore.MVMap.Builder<Object, Document>().valueType(new CompactValues())),
                    files.openMap("meta." + namespace), cursorRegistry);
        }

        /** Unique indexes whose keys compare as values ({@link KeyedIndex}), not by serialising them. */
        @Override
        protected de.bwaldvogel.mongo.backend.Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                                                   List<de.bwaldvogel.mongo.backend.IndexKey> keys,
                                                                                   boolean sparse) {
            return KeyedIndex.open(getMvStore(), getFullCollectionNamespace(collectionName), indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(KeyedIndex.mapName(getFullCollectionNamespace(collection.getCollectionName()), indexName));
        }
    }

    /** Updates change copies of the matched documents; the stored objects that readers hold never change. */
    static final class CopyOnWriteCollection extends H2Collection {

        private static final ThreadLocal<Boolean> UPDATING = ThreadLocal.withInitial(() -> false);

        CopyOnWriteCollection(MongoDatabase database, String name, CollectionOptions options,
                              org.h2.mvstore.MVMap<Object, Document> data, org.h2.mvstore.MVMap<String, Object> meta,
                              CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                     boolean isMulti, boolean isUpsert, Oplog oplog) {
            return updating(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return updating(() -> super.findAndModify(query));
        }

        private static Document updating(java.util.function.Supplier<Document> write) {
            boolean outer = UPDATING.get();
            UPDATING.set(true);
            try {
                return write.get();
            } finally {
                UPDATING.set(outer);
            }
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                             Document fieldSelector) {
            QueryResult found = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            if (!UPDATING.get()) {
                return found;
            }
            List<Document> copies = new ArrayList<>();
            for (Document d : found) {
                copies.add(d.cloneDeeply());
            }
            return new QueryResult(copies, found.getCursorId());
        }
    }
}
