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
        String s = "radhus.finance.v1.FinanceService/";
        var meetings = java.util.Set.of("meetings-service");
        var readers = java.util.Set.of("meetings-service", "procurement-service");
        java.util.Map<String, java.util.Set<String>> callers = java.util.Map.of(
                s + "GetBalance", readers, s + "ListLedgerEntries", readers,
                s + "ReserveFunds", meetings, s + "CommitFunds", meetings, s + "ReleaseFunds", meetings, s + "CreateGrant", meetings,
                "radhus.finance.v1.FinanceService", meetings);
        return se.radhus.common.security.ServiceIdentity.requireCallers(verifier, callers, (who, method) -> {
            if (!method.endsWith("/GetBalance") && !method.endsWith("/ListLedgerEntries")) {
                audit.record(who.service(), who.roles(), "GRPC", method, 0, null);
            }
        });
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
