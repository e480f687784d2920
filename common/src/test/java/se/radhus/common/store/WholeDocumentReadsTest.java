package se.radhus.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read sees a document as it was before a write or after it, never a mix: MongoDB promises that for a
 * single document, and compare-and-set on {@code version} (and any cache keyed by it) rests on it.
 */
class WholeDocumentReadsTest {

    @TempDir
    Path dataDir;

    @Test
    void aReaderNeverSeesTheNewVersionBesideOldFields() throws Exception {
        try (MongoConnection connection = MongoConnection.open(new MongoSettings("", "whole", dataDir, 0))) {
            MongoCollection<Document> docs = connection.database().getCollection("docs");
            // many fields, so that copying them one by one into the stored object would take a while
            Document first = new Document("_id", "d").append("version", 0L);
            for (int f = 0; f < 200; f++) {
                first.append("f" + f, 0L);
            }
            docs.insertOne(first);

            int writes = 1_500;
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            List<String> mixed = new java.util.concurrent.CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    readers.add(pool.submit(() -> {
                        while (!done.get()) {
                            Document d = docs.find(Filters.eq("_id", "d")).first();
                            long version = d.getLong("version");
                            for (int f = 0; f < 200; f++) {
                                if (d.getLong("f" + f) != version) {
                                    mixed.add("version " + version + " with f" + f + "=" + d.getLong("f" + f));
                                    break;
                                }
                            }
                            reads.incrementAndGet();
                        }
                    }));
                }
                for (long v = 1; v <= writes; v++) {
                    List<org.bson.conversions.Bson> sets = new ArrayList<>();
                    sets.add(Updates.set("version", v));
                    for (int f = 0; f < 200; f++) {
                        sets.add(Updates.set("f" + f, v));
                    }
                    assertEquals(1, docs.updateOne(Filters.eq("_id", "d"), Updates.combine(sets)).getModifiedCount());
                }
                done.set(true);
                for (Future<?> r : readers) {
                    r.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertTrue(reads.get() > 0);
            assertEquals(List.of(), mixed.stream().limit(5).toList(), "reads that mixed two versions of the document");
            assertEquals((long) writes, docs.find().first().getLong("version"));
        }
    }
}
