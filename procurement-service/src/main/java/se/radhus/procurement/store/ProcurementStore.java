package se.radhus.procurement.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bson.conversions.Bson;
import se.radhus.common.store.Pages;
import se.radhus.common.store.VersionedCollection;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.ProcurementState;

/** Procurements, one document each, unique by number, changed by compare-and-set on {@code version}. */
@Singleton
public class ProcurementStore {

    /** A procurement and the version it was read at. */
    public record Versioned(Procurement procurement, long version) {
    }

    private final VersionedCollection<Procurement> procurements;

    public ProcurementStore(MongoDatabase database) {
        this.procurements = new VersionedCollection<>(database, "procurements", Procurement.class, Procurement::id);
        procurements.collection().createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
    }

    /** @return false when the id or the number is taken */
    public boolean insert(Procurement p) {
        return procurements.insertIfAbsent(p);
    }

    public Optional<Versioned> find(String id) {
        return procurements.find(id).map(v -> new Versioned(v.value(), v.version()));
    }

    /**
     * @param read the procurement as it was read (its call-offs, which only grow, are checked with the version:
     *             a half-updated read of the embedded store never overwrites one)
     * @return false when the procurement is no longer as read
     */
    public boolean replace(Procurement p, Procurement read, long version) {
        Bson same = Filters.size("callOffs", read.callOffs().size());
        return procurements.tryReplaceIfMatches(p, version, read.callOffs().isEmpty() ? Filters.or(same, Filters.exists("callOffs", false)) : same);
    }

    public Pages.Page<Procurement> list(int pageSize, String pageToken) {
        return procurements.page(Filters.empty(), pageSize, pageToken);
    }

    /** A page of what the public may see ({@link Procurement#visibleToPublic()}), chosen by the query, so pages are full. */
    public Pages.Page<Procurement> listPublic(int pageSize, String pageToken) {
        return procurements.page(VISIBLE_TO_PUBLIC, pageSize, pageToken);
    }

    /** The states of a published procurement ({@link ProcurementState#isPublished()}). */
    static final Bson PUBLISHED = Filters.in("state", Arrays.stream(ProcurementState.values())
            .filter(ProcurementState::isPublished).map(Enum::name).toList());

    /** {@link Procurement#visibleToPublic()} as a query. */
    static final Bson VISIBLE_TO_PUBLIC = Filters.or(PUBLISHED,
            Filters.and(Filters.eq("state", ProcurementState.CANCELLED.name()), Filters.ne("publishedOn", null)));

    /** Every procurement the public may see (published, or cancelled after it), oldest id first. */
    public List<Procurement> visible() {
        return procurements.list(VISIBLE_TO_PUBLIC, Sorts.ascending("_id"), 0);
    }

    /** Every published procurement (for OCDS), oldest id first. */
    public List<Procurement> published() {
        return procurements.list(PUBLISHED, Sorts.ascending("_id"), 0);
    }
}
