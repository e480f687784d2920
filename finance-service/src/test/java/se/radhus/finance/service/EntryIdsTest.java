package se.radhus.finance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EntryIdsTest {

    @Test
    void idsAreVersion7UuidsThatIncreaseAsTextInTheOrderTheyAreMade() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) { // more than 4 096 in a millisecond: the sequence carries into the time
            ids.add(EntryIds.next());
        }
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0, ids.get(i - 1) + " before " + ids.get(i));
        }
        UUID u = UUID.fromString(ids.get(0));
        assertEquals(7, u.version());
        assertEquals(2, u.variant());
        long millis = u.getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(millis - System.currentTimeMillis()) < 3_600_000, "its time is the clock's: " + millis);
    }

    @Test
    void concurrentCallersNeverGetTheSameId() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            calls.add(pool.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    seen.add(EntryIds.next());
                }
            }));
        }
        for (Future<?> f : calls) {
            f.get();
        }
        pool.shutdown();
        assertEquals(80_000, seen.size());
    }
}
