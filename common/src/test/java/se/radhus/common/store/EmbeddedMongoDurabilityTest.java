package se.radhus.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillNineWriter.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int lastAck = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    lastAck = Integer.parseInt(line.substring(4));
                    if (lastAck >= 300) {
                        break;
                    }
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the store
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "child did not die");
        }
        assertTrue(lastAck >= 300, "child acknowledged only up to " + lastAck);

        try (MongoConnection reopened = MongoConnection.open(new MongoSettings("", "durability", dataDir, 0))) {
            MongoCollection<Document> items = reopened.database().getCollection("items");
            Set<Integer> ids = new HashSet<>();
            items.find().forEach(d -> ids.add(d.getInteger("_id")));
            for (int i = 0; i <= lastAck; i++) {
                assertTrue(ids.contains(i), "acknowledged insert " + i + " was lost");
            }
        }
    }

    @Test
    void dataIsThereAfterAnOrderlyRestart() {
        try (MongoConnection first = MongoConnection.open(new MongoSettings("", "restart", dataDir, 0))) {
            first.database().getCollection("things").insertOne(new Document("_id", "a").append("n", 1));
        }
        try (MongoConnection second = MongoConnection.open(new MongoSettings("", "restart", dataDir, 0))) {
            Document found = second.database().getCollection("things").find(Filters.eq("_id", "a")).first();
            assertEquals(1, found.getInteger("n"));
        }
    }

    @Test
    void guardedFindOneAndUpdateIsAtomicUnderConcurrency() throws Exception {
        try (MongoConnection connection = MongoConnection.open(new MongoSettings("", "atomic", dataDir, 0))) {
            MongoCollection<Document> counters = connection.database().getCollection("counters");
            counters.insertOne(new Document("_id", "c").append("left", 50));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                takes.add(pool.submit(() -> counters.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", "c"), Filters.gte("left", 1)),
                        Updates.inc("left", -1),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)) != null));
            }
            int granted = 0;
            for (Future<Boolean> take : takes) {
                granted += take.get() ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(50, granted);
            assertEquals(0, counters.find().first().getInteger("left"));
        }
    }

    @Test
    void theStoreFileDoesNotGrowWithoutBoundOnRepeatedUpdates() throws Exception {
        try (MongoConnection connection = MongoConnection.open(new MongoSettings("", "growth", dataDir, 0))) {
            MongoCollection<Document> docs = connection.database().getCollection("docs");
            docs.insertOne(new Document("_id", 1).append("n", 0));
            for (int i = 0; i < 2_000; i++) {
                docs.updateOne(Filters.eq("_id", 1), Updates.inc("n", 1));
            }
            long size = Files.size(dataDir.resolve(EmbeddedMongo.FILE_NAME));
            // 2 000 commits at ~40 KB each would be ~80 MB if old chunks were retained.
            assertTrue(size < 16 * 1024 * 1024, "store file is " + size + " bytes after 2 000 updates");
        }
    }

    @Test
    void passwordsAreRedactedFromConnectionStringsInLogs() {
        assertEquals("mongodb://radhus:****@mongo-0.mongo:27017/?replicaSet=rs0",
                MongoConnection.redact("mongodb://radhus:s3cr3t@mongo-0.mongo:27017/?replicaSet=rs0"));
        assertEquals("mongodb://localhost:27017", MongoConnection.redact("mongodb://localhost:27017"));
    }
}
