package se.radhus.procurement.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.radhus.common.money.Money;
import se.radhus.common.store.MongoConnection;
import se.radhus.common.store.MongoSettings;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.ProcurementState;

/** The store on the embedded MongoDB-wire store: what the public may see is chosen by the query. */
class ProcurementStoreTest {

    @TempDir
    Path dataDir;

    static Procurement in(String id, ProcurementState state, LocalDate publishedOn) {
        return new Procurement(id, id.toUpperCase(), "Upphandling " + id, "KS-2024/00001", "Umeå kommun", null, List.of(),
                Procurement.Type.CONTRACT, null, null, null, Money.kronor(100_000), null, null, null, null, List.of(), null, null, List.of(),
                false, List.of(), List.of(), state, null, publishedOn, null, List.of(), null, List.of(), null, null, List.of(),
                state == ProcurementState.CANCELLED ? "inga anbud" : null, null);
    }

    @Test
    void thePublicPagesHoldOnlyWhatThePublicMaySeeAndAreFull() {
        try (MongoConnection c = MongoConnection.open(new MongoSettings("", "procurements", dataDir, 0))) {
            ProcurementStore store = new ProcurementStore(c.database());
            List<Procurement> all = new ArrayList<>();
            int n = 0;
            for (ProcurementState state : ProcurementState.values()) {
                // each state twice: interleaved ids, so a page filtered after reading would come back short
                all.add(in("p-" + (n++) + "a", state, state.isPublished() ? LocalDate.of(2024, 2, 20) : null));
                all.add(in("p-" + (n++) + "b", state, state == ProcurementState.CANCELLED ? LocalDate.of(2024, 2, 20) : null));
            }
            all.forEach(p -> assertTrue(store.insert(p)));
            List<String> expected = all.stream().filter(Procurement::visibleToPublic).map(Procurement::id).sorted().toList();
            assertEquals(11, expected.size(), "five published states twice, and the cancelled one published before");

            List<String> seen = new ArrayList<>();
            String token = "";
            do {
                var page = store.listPublic(3, token);
                if (!page.nextPageToken().isEmpty()) {
                    assertEquals(3, page.items().size(), "every page but the last is full");
                }
                page.items().forEach(p -> assertTrue(p.visibleToPublic(), p.id()));
                page.items().forEach(p -> seen.add(p.id()));
                token = page.nextPageToken();
            } while (!token.isEmpty());
            assertEquals(expected, seen);
            assertFalse(seen.contains("p-14a"), "a cancelled procurement never published is not disclosed");
            assertEquals(all.size(), store.list(100, "").items().size());
        }
    }
}
