package se.radhus.micronaut.client;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** The one gRPC channel to meetings-service, carrying this service's own token; its clients share it. */
@Singleton
public class MeetingsChannel {

    private final ManagedChannel channel;

    public MeetingsChannel(@Value("${radhus.meetings.grpc}") String target, @Value("${radhus.service}") String service,
                           @Value("${radhus.security.service-token-url}") String tokenUrl,
                           @io.micronaut.core.annotation.Nullable @Value("${radhus.security.service-client-secret:}") String secret) {
        this.channel = ManagedChannelBuilder.forTarget(target).usePlaintext().intercept(se.radhus.common.security.ServiceIdentity.bearer(
                new se.radhus.common.security.ServiceIdentity.Tokens(service + "-service", tokenUrl, secret))).build();
    }

    public ManagedChannel channel() {
        return channel;
    }

    @PreDestroy
    void close() {
        channel.shutdownNow();
    }
}
