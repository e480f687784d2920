package se.radhus.finance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;
import se.radhus.common.store.MongoConnection;
import se.radhus.common.store.MongoSettings;
import se.radhus.finance.domain.Appropriation;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.EntryKind;
import se.radhus.finance.domain.FundsControl;
import se.radhus.finance.domain.Ledger;
import se.radhus.finance.domain.LedgerTotals;
import se.radhus.finance.domain.YearAmount;
import se.radhus.finance.service.LedgerService;

/**
 * The ledger as documents on the embedded store: the guarded commit, the repair of a crash between a commit
 * and its entries, the move of an appropriation stored in the old one-document shape, and funds control
 * under concurrent writers (of one process, and of two that share the store).
 */
class AppropriationStoreTest {

    static final LocalDate DAY = LocalDate.of(2024, 5, 21);

    @TempDir
    Path dir;
    MongoConnection mongo;
    AppropriationStore store;
    LedgerService ledger;

    @BeforeEach
    void open() {
        mongo = MongoConnection.open(new MongoSettings("", "finance-store-test", dir, 0));
        store = new AppropriationStore(mongo.database());
        ledger = new LedgerService(store);
        List<Entry> opening = FundsControl.allocate(new ArrayList<>(), posting("open"), 2024, Money.kronor(50_000));
        assertTrue(store.insert(new Appropriation("a", "Anslag", "ks", "SEK"), opening));
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    static FundsControl.Posting posting(String id) {
        return new FundsControl.Posting(id, "k-" + id, Instant.EPOCH, DAY, null, "SEK");
    }

    static LedgerService.Request request(String key, String what) {
        return new LedgerService.Request(key, LedgerService.fingerprint(what), DAY, null);
    }

    LedgerService.Applied reserve(LedgerService service, String key, long kronor) {
        return service.apply("a", request(key, "reserve " + kronor), LedgerService.Scope.holds("h-" + key),
                p -> entries -> FundsControl.reserve(entries, p, "h-" + key, List.of(new YearAmount(2024, Money.kronor(kronor))), false));
    }

    long remaining() {
        return ledger.balance("a", null).get(0).remaining().ore();
    }

    @Test
    void aCommitOnAStaleReadDoesNotLand() {
        AppropriationStore.Loaded first = store.find("a").orElseThrow();
        List<Entry> e1 = FundsControl.commit(first.totals().compact(List.of(), DAY, "SEK"), posting("1"), "h-1",
                List.of(new YearAmount(2024, Money.kronor(30_000))), null, false);
        LedgerTotals t1 = first.totals().copy();
        e1.forEach(t1::add);
        var c = store.commit("a", first, List.of(new AppropriationStore.Effect(new AppropriationStore.Answered("k-1", "f", List.of()), e1)), t1);
        assertTrue(c.isPresent());
        store.complete("a", c.get());
        // a second 30 000 kr decided on the first read fits in 50 000 kr; on the ledger as it is, it does not
        List<Entry> e2 = FundsControl.commit(first.totals().compact(List.of(), DAY, "SEK"), posting("2"), "h-2",
                List.of(new YearAmount(2024, Money.kronor(30_000))), null, false);
        LedgerTotals t2 = first.totals().copy();
        e2.forEach(t2::add);
        assertTrue(store.commit("a", first, List.of(new AppropriationStore.Effect(null, e2)), t2).isEmpty());
        assertEquals(Money.kronor(20_000).ore(), remaining());
        assertEquals(2, store.find("a").orElseThrow().entryCount());
    }

    @Test
    void aCrashBetweenTheCommitAndItsEntriesIsRepairedOnReadAndARetryDoesNotDoubleIt() {
        AppropriationStore.Loaded read = store.find("a").orElseThrow();
        List<Entry> entries = FundsControl.reserve(read.totals().compact(List.of(), DAY, "SEK"), posting("x"), "h-x",
                List.of(new YearAmount(2024, Money.kronor(10_000))), false);
        LedgerTotals totals = read.totals().copy();
        entries.forEach(totals::add);
        // step 1 of 2: the guarded commit; then the process dies before it writes the entries out
        assertTrue(store.commit("a", read, List.of(new AppropriationStore.Effect(new AppropriationStore.Answered("x",
                LedgerService.fingerprint("reserve 10000"), entries.stream().map(Entry::id).toList()), entries)), totals).isPresent());
        assertEquals(0, mongo.database().getCollection("ledger_entries").countDocuments(Filters.eq("id", entries.get(0).id())));
        assertEquals(0, mongo.database().getCollection("ledger_requests").countDocuments());

        // a fresh process on the same store: its first read writes the entries out
        AppropriationStore restarted = new AppropriationStore(mongo.database());
        LedgerService again = new LedgerService(restarted);
        assertEquals(List.of(entries.get(0).id()), again.ledger("a", 1, 10).stream().map(Entry::id).toList());
        assertEquals(Money.kronor(40_000).ore(), again.balance("a", null).get(0).remaining().ore(), "counted once");
        assertTrue(mongo.database().getCollection("appropriations").find(Filters.eq("_id", "a")).first()
                .get("t", Document.class).getList("pending", Document.class).isEmpty(), "nothing left pending");

        // the caller's retry is answered with what the first try wrote, and writes nothing
        var retry = reserve(again, "x", 10_000);
        assertTrue(retry.replayed());
        assertEquals(entries.stream().map(Entry::id).toList(), retry.entries().stream().map(Entry::id).toList());
        assertEquals(Money.kronor(40_000).ore(), again.balance("a", null).get(0).remaining().ore());
        assertEquals(2, again.load("a").entryCount());
        // the same key for another request is refused
        RuleViolation reused = assertThrows(RuleViolation.class, () -> reserve(again, "x", 20_000));
        assertEquals("idempotency-key-reused", reused.rule());
    }

    @Test
    void theStartUpSweepRepairsWhatACrashLeftPending() {
        AppropriationStore.Loaded read = store.find("a").orElseThrow();
        List<Entry> entries = FundsControl.allocate(read.totals().compact(List.of(), DAY, "SEK"), posting("y"), 2024, Money.kronor(5));
        LedgerTotals totals = read.totals().copy();
        entries.forEach(totals::add);
        assertTrue(store.commit("a", read, List.of(new AppropriationStore.Effect(new AppropriationStore.Answered("y", "f",
                entries.stream().map(Entry::id).toList()), entries)), totals).isPresent());
        assertEquals(1, new AppropriationStore(mongo.database()).sweep());
        assertEquals(1, mongo.database().getCollection("ledger_entries").countDocuments(Filters.eq("id", entries.get(0).id())));
        assertEquals(1, mongo.database().getCollection("ledger_requests").countDocuments(Filters.eq("_id", "a|y")));
        assertEquals(0, new AppropriationStore(mongo.database()).sweep(), "nothing more to do");
    }

    @Test
    void anAppropriationInTheOldShapeIsMovedOnItsFirstRead() {
        // the old shape: the whole ledger and every answered request in the appropriation's own document
        var p1 = new FundsControl.Posting("o1", "old-open", Instant.EPOCH, DAY.minusDays(60), null, "SEK");
        List<Entry> old = new ArrayList<>(FundsControl.allocate(new ArrayList<>(), p1, 2024, Money.kronor(100_000)));
        var p2 = new FundsControl.Posting("o2", "old-reserve", Instant.EPOCH, DAY.minusDays(30), null, "SEK");
        old.addAll(FundsControl.reserve(old, p2, "old-hold", List.of(new YearAmount(2024, Money.kronor(60_000))), false));
        var p3 = new FundsControl.Posting("o3", "old-pay", Instant.EPOCH, DAY.minusDays(10), null, "SEK");
        old.addAll(FundsControl.allocate(old, p3, 2025, Money.kronor(7)));
        Document shape = new Document("_id", "old").append("name", "Gammalt").append("ownerBodyId", "ks").append("currency", "SEK")
                .append("entries", old.stream().map(EntryDocuments::toDocument).toList())
                .append("requests", List.of(new Document("key", "old-reserve").append("fingerprint", LedgerService.fingerprint("reserve 60000"))
                        .append("entryIds", List.of(old.get(1).id()))))
                .append("version", 2L);
        mongo.database().getCollection("appropriations").insertOne(shape);

        LedgerService service = new LedgerService(new AppropriationStore(mongo.database()));
        for (LocalDate asOf : new LocalDate[] {null, DAY.minusDays(61), DAY.minusDays(60), DAY.minusDays(31), DAY.minusDays(30), DAY.minusDays(11), DAY}) {
            assertEquals(Ledger.balance(old, asOf, "SEK"), service.balance("old", asOf), "as of " + asOf);
        }
        assertEquals(old, service.ledger("old", 0, 100), "the entries in their order");
        Document moved = mongo.database().getCollection("appropriations").find(Filters.eq("_id", "old")).first();
        assertFalse(moved.containsKey("entries"));
        assertFalse(moved.containsKey("requests"));
        assertEquals(3L, ((Number) moved.get("t", Document.class).get("n")).longValue());

        // an old request's retry is answered as before; its key for another request is refused
        var retry = service.apply("old", new LedgerService.Request("old-reserve", LedgerService.fingerprint("reserve 60000"), DAY, null),
                LedgerService.Scope.holds("old-hold"), p -> e -> {
                    throw new AssertionError("a retry decides nothing");
                });
        assertTrue(retry.replayed());
        assertEquals(List.of(old.get(1)), retry.entries());
        assertThrows(RuleViolation.class, () -> service.apply("old", new LedgerService.Request("old-reserve", "other", DAY, null),
                LedgerService.Scope.none(), p -> e -> List.of()));
        // the old hold is read from its new documents: released in full, and the money is back
        var released = service.apply("old", request("release-old", "release"), LedgerService.Scope.holds("old-hold"),
                p -> e -> FundsControl.release(e, p, "old-hold"));
        assertEquals(EntryKind.RELEASE, released.entries().get(0).kind());
        assertEquals(Money.kronor(60_000), released.entries().get(0).amount());
        assertEquals(Money.kronor(100_000), service.balance("old", null).get(0).remaining());
    }

    @Test
    void concurrentReservationsFromTwoProcessesNeverOvercommit() throws Exception {
        LedgerService other = new LedgerService(new AppropriationStore(mongo.database()));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            LedgerService service = i % 2 == 0 ? ledger : other;
            String key = "c" + i;
            calls.add(pool.submit(() -> {
                try {
                    reserve(service, key, 1_000);
                } catch (FundsControl.InsufficientFunds e) {
                    refused.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : calls) {
            f.get();
        }
        pool.shutdown();
        // 50 000 kr, 1 000 kr each: exactly 50 fit
        assertEquals(110, refused.get());
        assertEquals(0, remaining());
        assertEquals(51, ledger.load("a").entryCount());
        assertEquals(51, mongo.database().getCollection("ledger_entries").countDocuments(Filters.eq("a", "a")));
        assertEquals(Money.kronor(50_000).ore(), ledger.balance("a", null).get(0).reserved().ore());
    }

    @Test
    void aRetryInTheSameBatchOrAfterIsAnsweredOnceAndAnotherRequestUnderItsKeyIsRefused() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<LedgerService.Applied>> same = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            same.add(pool.submit(() -> reserve(ledger, "once", 2_000)));
        }
        List<String> ids = new ArrayList<>();
        for (var f : same) {
            ids.add(f.get().entries().get(0).id());
        }
        pool.shutdown();
        assertEquals(1, ids.stream().distinct().count(), "one entry, however many tries");
        assertEquals(Money.kronor(48_000).ore(), remaining());
        assertEquals(2, ledger.load("a").entryCount());
    }
    @Test
    void theWriterLeavesItsWrittenCommitPendingAndAnotherProcessWritesItOutAgainWithoutDoublingIt() {
        var applied = reserve(ledger, "w", 3_000);
        var db = mongo.database();
        Document t = db.getCollection("appropriations").find(Filters.eq("_id", "a")).first().get("t", Document.class);
        // written out, but not cleared: the next commit replaces it (one guard write fewer per commit)
        assertEquals(1, t.getList("pending", Document.class).size());
        String entryId = applied.entries().get(0).id();
        assertEquals(1, db.getCollection("ledger_entries").countDocuments(Filters.eq("id", entryId)));
        assertEquals(1, db.getCollection("ledger_requests").countDocuments(Filters.eq("_id", "a|w")));
        // this process's reads do not write it again: the guard is unchanged by a read
        assertEquals(Money.kronor(47_000).ore(), remaining());
        assertEquals(t, db.getCollection("appropriations").find(Filters.eq("_id", "a")).first().get("t", Document.class));

        // another process (a replica, or this one restarted) writes it out again, idempotently, and clears it
        LedgerService other = new LedgerService(new AppropriationStore(db));
        assertEquals(Money.kronor(47_000).ore(), other.balance("a", null).get(0).remaining().ore());
        assertTrue(db.getCollection("appropriations").find(Filters.eq("_id", "a")).first().get("t", Document.class)
                .getList("pending", Document.class).isEmpty());
        assertEquals(1, db.getCollection("ledger_entries").countDocuments(Filters.eq("id", entryId)), "one document per entry");
        assertEquals(List.of(entryId), other.holds("a", List.of("h-w")).stream().map(Entry::id).toList(), "the hold names it once");
        assertEquals(2, other.load("a").entryCount());
        // and a retry in either process is answered from the record
        assertTrue(reserve(other, "w", 3_000).replayed());
        assertTrue(reserve(ledger, "w", 3_000).replayed());
        assertEquals(Money.kronor(47_000).ore(), remaining());

        // the next commit by the first writer replaces what was pending with its own effects
        reserve(ledger, "w2", 1_000);
        Document after = db.getCollection("appropriations").find(Filters.eq("_id", "a")).first().get("t", Document.class);
        assertEquals(List.of("w2"), after.getList("pending", Document.class).stream().map(d -> d.getString("key")).toList());
        assertEquals(Money.kronor(46_000).ore(), other.balance("a", null).get(0).remaining().ore());
    }

    @Test
    void manyConcurrentReservationsOnOneAppropriationAllSucceedUntilItIsExhaustedAndRetriesDoNotDouble() throws Exception {
        // 50 000 kr, 100 kr each: exactly 500 fit; 600 keys, each sent twice at once (a client's retry)
        ExecutorService pool = Executors.newFixedThreadPool(64);
        AtomicInteger refused = new AtomicInteger();
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            String key = "m" + (i / 2);
            calls.add(pool.submit(() -> {
                try {
                    return reserve(ledger, key, 100).entries().get(0).id();
                } catch (FundsControl.InsufficientFunds e) {
                    refused.incrementAndGet();
                    return null;
                }
            }));
        }
        java.util.Map<String, java.util.Set<String>> idsByKey = new java.util.HashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            String id = calls.get(i).get(); // no other failure (busy, lost race) reaches a caller
            if (id != null) {
                idsByKey.computeIfAbsent("m" + (i / 2), k -> new java.util.HashSet<>()).add(id);
            }
        }
        pool.shutdown();
        assertEquals(500, idsByKey.size(), "every reservation that fits succeeds");
        assertEquals(200, refused.get(), "both tries of each of the 100 keys that no longer fit are refused");
        assertTrue(idsByKey.values().stream().allMatch(ids -> ids.size() == 1), "a retry is answered with the first try's entry");
        assertEquals(0, remaining(), "exhausted, never below zero");
        assertEquals(Money.kronor(50_000).ore(), ledger.balance("a", null).get(0).reserved().ore());
        var db = mongo.database();
        assertEquals(501, ledger.load("a").entryCount());
        assertEquals(501, db.getCollection("ledger_entries").countDocuments(Filters.eq("a", "a")));
        assertEquals(500, db.getCollection("ledger_requests").countDocuments(), "a record per answered key");
        assertEquals(500 + 1, db.getCollection("ledger_holds").countDocuments(), "a hold per reservation, and the opening's");
        // nothing is left for another
        assertThrows(FundsControl.InsufficientFunds.class, () -> reserve(ledger, "late", 100));
        // the ledger read back from a fresh process says the same
        assertEquals(0, new LedgerService(new AppropriationStore(db)).balance("a", null).get(0).remaining().ore());
    }
    @Test
    void aHoldKeepsEveryEntryOnceWhetherItIsNewOrAlreadyThere() {
        var reserved = reserve(ledger, "r", 4_000);
        var released = ledger.apply("a", request("rel", "release r"), LedgerService.Scope.holds("h-r"),
                p -> e -> FundsControl.release(e, p, "h-r"));
        var db = mongo.database();
        Document hold = db.getCollection("ledger_holds").find(Filters.eq("_id", "a|h-r")).first();
        assertEquals(2, hold.getList("docs", String.class).size(), "the new hold, then the entry added to it");
        assertEquals(List.of(reserved.entries().get(0).id(), released.entries().get(0).id()),
                ledger.holds("a", List.of("h-r")).stream().map(Entry::id).toList());
        // writing the same commit out again (another process's repair) adds nothing
        var t = db.getCollection("appropriations").find(Filters.eq("_id", "a")).first().get("t", Document.class);
        store.complete("a", new AppropriationStore.Commit(((Number) t.get("v")).longValue(), t.getList("pending", Document.class)));
        assertEquals(2, db.getCollection("ledger_holds").find(Filters.eq("_id", "a|h-r")).first().getList("docs", String.class).size());
        assertEquals(Money.kronor(50_000).ore(), remaining());
    }

    /** An appropriation store that counts the reads of guards (what {@link LedgerService#load} does). */
    static final class CountingStore extends AppropriationStore {
        final AtomicInteger guardReads = new AtomicInteger();

        CountingStore(com.mongodb.client.MongoDatabase database) {
            super(database);
        }

        @Override
        public java.util.Optional<Loaded> find(String id) {
            guardReads.incrementAndGet();
            return super.find(id);
        }
    }

    @Test
    void aBatchDecidesOnItsOwnLastCommitAndOnAFreshReadWhenAnotherProcessWroteOrNothingWasWritten() {
        CountingStore counted = new CountingStore(mongo.database());
        LedgerService a = new LedgerService(counted);
        LedgerService b = new LedgerService(new AppropriationStore(mongo.database()));
        reserve(a, "a1", 3_000);
        int afterFirst = counted.guardReads.get();
        reserve(a, "a2", 3_000);
        assertEquals(afterFirst, counted.guardReads.get(), "the second batch reads no guard: it decides on what the first wrote");
        // another process takes nearly all that is left
        reserve(b, "b1", 42_000);
        // on what this process last wrote, 3 000 kr fit (44 000 left); on the ledger as it is (2 000 left), they do not
        assertThrows(FundsControl.InsufficientFunds.class, () -> reserve(a, "a3", 3_000));
        assertTrue(counted.guardReads.get() > afterFirst, "refused only after a fresh read");
        assertEquals(Money.kronor(2_000).ore(), remaining());
        reserve(a, "a4", 2_000);
        // the other process gives 42 000 kr back: this process's last commit says nothing is left, the ledger that they are
        b.apply("a", request("b2", "release b1"), LedgerService.Scope.holds("h-b1"), p -> e -> FundsControl.release(e, p, "h-b1"));
        reserve(a, "a5", 10_000);
        assertEquals(Money.kronor(32_000).ore(), remaining());
        reserve(b, "b3", 30_000);
        reserve(a, "a6", 2_000); // this process's last commit says 32 000 left, the ledger 2 000: exactly what fits
        assertEquals(0, remaining());
        assertThrows(FundsControl.InsufficientFunds.class, () -> reserve(a, "a7", 1));
        assertThrows(FundsControl.InsufficientFunds.class, () -> reserve(b, "b4", 1));
        assertEquals(Money.kronor(50_000).ore(), ledger.balance("a", null).get(0).reserved().ore());
        // a retry of a request answered by the other process is answered from its record, whichever process gets it
        assertTrue(reserve(a, "b3", 30_000).replayed());
        assertEquals(0, remaining());
        assertEquals(9, ledger.load("a").entryCount(), "the opening, seven reservations and one release");
    }
}
