package se.radhus.procurement.api;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import se.radhus.common.store.AuditLog;

/** The gRPC caller rules of procurement-service (its audit trail: radhus.audit-path). */
@Factory
public class SecurityBeans {

    /**
     * Per method, the services that may call it: decisions are recorded only by meetings-service; reads
     * are open to the other services too. Every accepted write goes to the audit trail.
     */
    @Singleton
    io.grpc.ServerInterceptor serviceCallers(se.radhus.common.security.TokenVerifier verifier, AuditLog audit) {
        return se.radhus.micronaut.GrpcCallers.only(verifier, audit, "radhus.procurement.v1.ProcurementService",
                java.util.Set.of("GetProcurement", "GetContract"), java.util.Set.of("meetings-service", "finance-service"),
                java.util.Set.of("meetings-service"));
    }
}
