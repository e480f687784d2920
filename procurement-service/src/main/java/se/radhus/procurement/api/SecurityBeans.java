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

    /** Only meetings-service calls this service's gRPC contract. */
    @Singleton
    io.grpc.ServerInterceptor serviceCallers(se.radhus.common.security.JwtVerifier verifier) {
        return se.radhus.common.security.ServiceIdentity.requireCallers(verifier, java.util.Map.of("radhus.procurement.v1.ProcurementService", java.util.Set.of("meetings-service")));
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
