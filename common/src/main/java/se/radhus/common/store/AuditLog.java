package se.radhus.common.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;

/**
 * Every write a service accepts, appended (never changed): who, when, what, and the request id that ties
 * it to the gateway's and the services' logs. Readable by admin.
 *
 * <p>A record is written before {@link #record} returns (the write it audits goes on only after). Records
 * made at the same time are written together, one insert for many ({@link GroupCommit}): each call still
 * waits for its own record to be stored.
 */
public final class AuditLog {

    /** Records written at most in one insert. */
    static final int MAX_BATCH = 256;

    private final MongoCollection<Document> audit;
    private final GroupCommit<Document> writes;

    public AuditLog(MongoDatabase database) {
        this.audit = database.getCollection("audit");
        this.writes = new GroupCommit<>(MAX_BATCH, 4, records -> audit.insertMany(records, new InsertManyOptions().ordered(false)));
    }

    public void record(String subject, Set<String> roles, String method, String path, int status, String requestId) {
        // ids sort by time: the timestamp first, then a random part
        String id = Instant.now().toString() + "-" + UUID.randomUUID().toString().substring(0, 8);
        writes.submit(new Document("_id", id).append("at", Instant.now().toString()).append("subject", subject)
                .append("roles", roles.stream().sorted().toList()).append("method", method).append("path", path)
                .append("status", status).append("requestId", requestId));
    }

    public Pages.Page<Document> list(int pageSize, String pageToken) {
        return Pages.list(audit, Filters.empty(), pageSize, pageToken, d -> d);
    }
}
