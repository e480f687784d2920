package se.radhus.micronaut.client;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.radhus.common.domain.ProtectedNames;
import se.radhus.proto.meetings.v1.ListProtectedPersonsRequest;
import se.radhus.proto.meetings.v1.MeetingsServiceGrpc;

/**
 * Who has a protected identity, as meetings-service says (over gRPC; held in memory for
 * {@value #FRESH_MILLIS} ms, never stored). When meetings-service cannot be asked there is no answer, and
 * the caller fails closed: it hides every name it would have shown the public.
 */
@Singleton
public class ProtectedPersons {

    static final long FRESH_MILLIS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(ProtectedPersons.class);

    private record Answer(ProtectedNames names, long at) {
    }

    private final ManagedChannel channel;
    private final MeetingsServiceGrpc.MeetingsServiceBlockingStub meetings;
    private volatile Answer last;

    @jakarta.inject.Inject
    public ProtectedPersons(@Value("${radhus.meetings.grpc}") String target, @Value("${radhus.service}") String service,
                            @Value("${radhus.security.service-token-url}") String tokenUrl,
                            @io.micronaut.core.annotation.Nullable @Value("${radhus.security.service-client-secret:}") String secret) {
        this(ManagedChannelBuilder.forTarget(target).usePlaintext().intercept(se.radhus.common.security.ServiceIdentity.bearer(
                new se.radhus.common.security.ServiceIdentity.Tokens(service + "-service", tokenUrl, secret))).build());
    }

    public ProtectedPersons(ManagedChannel channel) {
        this.channel = channel;
        this.meetings = MeetingsServiceGrpc.newBlockingStub(channel);
    }

    @PreDestroy
    void close() {
        channel.shutdownNow();
    }

    /** The rules for hiding protected persons, or empty when meetings-service cannot say: hide every name. */
    public Optional<ProtectedNames> current() {
        Answer a = last;
        long now = System.nanoTime();
        if (a != null && now - a.at() < FRESH_MILLIS * 1_000_000) {
            return Optional.of(a.names());
        }
        try {
            var persons = meetings.withDeadlineAfter(2, TimeUnit.SECONDS).listProtectedPersons(ListProtectedPersonsRequest.getDefaultInstance())
                    .getPersonsList().stream()
                    .map(p -> new ProtectedNames.Person(p.getName(), p.getParty().isEmpty() ? null : p.getParty(), p.getProtectedIdentity()))
                    .toList();
            Answer fresh = new Answer(ProtectedNames.of(persons), now);
            last = fresh;
            return Optional.of(fresh.names());
        } catch (StatusRuntimeException e) {
            LOG.warn("meetings-service cannot say who is protected ({}): names are hidden from the public until it answers", e.getStatus());
            last = null;
            return Optional.empty();
        }
    }

    /** A name for the public: itself, or {@value ProtectedNames#SHOWN} when protected or when nobody can say. */
    public String publicName(String name) {
        return current().map(n -> n.name(name)).orElse(name == null ? null : ProtectedNames.SHOWN);
    }

    /** A free text for the public: redacted, or held back when nobody can say who is protected. */
    public String publicText(String text) {
        return current().map(n -> n.publish(text)).orElse(text == null ? null : ProtectedNames.HELD_BACK);
    }
}
