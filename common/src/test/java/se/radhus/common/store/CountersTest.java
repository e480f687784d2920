package se.radhus.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountersTest {

    @TempDir
    Path dataDir;

    @Test
    void concurrentCallersGetDistinctConsecutiveValues() throws Exception {
        try (MongoConnection c = MongoConnection.open(new MongoSettings("", "counters", dataDir, 0))) {
            MongoCollection<Document> counters = c.database().getCollection("counters");
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<Long>> values = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                values.add(pool.submit(() -> Counters.next(counters, "KS/2024")));
            }
            Set<Long> seen = new HashSet<>();
            for (Future<Long> v : values) {
                seen.add(v.get());
            }
            pool.shutdown();
            assertEquals(300, seen.size());
            assertEquals(1L, seen.stream().mapToLong(Long::longValue).min().orElseThrow());
            assertEquals(300L, seen.stream().mapToLong(Long::longValue).max().orElseThrow());
        }
    }

    @Test
    void atLeastSkipsValuesTakenElsewhereAndNeverGoesBack() throws Exception {
        try (MongoConnection c = MongoConnection.open(new MongoSettings("", "counters2", dataDir, 0))) {
            MongoCollection<Document> counters = c.database().getCollection("counters");
            Counters.atLeast(counters, "KS/2024", 449);
            assertEquals(450, Counters.next(counters, "KS/2024"));
            Counters.atLeast(counters, "KS/2024", 100);
            assertEquals(451, Counters.next(counters, "KS/2024"));
        }
    }
}
