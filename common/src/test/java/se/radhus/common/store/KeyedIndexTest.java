package se.radhus.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's unique indexes compare keys as values ({@link KeyedIndex}): what is unique stays
 * unique, lookups find what they did, and an index of a file written by the library's own index kind is
 * moved into the new map when the store opens.
 */
class KeyedIndexTest {

    @TempDir
    Path dir;

    private static boolean duplicate(Runnable write) {
        try {
            write.run();
            return false;
        } catch (MongoWriteException e) {
            return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
    }

    @Test
    void uniqueKeysStayUniqueAndAreFoundAcrossARestart() {
        try (MongoConnection c = MongoConnection.open(new MongoSettings("", "keyed", dir, 0))) {
            MongoCollection<Document> docs = c.database().getCollection("docs");
            docs.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true));
            for (int i = 0; i < 3_000; i++) {
                // strings, longs, a string that spells a number, subdocuments: keys of several kinds side by side
                Object k = switch (i % 4) {
                    case 0 -> "s" + i;
                    case 1 -> (long) i;
                    case 2 -> Integer.toString(i);
                    default -> new Document("n", i).append("t", "x");
                };
                docs.insertOne(new Document("_id", "d" + i).append("k", k));
            }
        }
        try (MongoConnection c = MongoConnection.open(new MongoSettings("", "keyed", dir, 0))) {
            MongoCollection<Document> docs = c.database().getCollection("docs");
            assertEquals("d4", docs.find(Filters.eq("k", "s4")).first().getString("_id"));
            assertEquals("d5", docs.find(Filters.eq("k", 5L)).first().getString("_id"));
            assertEquals("d6", docs.find(Filters.eq("k", "6")).first().getString("_id"));
            assertEquals("d7", docs.find(Filters.eq("k", new Document("n", 7).append("t", "x"))).first().getString("_id"));
            assertEquals(Set.of("d0", "d1", "d2", "d2999"), docs.find(Filters.in("_id", List.of("d0", "d1", "d2", "d2999", "nope")))
                    .into(new ArrayList<>()).stream().map(d -> d.getString("_id")).collect(Collectors.toSet()));
            assertEquals(Set.of("d8", "d9"), docs.find(Filters.in("k", List.of("s8", 9L, "9", 8L)))
                    .into(new ArrayList<>()).stream().map(d -> d.getString("_id")).collect(Collectors.toSet()));
            assertTrue(duplicate(() -> docs.insertOne(new Document("_id", "d0"))), "the same _id again");
            assertTrue(duplicate(() -> docs.insertOne(new Document("_id", "x1").append("k", 1001L))), "the same long again");
            assertTrue(duplicate(() -> docs.insertOne(new Document("_id", "x2").append("k", "s0"))), "the same string again");
            assertTrue(duplicate(() -> docs.insertOne(new Document("_id", "x3").append("k", new Document("n", 3).append("t", "x")))));
            assertTrue(duplicate(() -> docs.updateOne(Filters.eq("_id", "d4"), Updates.set("k", "s0"))), "an update onto a taken key");
            // the same value of another type (or another field order) is another key
            assertFalse(duplicate(() -> docs.insertOne(new Document("_id", "y1").append("k", "1001"))));
            assertFalse(duplicate(() -> docs.insertOne(new Document("_id", "y2").append("k", 0L))));
            assertFalse(duplicate(() -> docs.insertOne(new Document("_id", "y3").append("k", new Document("t", "x").append("n", 3)))));
            // a key given up is free again
            docs.updateOne(Filters.eq("_id", "d4"), Updates.set("k", "moved"));
            assertFalse(duplicate(() -> docs.insertOne(new Document("_id", "y4").append("k", "s4"))));
            assertEquals(3_004, docs.countDocuments());
            // a dropped collection takes its index maps along: the same keys are free in a new one
            docs.drop();
            MongoCollection<Document> again = c.database().getCollection("docs");
            again.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true));
            assertFalse(duplicate(() -> again.insertOne(new Document("_id", "d0").append("k", "s0"))));
        }
        try (MVStore files = new MVStore.Builder().fileName(dir.resolve(EmbeddedMongo.FILE_NAME).toString()).readOnly().open()) {
            assertEquals(Set.of(), files.getMapNames().stream().filter(n -> n.contains("._index_")).collect(Collectors.toSet()));
            assertTrue(files.getMapNames().contains("keyed.docs._keyed_k_1"), String.valueOf(files.getMapNames()));
        }
    }

    @Test
    void anIndexWrittenByTheLibrarysOwnKindIsMovedWhenTheStoreOpens() throws Exception {
        Path file = dir.resolve(EmbeddedMongo.FILE_NAME);
        MVStore legacy = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer server = new MongoServer(new H2Backend(legacy));
        try (var client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> docs = client.getDatabase("old").getCollection("docs");
            docs.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                docs.insertOne(new Document("_id", "d" + i).append("k", "k" + i));
            }
        } finally {
            server.shutdownNow();
        }
        if (!legacy.isClosed()) {
            legacy.close();
        }
        try (MVStore files = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertTrue(files.getMapNames().contains("old.docs._index_k_1"), "written by the library's index: " + files.getMapNames());
        }

        try (MongoConnection c = MongoConnection.open(new MongoSettings("", "old", dir, 0))) {
            MongoCollection<Document> docs = c.database().getCollection("docs");
            assertEquals(500, docs.countDocuments());
            assertEquals("d123", docs.find(Filters.eq("k", "k123")).first().getString("_id"));
            assertEquals("k321", docs.find(Filters.eq("_id", "d321")).first().getString("k"));
            assertTrue(duplicate(() -> docs.insertOne(new Document("_id", "x").append("k", "k7"))), "the moved index still refuses a taken key");
            assertTrue(duplicate(() -> docs.insertOne(new Document("_id", "d7"))), "and the moved _id index a taken id");
            docs.insertOne(new Document("_id", "d500").append("k", "k500"));
            // documents written before read whole, and one changed now is written again in the new form
            assertEquals(new Document("_id", "d42").append("k", "k42"), docs.find(Filters.eq("_id", "d42")).first());
            docs.updateOne(Filters.eq("_id", "d43"), Updates.combine(Updates.set("n", 43L), Updates.set("list", List.of("a", 1))));
        }
        try (MVStore files = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            Set<String> names = files.getMapNames();
            assertFalse(names.contains("old.docs._index_k_1"), String.valueOf(names));
            assertFalse(names.contains("old.docs._index__id_"), String.valueOf(names));
            assertEquals(501, files.openMap("old.docs._keyed_k_1",
                    new org.h2.mvstore.MVMap.Builder<Object, Object>().keyType(new KeyedIndex.KeyType())).size());
        }
        // and the next start finds it moved, with the key written after
        try (MongoConnection c = MongoConnection.open(new MongoSettings("", "old", dir, 0))) {
            assertEquals("d500", c.database().getCollection("docs").find(Filters.eq("k", "k500")).first().getString("_id"));
            assertEquals(new Document("_id", "d43").append("k", "k43").append("n", 43L).append("list", List.of("a", 1)),
                    c.database().getCollection("docs").find(Filters.eq("_id", "d43")).first());
            assertEquals(new Document("_id", "d44").append("k", "k44"), c.database().getCollection("docs").find(Filters.eq("k", "k44")).first());
        }
    }

    /** Equal exactly when H2's own comparison (by the serialised form) says so, and a consistent order. */
    @Property(tries = 400)
    void keysAreEqualExactlyWhenTheirSerialisedFormsAreAndTheOrderIsConsistent(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b,
                                                                                @ForAll("keys") KeyValue c) {
        var keyed = new KeyedIndex.KeyType();
        var bytes = new ObjectDataType();
        assertEquals(bytes.compare(a, b) == 0, keyed.compare(a, b) == 0, a + " and " + b);
        assertEquals(0, keyed.compare(a, new KeyValue(new ArrayList<>(a.stream().toList()))));
        assertEquals(Integer.signum(keyed.compare(a, b)), -Integer.signum(keyed.compare(b, a)));
        if (keyed.compare(a, b) <= 0 && keyed.compare(b, c) <= 0) {
            assertTrue(keyed.compare(a, c) <= 0, a + " <= " + b + " <= " + c);
        }
    }

    @Provide
    Arbitrary<KeyValue> keys() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab1é\u0000").ofMaxLength(3).map(s -> s),
                Arbitraries.longs().between(-3, 3).map(l -> l),
                Arbitraries.integers().between(-3, 3).map(i -> i),
                Arbitraries.doubles().between(-2, 2).ofScale(1).map(d -> d),
                Arbitraries.of(true, false).map(x -> x),
                Combinators.combine(Arbitraries.strings().withChars("ab").ofMaxLength(2), Arbitraries.integers().between(0, 2))
                        .as((s, i) -> (Object) new de.bwaldvogel.mongo.bson.Document("s", s).append("i", i)));
        return value.list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
    }
}
