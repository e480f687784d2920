package se.radhus.meetings.client;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.radhus.proto.finance.v1.FinanceServiceGrpc;
import se.radhus.proto.procurement.v1.ProcurementServiceGrpc;

/**
 * The gRPC channels to finance-service and procurement-service (FINANCE_GRPC, PROCUREMENT_GRPC). Each call
 * is observed: it is a span of the current trace and carries the W3C {@code traceparent} in its metadata.
 */
@Component
public class PeerClients implements AutoCloseable {

    private final ManagedChannel finance;
    private final ManagedChannel procurement;

    public PeerClients(@Value("${radhus.finance.grpc}") String financeTarget,
                       @Value("${radhus.procurement.grpc}") String procurementTarget,
                       @Value("${radhus.security.service-token-url}") String tokenUrl,
                       @Value("${radhus.security.service-client-secret:}") String clientSecret,
                       io.opentelemetry.api.OpenTelemetry openTelemetry) {
        var identity = se.radhus.common.security.ServiceIdentity.bearer(
                new se.radhus.common.security.ServiceIdentity.Tokens("meetings-service", tokenUrl, clientSecret));
        // OpenTelemetry's own interceptor, not Micrometer's Observation one: an effect carried out by the
        // scheduled dispatcher runs inside the scheduler's Observation, which Micrometer's interceptor would take
        // as the parent instead of the effect's stored trace (EffectTraces makes that the current context)
        var traced = io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry.create(openTelemetry).newClientInterceptor();
        this.finance = ManagedChannelBuilder.forTarget(financeTarget).usePlaintext().intercept(identity, traced).build();
        this.procurement = ManagedChannelBuilder.forTarget(procurementTarget).usePlaintext().intercept(identity, traced).build();
    }

    public FinanceServiceGrpc.FinanceServiceBlockingStub finance() {
        return FinanceServiceGrpc.newBlockingStub(finance);
    }

    public ProcurementServiceGrpc.ProcurementServiceBlockingStub procurement() {
        return ProcurementServiceGrpc.newBlockingStub(procurement);
    }

    @Override
    public void close() {
        finance.shutdownNow();
        procurement.shutdownNow();
    }
}
