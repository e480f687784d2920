package se.radhus.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** What the embedded store writes to its file reads back as it was: as BSON where that is exact, else as before. */
class CompactValuesTest {

    private static Object roundTrip(ObjectDataType type, Object value) {
        WriteBuffer out = new WriteBuffer();
        type.write(out, value);
        type.write(out, "after"); // the value ends where it should: the next one reads whole
        ByteBuffer in = out.getBuffer();
        in.flip();
        Object read = type.read(in);
        assertEquals("after", type.read(in));
        assertEquals(0, in.remaining());
        return read;
    }

    private static byte tag(Object value) {
        WriteBuffer out = new WriteBuffer();
        new CompactValues().write(out, value);
        return out.getBuffer().get(0);
    }

    /** Equal, and every scalar of the same class (a Long stays a Long, never an Integer or a Double). */
    private static void assertSame(Object expected, Object actual) {
        assertEquals(expected, actual);
        if (expected instanceof Map<?, ?> m) {
            m.forEach((k, v) -> assertSame(v, ((Map<?, ?>) actual).get(k)));
            assertEquals(List.copyOf(m.keySet()), List.copyOf(((Map<?, ?>) actual).keySet()), "the fields in their order");
        } else if (expected instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                assertSame(l.get(i), ((List<?>) actual).get(i));
            }
        } else if (expected instanceof KeyValue k) {
            for (int i = 0; i < k.size(); i++) {
                assertSame(k.get(i), ((KeyValue) actual).get(i));
            }
        } else if (expected != null) {
            assertEquals(expected.getClass(), actual.getClass());
        }
    }

    @Property(tries = 300)
    void documentsAndKeysReadBackAsTheyWere(@ForAll("documents") Document d) {
        assertSame(d, roundTrip(new CompactValues(), d));
        assertSame(d, roundTrip(new KeyedIndex.KeyType(), d));
        if (!d.isEmpty()) {
            KeyValue key = new KeyValue(new ArrayList<>(d.values().stream().limit(3).toList()));
            assertSame(key, roundTrip(new KeyedIndex.KeyType(), key));
        }
    }

    @Test
    void whatBsonDoesNotHoldExactlyIsWrittenAsBefore() {
        Document exact = new Document("_id", "a:000000000001").append("n", 3L).append("i", 4).append("x", 0.5).append("ok", true)
                .append("none", null).append("at", Instant.ofEpochMilli(1_700_000_000_123L)).append("oid", new ObjectId())
                .append("list", List.of("a", 1L, new Document("y", 2)));
        assertEquals(CompactValues.TAG_DOCUMENT, tag(exact));
        assertSame(exact, roundTrip(new CompactValues(), exact));
        for (Object inexact : List.of(UUID.randomUUID(), Instant.ofEpochSecond(1_700_000_000L, 123_456_789), (short) 3, 1.5f,
                new java.math.BigDecimal("1.50"), new java.util.LinkedHashMap<>(Map.of("k", "v")))) {
            Document d = new Document("_id", "b").append("v", inexact);
            assertTrue(tag(d) != CompactValues.TAG_DOCUMENT, "not as BSON: " + inexact.getClass());
            assertSame(d, roundTrip(new CompactValues(), d));
        }
        assertTrue(tag(new Document("a\0b", 1)) != CompactValues.TAG_DOCUMENT, "a field name BSON cannot hold");
        assertEquals(CompactValues.TAG_KEY, tag(new KeyValue("k", 7L)));
        // values of H2's own kinds are written by H2 as before
        for (Object plain : List.<Object>of("text", 42, 42L, 2.5, true)) {
            assertTrue(tag(plain) != CompactValues.TAG_DOCUMENT && tag(plain) != CompactValues.TAG_KEY);
            assertSame(plain, roundTrip(new CompactValues(), plain));
        }
    }

    @Test
    void aDocumentWeighsAboutWhatItIsWrittenIn() {
        // MVStore splits pages and fills its cache by this weight: H2's own type starts at 10 000 bytes and learns from
        // what it serialises; this one from the BSON it writes and reads
        CompactValues type = new CompactValues();
        Document d = new Document("_id", "a:000000000001").append("text", "x".repeat(150)).append("n", 1L);
        for (int i = 0; i < 64; i++) {
            type.write(new WriteBuffer(), d);
        }
        int bson = 4 + (1 + 4 + 4 + 15) + (1 + 5 + 4 + 151) + (1 + 2 + 8) + 1;
        assertTrue(Math.abs(type.getMemory(d) - bson) <= bson / 10, type.getMemory(d) + " for " + bson + " bytes of BSON");
        CompactValues reader = new CompactValues();
        WriteBuffer out = new WriteBuffer();
        for (int i = 0; i < 64; i++) {
            type.write(out, d);
        }
        ByteBuffer in = out.getBuffer();
        in.flip();
        for (int i = 0; i < 64; i++) {
            reader.read(in);
        }
        assertTrue(Math.abs(reader.getMemory(d) - bson) <= bson / 10, "learnt from what it read too: " + reader.getMemory(d));
    }

    @Test
    void whatH2WroteBeforeReadsAsItWas() {
        Document d = new Document("_id", "old").append("n", 1L).append("list", new ArrayList<>(List.of("a", "b")));
        WriteBuffer out = new WriteBuffer();
        new ObjectDataType().write(out, d); // Java serialisation, as every file before
        new ObjectDataType().write(out, new KeyValue("k", 2L));
        ByteBuffer in = out.getBuffer();
        in.flip();
        assertSame(d, new CompactValues().read(in));
        assertSame(new KeyValue("k", 2L), new KeyedIndex.KeyType().read(in));
    }

    @Provide
    Arbitrary<Document> documents() {
        return document(3);
    }

    private Arbitrary<Document> document(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> s),
                Arbitraries.integers().map(i -> i),
                Arbitraries.longs().map(l -> l),
                Arbitraries.doubles().map(x -> x),
                Arbitraries.of(Double.NaN, -0.0, Double.POSITIVE_INFINITY).map(x -> x),
                Arbitraries.of(true, false).map(b -> b),
                Arbitraries.<Object>just(null),
                Arbitraries.longs().between(-62_000_000_000_000L, 250_000_000_000_000L).map(ms -> Instant.ofEpochMilli(ms)),
                Arbitraries.longs().between(0, 2_000_000_000L).map(s -> Instant.ofEpochSecond(s, 1)),
                Arbitraries.create(ObjectId::new).map(o -> o),
                Arbitraries.create(UUID::randomUUID).map(u -> u));
        Arbitrary<Object> value = depth == 0 ? scalar : Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalar),
                net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> document(depth - 1)).map(x -> x)),
                net.jqwik.api.Tuple.of(1, scalar.list().ofMaxSize(4).map(x -> x)));
        return Arbitraries.maps(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(6), value).ofMaxSize(6)
                .map(m -> {
                    Document d = new Document();
                    d.putAll(m);
                    return d;
                });
    }
}
