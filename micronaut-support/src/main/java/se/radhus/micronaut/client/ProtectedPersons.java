package se.radhus.micronaut.client;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Value;
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
 * {@code radhus.protected-persons.fresh}, 5 s by default, never stored). When meetings-service cannot be asked there is no answer, and
 * the caller fails closed: it hides every name it would have shown the public.
 */
@Singleton
public class ProtectedPersons {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectedPersons.class);

    private record Answer(ProtectedNames names, long at) {
    }

    private final MeetingsServiceGrpc.MeetingsServiceBlockingStub meetings;
    private volatile Answer last;
    private long freshNanos = 5_000_000_000L;

    @jakarta.inject.Inject
    public ProtectedPersons(MeetingsChannel meetings, @Value("${radhus.protected-persons.fresh:5s}") java.time.Duration fresh) {
        this(meetings.channel());
        this.freshNanos = fresh.toNanos();
    }

    public ProtectedPersons(ManagedChannel channel) {
        this.meetings = MeetingsServiceGrpc.newBlockingStub(channel);
    }


    /** The rules for hiding protected persons, or empty when meetings-service cannot say: hide every name. */
    public Optional<ProtectedNames> current() {
        Answer a = last;
        long now = System.nanoTime();
        if (a != null && now - a.at() < freshNanos) {
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

    /** How names and texts are shown to a caller not entitled, asked once for one answer. */
    public Shown forThePublic() {
        return new Shown(current());
    }

    /** Names and texts for the public; with no answer from meetings-service, every name and text is hidden. */
    public record Shown(Optional<ProtectedNames> names) {
        /** A name in a field of its own: itself, or {@value ProtectedNames#SHOWN}. */
        public String name(String name) {
            return name == null ? null : names.map(n -> n.name(name)).orElse(ProtectedNames.SHOWN);
        }

        /** A free text: redacted, or {@link ProtectedNames#HELD_BACK}. */
        public String text(String text) {
            return text == null ? null : names.map(n -> n.publish(text)).orElse(ProtectedNames.HELD_BACK);
        }
    }
}
