package se.radhus.common.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A unique index of the embedded store whose B-tree compares its keys as values, not as bytes.
 *
 * <p>The H2 backend keeps each index in an {@link MVMap} of {@code KeyValue} (the indexed fields' values) to
 * document position, with H2's generic key type. {@code KeyValue} is not {@link Comparable}, so that type
 * compares two keys by Java-serialising both, on every step of every lookup: an insert checks each of its
 * indexes twice and then puts, some twenty comparisons each in a large collection. Here the keys compare field
 * by field: strings, longs and integers directly, every other value as H2's type orders it (which for the rest
 * falls back to the serialised form, as before). Two keys are equal exactly when they were before (same class
 * and value, or the same serialised form), so what is unique stays unique; only the order of the tree differs,
 * which no query relies on (the index answers equality and {@code $in} lookups, and scans it whole otherwise).
 *
 * <p>Because the order differs, such an index lives in a map of its own name ({@link #mapName}); an index of a
 * file written before is copied into it once when the store opens, and the old map removed only after that
 * (a crash during the copy leaves the old map, and the copy starts over).
 */
final class KeyedIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> map;

    private KeyedIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    /** The map of an index: the backend's own name for it with {@code _index_} replaced by {@code _keyed_}. */
    static String mapName(String collectionNamespace, String indexName) {
        return collectionNamespace + "._keyed_" + indexName;
    }

    /** The map name mongo-java-server's H2 backend gives an index (kept in files written before). */
    static String legacyMapName(String collectionNamespace, String indexName) {
        return collectionNamespace + "._index_" + indexName;
    }

    /** Opens (or creates) the index, moving an index of the backend's own kind into it first. */
    static KeyedIndex open(MVStore store, String collectionNamespace, String indexName, List<IndexKey> keys, boolean sparse) {
        MVMap<KeyValue, Object> map = store.openMap(mapName(collectionNamespace, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyType()));
        String legacy = legacyMapName(collectionNamespace, indexName);
        if (store.hasMap(legacy)) {
            // (again) from the start: the old map is removed only once every key is in the new one
            map.clear();
            MVMap<Object, Object> old = store.openMap(legacy);
            for (Map.Entry<Object, Object> e : old.entrySet()) {
                map.put((KeyValue) e.getKey(), e.getValue());
            }
            store.removeMap(old);
        }
        return new KeyedIndex(map, indexName, keys, sparse);
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(keyValue);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    /**
     * H2's generic type (keys written as {@link CompactValues} writes them), comparing {@code KeyValue}s field by field. Field
     * values of one class compare as themselves; of different classes, or of a class H2 does not know, as
     * {@link ObjectDataType} orders them.
     */
    static final class KeyType extends CompactValues {

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue x && b instanceof KeyValue y) {
                int n = Math.min(x.size(), y.size());
                for (int i = 0; i < n; i++) {
                    int c = value(x.get(i), y.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(x.size(), y.size());
            }
            return super.compare(a, b);
        }

        private int value(Object a, Object b) {
            if (a == b) {
                return 0;
            }
            if (a instanceof String x && b instanceof String y) {
                return x.compareTo(y);
            }
            if (a instanceof Long x && b instanceof Long y) {
                return Long.compare(x, y);
            }
            if (a instanceof Integer x && b instanceof Integer y) {
                return Integer.compare(x, y);
            }
            return super.compare(a, b);
        }
    }
}
