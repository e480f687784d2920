package se.radhus.finance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.radhus.common.money.Money;
import se.radhus.common.store.MongoConnection;
import se.radhus.common.store.MongoSettings;
import se.radhus.finance.domain.Appropriation;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.FundsControl;
import se.radhus.finance.domain.YearAmount;

/**
 * The ledger's compare-and-set on the embedded store. The store updates a document in place while a
 * reader's reply is being encoded, so a read may carry the new version with the old entries; a write on
 * such a read must not land, or funds control's decision stood on a ledger that was no longer there.
 */
class AppropriationStoreTest {

    @TempDir
    Path dir;
    MongoConnection mongo;
    AppropriationStore store;

    @BeforeEach
    void open() {
        mongo = MongoConnection.open(new MongoSettings("", "finance-store-test", dir, 0));
        store = new AppropriationStore(mongo.database());
        List<Entry> opening = FundsControl.allocate(new ArrayList<>(), posting("open"), 2024, Money.kronor(50_000));
        assertTrue(store.insert(new Appropriation("a", "Anslag", "ks", "SEK"), opening, null));
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    static FundsControl.Posting posting(String id) {
        return new FundsControl.Posting(id, "k-" + id, Instant.EPOCH, LocalDate.of(2024, 5, 21), null, "SEK");
    }

    List<Entry> commit(AppropriationStore.Loaded l, String id) {
        return FundsControl.commit(l.entries(), posting(id), "h-" + id, List.of(new YearAmount(2024, Money.kronor(30_000))), null, false);
    }

    @Test
    void aWriteOnAReadThatSawTheNewVersionWithTheOldEntriesDoesNotLand() {
        AppropriationStore.Loaded first = store.find("a").orElseThrow();
        assertTrue(store.append("a", first, commit(first, "1"), new AppropriationStore.Answered("k-1", "f", List.of())));
        AppropriationStore.Loaded now = store.find("a").orElseThrow();
        assertEquals(first.version() + 1, now.version());
        // a half-updated read: the version already raised, the entries not yet pushed. On those entries a
        // second 30 000 kr fits in 50 000 kr; on the ledger as it is, it does not.
        AppropriationStore.Loaded torn = new AppropriationStore.Loaded(first.appropriation(), first.entries(), first.requests(), now.version());
        assertFalse(store.append("a", torn, commit(torn, "2"), new AppropriationStore.Answered("k-2", "f", List.of())));
        // the same with the requests (a retry that did not see its own key answered)
        AppropriationStore.Loaded tornRequests = new AppropriationStore.Loaded(now.appropriation(), now.entries(), first.requests(), now.version());
        assertFalse(store.append("a", tornRequests, List.of(), new AppropriationStore.Answered("k-1", "f", List.of())));
        assertEquals(now.entries(), store.find("a").orElseThrow().entries(), "nothing written");
        assertEquals(now.version(), store.find("a").orElseThrow().version());
        // a whole read of the current document writes
        assertTrue(store.append("a", now, List.of(), new AppropriationStore.Answered("k-3", "f", List.of())));
        assertEquals(now.version() + 1, store.find("a").orElseThrow().version());
    }
}
