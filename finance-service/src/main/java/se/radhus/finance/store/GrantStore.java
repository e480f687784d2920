package se.radhus.finance.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.money.Money;
import se.radhus.common.store.Pages;
import se.radhus.common.store.StoreCodecs;
import se.radhus.common.store.VersionedCollection;
import se.radhus.finance.domain.Grant;
import se.radhus.finance.domain.YearAmount;

/** Grants in the {@code grants} collection; a change is compare-and-set on {@code version}. */
@Singleton
public class GrantStore {

    /** A grant and the version it was read at. */
    public record Versioned(Grant grant, long version) {
    }

    private final VersionedCollection<Grant> grants;

    public GrantStore(MongoDatabase database) {
        this.grants = new VersionedCollection<>(database, "grants",
                StoreCodecs.mapped(Grant.class, GrantStore::toDocument, GrantStore::fromDocument), Grant::id);
        grants.collection().createIndex(com.mongodb.client.model.Indexes.ascending("appropriationId"));
    }

    /** @return false when the id is taken */
    public boolean insert(Grant g) {
        return grants.insertIfAbsent(g);
    }

    public Optional<Versioned> find(String id) {
        return grants.find(id).map(v -> new Versioned(v.value(), v.version()));
    }

    /** @return false when the grant is no longer at {@code version} */
    public boolean replace(Grant g, long version) {
        return grants.tryReplaceIfVersion(g, version);
    }

    /** A page of grants; {@code publicOnly}: those the public sees ({@link Grant#visibleToPublic()}), chosen by the query so pages are full. */
    public Pages.Page<Grant> list(String appropriationId, boolean publicOnly, int pageSize, String pageToken) {
        Bson filter = appropriationId == null || appropriationId.isBlank() ? Filters.empty() : Filters.eq("appropriationId", appropriationId);
        if (publicOnly) {
            filter = Filters.and(filter, Filters.or(Filters.eq("decided", true),
                    Filters.and(Filters.exists("decided", false), Filters.ne("status", Grant.Status.RESERVED.name()))));
        }
        return grants.page(filter, pageSize, pageToken);
    }

    static Document toDocument(Grant g) {
        Document d = new Document("_id", g.id()).append("appropriationId", g.appropriationId()).append("purpose", g.purpose())
                .append("condition", g.condition()).append("conditionStatus", g.conditionStatus().name())
                .append("status", g.status().name())
                .append("recipients", g.recipients().stream().map(r -> new Document("name", r.name())
                        .append("amounts", r.amounts().stream().map(a -> new Document("year", a.year())
                                .append("ore", a.amount().ore()).append("currency", a.amount().currency())).toList())).toList());
        return d.append("decision", DecisionDocuments.toDocument(g.decision()))
                .append("cancellation", DecisionDocuments.toDocument(g.cancellation())).append("decided", g.decided())
                .append("decisionAdjustedOn", g.decisionAdjustedOn() == null ? null : g.decisionAdjustedOn().toString())
                .append("conditionConfirmedOn", g.conditionConfirmedOn() == null ? null : g.conditionConfirmedOn().toString());
    }

    static Grant fromDocument(Document d) {
        DecisionRef ref = DecisionDocuments.fromDocument(d.get("decision", Document.class));
        List<Grant.Recipient> recipients = d.getList("recipients", Document.class, List.of()).stream()
                .map(r -> new Grant.Recipient(r.getString("name"), r.getList("amounts", Document.class).stream()
                        .map(a -> new YearAmount(a.getInteger("year"), new Money(((Number) a.get("ore")).longValue(),
                                a.getString("currency")))).toList())).toList();
        Grant.Status status = Grant.Status.valueOf(d.getString("status"));
        // grants written before "decided" was kept: decided unless still a draft
        boolean decided = d.containsKey("decided") ? d.getBoolean("decided") : status != Grant.Status.RESERVED;
        return new Grant(d.getString("_id"), d.getString("appropriationId"), d.getString("purpose"), recipients,
                d.getString("condition"), Grant.ConditionStatus.valueOf(d.getString("conditionStatus")), status, ref,
                DecisionDocuments.fromDocument(d.get("cancellation", Document.class)), decided, day(d.getString("decisionAdjustedOn")),
                day(d.getString("conditionConfirmedOn")));
    }

    static java.time.LocalDate day(String text) {
        return text == null ? null : java.time.LocalDate.parse(text);
    }
}
