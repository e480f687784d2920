package se.radhus.procurement.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Singleton;
import org.bson.Document;
import se.radhus.common.security.AccessPolicy;
import se.radhus.common.store.AuditLog;
import se.radhus.micronaut.PageResponse;

/** The role rules of procurement-service, and its audit trail at {@code /api/audit/procurement} (admin). */
@Factory
public class SecurityBeans {

    /**
     * Per method, the services that may call it: decisions are recorded only by meetings-service; reads
     * are open to the other services too. Every accepted write goes to the audit trail.
     */
    @Singleton
    io.grpc.ServerInterceptor serviceCallers(se.radhus.common.security.JwtVerifier verifier, AuditLog audit) {
        return se.radhus.micronaut.GrpcCallers.only(verifier, audit, "radhus.procurement.v1.ProcurementService",
                java.util.Set.of("GetProcurement", "GetContract"), java.util.Set.of("meetings-service", "finance-service"),
                java.util.Set.of("meetings-service"));
    }

    @Singleton
    AccessPolicy accessPolicy() {
        return AccessPolicy.procurement();
    }

    /** The audit trail. */
    @Controller("/api/audit/procurement")
    public static class Audit {
        private final AuditLog audit;

        public Audit(AuditLog audit) {
            this.audit = audit;
        }

        @Get
        public PageResponse<Document> list(@QueryValue(defaultValue = "0") int pageSize, @QueryValue(defaultValue = "") String pageToken) {
            var page = audit.list(pageSize, pageToken);
            return new PageResponse<>(page.items(), page.nextPageToken());
        }
    }
}
