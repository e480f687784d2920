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

    /**
     * Per method, the services that may call it: money moves only for meetings-service, which carries
     * out decisions; balances and the ledger may be read by the other services too. Every accepted write
     * goes to the audit trail.
     */
    @Singleton
    io.grpc.ServerInterceptor serviceCallers(se.radhus.common.security.JwtVerifier verifier, AuditLog audit) {
        return se.radhus.micronaut.GrpcCallers.only(verifier, audit, "radhus.finance.v1.FinanceService",
                java.util.Set.of("GetBalance", "ListLedgerEntries"), java.util.Set.of("meetings-service", "procurement-service"),
                java.util.Set.of("meetings-service"));
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
