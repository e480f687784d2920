package se.radhus.micronaut;

import com.mongodb.client.MongoDatabase;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import jakarta.inject.Singleton;
import java.util.Set;
import se.radhus.common.security.Principal;
import se.radhus.common.store.AuditLog;

/** Records every write that succeeded: who, when, what, the request id. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuditTrail {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final AuditLog audit;

    public AuditTrail(AuditLog audit) {
        this.audit = audit;
    }

    @ResponseFilter
    public void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (WRITES.contains(request.getMethodName()) && response.getStatus().getCode() < 300) {
            Principal who = Callers.principal(request);
            audit.record(who.subject(), who.roles(), request.getMethodName(), request.getPath(), response.getStatus().getCode(),
                    request.getHeaders().get(se.radhus.common.api.RequestIds.HEADER));
        }
    }

    /** The audit log bean. */
    @Factory
    public static class Beans {
        @Singleton
        AuditLog auditLog(MongoDatabase database) {
            return new AuditLog(database);
        }
    }
}
