package se.radhus.micronaut.client;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The one gRPC channel to meetings-service, carrying this service's own token and the current trace (W3C
 * traceparent); its clients share it.
 */
@Singleton
public class MeetingsChannel {

    private final ManagedChannel channel;

    public MeetingsChannel(@Value("${radhus.meetings.grpc}") String target, @Value("${radhus.service}") String service,
                           @Value("${radhus.security.service-token-url}") String tokenUrl,
                           @io.micronaut.core.annotation.Nullable @Value("${radhus.security.service-client-secret:}") String secret,
                           io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry tracing) {
        this.channel = ManagedChannelBuilder.forTarget(target).usePlaintext().intercept(se.radhus.common.security.ServiceIdentity.bearer(
                new se.radhus.common.security.ServiceIdentity.Tokens(service + "-service", tokenUrl, secret)),
                tracing.newClientInterceptor()).build();
    }

    public ManagedChannel channel() {
        return channel;
    }

    @PreDestroy
    void close() {
        channel.shutdownNow();
    }
}
