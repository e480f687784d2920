package se.radhus.finance.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Singleton;
import org.bson.Document;
import se.radhus.common.security.AccessPolicy;
import se.radhus.common.store.AuditLog;
import se.radhus.micronaut.PageResponse;

/** The role rules of finance-service, and its audit trail at {@code /api/audit/finance} (admin). */
@Factory
public class SecurityBeans {

    /** Only meetings-service calls this service's gRPC contract. */
    @Singleton
    io.grpc.ServerInterceptor serviceCallers(se.radhus.common.security.JwtVerifier verifier) {
        return se.radhus.common.security.ServiceIdentity.requireCallers(verifier, java.util.Map.of("radhus.finance.v1.FinanceService", java.util.Set.of("meetings-service")));
    }

    @Singleton
    AccessPolicy accessPolicy() {
        return AccessPolicy.finance();
    }

    /** The audit trail. */
    @Controller("/api/audit/finance")
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
