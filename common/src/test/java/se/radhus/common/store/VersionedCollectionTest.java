package se.radhus.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.common.domain.AlreadyExists;
import se.radhus.common.domain.LostUpdate;
import se.radhus.common.money.Money;

class VersionedCollectionTest {

    public enum Kind { GRANT, AWARD }

    public record Line(int year, Money amount) {
    }

    public record Thing(String id, String name, LocalDate date, Instant at, Diarienummer caseNumber, BigDecimal points,
                 Kind kind, List<Line> lines, Map<String, Integer> scores, Long optional) {
    }

    @TempDir
    Path dataDir;
    MongoConnection connection;
    VersionedCollection<Thing> things;

    @BeforeEach
    void open() {
        connection = MongoConnection.open(new MongoSettings("", "versioned", dataDir, 0));
        things = new VersionedCollection<>(connection.database(), "things", Thing.class, Thing::id);
    }

    @AfterEach
    void close() {
        connection.close();
    }

    static Thing thing(String id, String name) {
        return new Thing(id, name, LocalDate.of(2024, 5, 21), Instant.parse("2024-05-21T10:15:30.123456Z"),
                Diarienummer.parse("Dnr KS 2024/449"), new BigDecimal("12.3456"), Kind.AWARD,
                List.of(new Line(2024, Money.kronor(150_000)), new Line(2025, Money.sek(1))), Map.of("pris", 7), null);
    }

    @Test
    void aValueComesBackAsItWentInAtVersionOne() {
        things.insertNew(thing("a", "first"));
        var read = things.find("a").orElseThrow();
        assertEquals(thing("a", "first"), read.value());
        assertEquals(1, read.version());
    }

    @Test
    void valuesAreStoredAsTheyAlwaysWere() {
        things.insertNew(thing("a", "first"));
        var raw = things.collection().find(Filters.eq("_id", "a")).first();
        assertEquals("2024-05-21", raw.getString("date").getValue());
        assertEquals("KS-2024/00449", raw.getString("caseNumber").getValue());
        assertEquals("AWARD", raw.getString("kind").getValue());
        assertEquals(15_000_000L, raw.getArray("lines").get(0).asDocument().getDocument("amount").getInt64("ore").getValue());
        assertFalse(raw.containsKey("optional"), "a null is left out");
    }

    @Test
    void aSecondInsertOfTheKeyIsAlreadyExists() {
        things.insertNew(thing("a", "first"));
        AlreadyExists e = assertThrows(AlreadyExists.class, () -> things.insertNew(thing("a", "second")));
        assertEquals("a", e.key());
        assertEquals("first", things.findValue("a").orElseThrow().name());
        assertFalse(things.insertIfAbsent(thing("a", "third")));
        assertTrue(things.insertIfAbsent(thing("b", "other")));
    }

    @Test
    void aReplaceOnAStaleReadIsALostUpdateAndChangesNothing() {
        things.insertNew(thing("a", "first"));
        assertEquals(2, things.replaceIfVersion(thing("a", "second"), 1));
        LostUpdate e = assertThrows(LostUpdate.class, () -> things.replaceIfVersion(thing("a", "stale"), 1));
        assertEquals(1, e.expectedVersion());
        var read = things.find("a").orElseThrow();
        assertEquals("second", read.value().name());
        assertEquals(2, read.version());
        assertThrows(LostUpdate.class, () -> things.replaceIfVersion(thing("missing", "x"), 1));
    }

    @Test
    void aReplaceKeepsStoreSideFieldsAndDropsFieldsThatBecameNull() {
        Thing withOptional = new Thing("a", "first", null, null, null, null, Kind.GRANT, List.of(), Map.of(), 5L);
        things.insertNew(withOptional);
        things.setFields("a", Updates.set("outbox", new Document("e1", "PENDING")));
        things.replaceIfVersion(new Thing("a", "first", null, null, null, null, Kind.GRANT, List.of(), Map.of(), null), 1,
                new Document("extra", true));
        var raw = things.collection().find(Filters.eq("_id", "a")).first();
        assertEquals("PENDING", raw.getDocument("outbox").getString("e1").getValue());
        assertTrue(raw.getBoolean("extra").getValue());
        assertNull(things.findValue("a").orElseThrow().optional());
    }

    @Test
    void anUpdateIfVersionRaisesTheVersionInTheSameWrite() {
        things.insertNew(thing("a", "first"));
        assertEquals(2, things.updateIfVersion("a", 1, Updates.set("name", "renamed")));
        assertEquals("renamed", things.find("a").orElseThrow().value().name());
        assertEquals(2, things.find("a").orElseThrow().version());
        assertThrows(LostUpdate.class, () -> things.updateIfVersion("a", 1, Updates.set("name", "stale")));
    }

    @Test
    void pagesAndQueriesDecodeStraightFromTheStore() {
        for (String id : List.of("c", "a", "b")) {
            things.insertNew(thing(id, "n-" + id));
        }
        var first = things.page(Filters.empty(), 2, "");
        assertEquals(List.of("a", "b"), first.items().stream().map(Thing::id).toList());
        var second = things.page(Filters.empty(), 2, first.nextPageToken());
        assertEquals(List.of("c"), second.items().stream().map(Thing::id).toList());
        assertEquals("", second.nextPageToken());
        assertEquals(List.of("c", "b", "a"), things.list(Filters.empty(), Sorts.descending("_id"), 0).stream().map(Thing::id).toList());
        assertEquals("n-b", things.first(Filters.eq("name", "n-b")).orElseThrow().name());
    }

    public record Hand(String id, long ore) {
    }

    @Test
    void anAggregateMappedByHandGoesThroughItsOwnCodec() {
        var hands = new VersionedCollection<>(connection.database(), "hands",
                StoreCodecs.mapped(Hand.class, h -> new Document("_id", h.id()).append("kronor", h.ore() / 100),
                        d -> new Hand(d.getString("_id"), d.getLong("kronor") * 100)), Hand::id);
        hands.insertNew(new Hand("h", 1500));
        assertEquals(new Hand("h", 1500), hands.findValue("h").orElseThrow());
        assertEquals(15L, hands.collection().find().first().getInt64("kronor").getValue());
    }

    @Test
    void datesAreReadAsTheParserReadsThem() {
        for (String text : List.of("2024-05-21", "1999-12-31", "2024-02-29", "0001-01-01")) {
            assertEquals(LocalDate.parse(text), StoreCodecs.date(text));
        }
        for (String bad : List.of("2023-02-29", "2024-13-01", "2024-5-21", "2024-0a-21", "+2024-05-21")) {
            assertThrows(java.time.format.DateTimeParseException.class, () -> StoreCodecs.date(bad), bad);
        }
    }

    @Test
    void aReadCacheServesTheKeptValueOnlyWhileTheStoredVersionIsTheSame() {
        var cached = new VersionedCollection<>(connection.database(), "things", Thing.class, Thing::id, 2);
        things.insertNew(thing("a", "first"));
        var once = cached.find("a").orElseThrow();
        assertSame(once.value(), cached.find("a").orElseThrow().value(), "an unchanged document is not decoded again");

        // another process (here: another collection object, as another replica would) writes
        things.replaceIfVersion(thing("a", "second"), once.version());
        var after = cached.find("a").orElseThrow();
        assertEquals("second", after.value().name());
        assertEquals(once.version() + 1, after.version());

        // gone from the store: gone from the answer
        connection.database().getCollection("things").deleteOne(Filters.eq("_id", "a"));
        assertTrue(cached.find("a").isEmpty());
    }

    @Test
    void aBoundedReadCacheStillAnswersEveryKeyRight() {
        var cached = new VersionedCollection<>(connection.database(), "things", Thing.class, Thing::id, 2);
        for (int i = 0; i < 6; i++) {
            things.insertNew(thing("k" + i, "name " + i));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 6; i++) {
                assertEquals("name " + i, cached.find("k" + i).orElseThrow().value().name());
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> new VersionedCollection<>(connection.database(), "things", Thing.class, Thing::id, -1));
    }
}
