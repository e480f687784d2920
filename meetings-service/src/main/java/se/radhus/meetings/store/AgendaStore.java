package se.radhus.meetings.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import se.radhus.common.store.Pages;
import se.radhus.common.store.VersionedCollection;
import se.radhus.meetings.domain.Agenda;

/**
 * The agendas (föredragningslistor) and their kallelser, one document per meeting in {@code agendas}, keyed by
 * the meeting's id; writes are compare-and-set on {@code version}.
 */
@Repository
public class AgendaStore {

    /** An agenda and the version it was read at (its ETag). */
    public record VersionedAgenda(Agenda agenda, long version) {
    }

    private final VersionedCollection<Agenda> agendas;

    public AgendaStore(MongoDatabase database) {
        this.agendas = new VersionedCollection<>(database, "agendas", Agenda.class, Agenda::meetingId);
        database.getCollection("agendas").createIndex(Indexes.ascending("bodyId", "meetingDate"));
    }

    public Optional<VersionedAgenda> find(String meetingId) {
        return agendas.find(meetingId).map(v -> new VersionedAgenda(v.value(), v.version()));
    }

    /** @return false when the meeting has an agenda already */
    public boolean insert(Agenda a) {
        return agendas.insertIfAbsent(a);
    }

    /** Replaces the agenda if it is still at {@code expectedVersion}; empty when another writer came first. */
    public Optional<Long> replace(Agenda a, long expectedVersion) {
        var written = agendas.tryReplaceIfVersion(a, expectedVersion, null);
        return written.isPresent() ? Optional.of(written.getAsLong()) : Optional.empty();
    }

    /** The published agendas of these bodies whose meeting is on or after {@code day} and whose kallelse is out by then. */
    public List<Agenda> publishedUpOn(Collection<String> bodyIds, LocalDate day) {
        return agendas.list(Filters.and(Filters.in("bodyId", bodyIds), Filters.lte("kallelse.publishedOn", day.toString()),
                Filters.gte("meetingDate", day.toString())), Sorts.ascending("meetingDate"), 0);
    }

    /** One page of the published agendas of these bodies whose meeting was before {@code day}. */
    public Pages.Page<Agenda> publishedBefore(Collection<String> bodyIds, LocalDate day, int pageSize, String pageToken) {
        return agendas.page(Filters.and(Filters.in("bodyId", bodyIds), Filters.exists("kallelse.publishedOn"),
                Filters.lt("meetingDate", day.toString())), pageSize, pageToken);
    }

    /** The published agendas of a body, by meeting date. */
    public List<Agenda> publishedOf(String bodyId) {
        return agendas.list(Filters.and(Filters.eq("bodyId", bodyId), Filters.exists("kallelse.publishedOn")),
                Sorts.ascending("meetingDate"), 0);
    }

}
