package se.radhus.finance.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.LostUpdate;
import se.radhus.common.money.Money;
import se.radhus.common.store.Pages;
import se.radhus.common.store.StoreCodecs;
import se.radhus.common.store.VersionedCollection;
import se.radhus.finance.domain.Appropriation;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.EntryKind;

/**
 * An appropriation and its whole ledger in one document: entries are only ever appended ({@code $push}),
 * together with the request that wrote them, in one write guarded by the document's version. So the
 * ledger, the balances summed from it and the record of answered requests can never disagree, whatever
 * crashes, and concurrent writers to one appropriation are serialised by compare-and-set.
 */
@Singleton
public class AppropriationStore {

    /** An appropriation with its ledger, the answered requests and the version they were read at. */
    public record Loaded(Appropriation appropriation, List<Entry> entries, List<Answered> requests, long version) {
    }

    /** A request already answered: its key, a fingerprint of what it asked, and the entries it wrote. */
    public record Answered(String key, String fingerprint, List<String> entryIds) {
    }

    /** What one document holds: the appropriation, its ledger and the answered requests. */
    record Account(Appropriation appropriation, List<Entry> entries, List<Answered> requests) {
    }

    private final VersionedCollection<Account> appropriations;

    public AppropriationStore(MongoDatabase database) {
        this.appropriations = new VersionedCollection<>(database, "appropriations",
                StoreCodecs.mapped(Account.class, AppropriationStore::toDocument, AppropriationStore::account),
                a -> a.appropriation().id());
    }

    /** @return false when the id is taken */
    public boolean insert(Appropriation a, List<Entry> opening, Answered request) {
        return appropriations.insertIfAbsent(new Account(a, opening, request == null ? List.of() : List.of(request)));
    }

    public Optional<Loaded> find(String id) {
        return appropriations.find(id).map(AppropriationStore::loaded);
    }

    public Pages.Page<Loaded> list(int pageSize, String pageToken) {
        return appropriations.pageVersioned(Filters.empty(), pageSize, pageToken).map(AppropriationStore::loaded);
    }

    /** Appends entries if the appropriation is still at {@code version}; @return false when it is not */
    public boolean append(String id, long version, List<Entry> entries, Answered request) {
        try {
            appropriations.updateIfVersion(id, version, Updates.combine(
                    Updates.pushEach("entries", entries.stream().map(AppropriationStore::toDocument).toList()),
                    Updates.push("requests", toDocument(request))));
            return true;
        } catch (LostUpdate e) {
            return false;
        }
    }

    static Loaded loaded(VersionedCollection.Versioned<Account> v) {
        Account a = v.value();
        return new Loaded(a.appropriation(), a.entries(), a.requests(), v.version());
    }

    static Document toDocument(Account account) {
        Appropriation a = account.appropriation();
        return new Document("_id", a.id()).append("name", a.name()).append("ownerBodyId", a.ownerBodyId())
                .append("currency", a.currency())
                .append("entries", account.entries().stream().map(AppropriationStore::toDocument).toList())
                .append("requests", account.requests().stream().map(AppropriationStore::toDocument).toList());
    }

    static Account account(Document d) {
        Appropriation a = new Appropriation(d.getString("_id"), d.getString("name"), d.getString("ownerBodyId"),
                d.getString("currency"));
        List<Entry> entries = new ArrayList<>();
        for (Document e : d.getList("entries", Document.class, List.of())) {
            entries.add(fromDocument(e));
        }
        List<Answered> requests = new ArrayList<>();
        for (Document r : d.getList("requests", Document.class, List.of())) {
            requests.add(new Answered(r.getString("key"), r.getString("fingerprint"), r.getList("entryIds", String.class)));
        }
        return new Account(a, entries, requests);
    }

    static Document toDocument(Answered r) {
        return new Document("key", r.key()).append("fingerprint", r.fingerprint()).append("entryIds", r.entryIds());
    }

    static Document toDocument(Entry e) {
        Document d = new Document("id", e.id()).append("kind", e.kind().name()).append("year", e.year())
                .append("ore", e.amount().ore()).append("currency", e.amount().currency())
                .append("effectiveDate", e.effectiveDate().toString()).append("recordedAt", e.recordedAt().toString())
                .append("idempotencyKey", e.idempotencyKey()).append("holdId", e.holdId())
                .append("releases", e.releases() == null ? null : e.releases().name()).append("reverses", e.reverses())
                .append("preCommitment", e.preCommitment());
        if (e.decision() != null) {
            d.append("decision", DecisionDocuments.toDocument(e.decision()));
        }
        return d;
    }

    static Entry fromDocument(Document d) {
        DecisionRef ref = DecisionDocuments.fromDocument(d.get("decision", Document.class));
        String releases = d.getString("releases");
        return new Entry(d.getString("id"), EntryKind.valueOf(d.getString("kind")), d.getInteger("year"),
                new Money(((Number) d.get("ore")).longValue(), d.getString("currency")),
                LocalDate.parse(d.getString("effectiveDate")), Instant.parse(d.getString("recordedAt")), ref,
                d.getString("idempotencyKey"), d.getString("holdId"), releases == null ? null : EntryKind.valueOf(releases),
                d.getString("reverses"), d.getBoolean("preCommitment", false));
    }
}
