package se.radhus.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail, written together for callers that record at once: each record stored once, before its call returns. */
class AuditLogTest {

    @TempDir
    Path dataDir;

    @Test
    void concurrentRecordsAreEachStoredOnceBeforeTheirCallReturns() throws Exception {
        try (MongoConnection c = MongoConnection.open(new MongoSettings("", "audit-test", dataDir, 0))) {
            AuditLog audit = new AuditLog(c.database());
            var stored = c.database().getCollection("audit");
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String path = "/api/x/" + i;
                calls.add(pool.submit(() -> {
                    audit.record("svc", Set.of("service", "admin"), "POST", path, 201, "req-" + path);
                    // the record is in the store once record returns
                    assertEquals(1, stored.countDocuments(Filters.eq("path", path)));
                }));
            }
            for (Future<?> f : calls) {
                f.get();
            }
            pool.shutdown();
            assertEquals(400, stored.countDocuments());
            Document one = stored.find(Filters.eq("path", "/api/x/7")).first();
            assertEquals("svc", one.getString("subject"));
            assertEquals(List.of("admin", "service"), one.getList("roles", String.class));
            assertEquals(201, one.getInteger("status"));
            assertEquals("req-/api/x/7", one.getString("requestId"));
        }
    }
}
