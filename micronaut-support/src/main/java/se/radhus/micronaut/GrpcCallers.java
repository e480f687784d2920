package se.radhus.micronaut;

import io.grpc.ServerInterceptor;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import se.radhus.common.security.TokenVerifier;
import se.radhus.common.security.ServiceIdentity;
import se.radhus.common.store.AuditLog;

/** Which services may call a gRPC service's methods, with every accepted write in the audit trail. */
public final class GrpcCallers {

    private GrpcCallers() {
    }

    /**
     * @param grpcService the full service name, e.g. {@code radhus.finance.v1.FinanceService}
     * @param reads       the methods (simple names) that only read: open to {@code readers}, not audited
     * @param readers     the services that may read
     * @param writers     the services that may call every other method
     */
    public static ServerInterceptor only(TokenVerifier verifier, AuditLog audit, String grpcService, Set<String> reads,
                                         Set<String> readers, Set<String> writers) {
        Map<String, Set<String>> callers = new HashMap<>();
        reads.forEach(m -> callers.put(grpcService + "/" + m, readers));
        callers.put(grpcService, writers);
        return ServiceIdentity.requireCallers(verifier, Map.copyOf(callers), (who, method) -> {
            if (!reads.contains(method.substring(method.lastIndexOf('/') + 1))) {
                audit.record(who.service(), who.roles(), "GRPC", method, 0, null);
            }
        });
    }
}
