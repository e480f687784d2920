package se.radhus.finance.api;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import se.radhus.common.store.AuditLog;

/** The gRPC caller rules of finance-service (its audit trail: radhus.audit-path). */
@Factory
public class SecurityBeans {

    /**
     * Per method, the services that may call it: money moves only for meetings-service, which carries
     * out decisions; balances and the ledger may be read by the other services too. Every accepted write
     * goes to the audit trail.
     */
    @Singleton
    io.grpc.ServerInterceptor serviceCallers(se.radhus.common.security.TokenVerifier verifier, AuditLog audit) {
        return se.radhus.micronaut.GrpcCallers.only(verifier, audit, "radhus.finance.v1.FinanceService",
                java.util.Set.of("GetBalance", "ListLedgerEntries"), java.util.Set.of("meetings-service", "procurement-service"),
                java.util.Set.of("meetings-service"));
    }
}
