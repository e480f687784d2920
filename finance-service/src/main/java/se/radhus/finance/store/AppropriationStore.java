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

    /**
     * Appends entries if the appropriation is still as it was read: at {@code read}'s version and with exactly
     * the entries and answered requests it was read with. The condition is the write's own filter, so the
     * server checks it and writes in one atomic step on the one document; funds control decided on what was
     * read, and nothing else is ever written over.
     *
     * <p>The version alone is not enough on the embedded store: it updates a document in place, field by
     * field, while a reader's reply is encoded, so a read can see the new version with the old entries (the
     * lost update that once let 50 commitments through where 49 fit). Both lists only grow, so their lengths
     * name what the read saw.
     *
     * @return false when the appropriation changed since {@code read} (nothing is written then)
     */
    public boolean append(String id, Loaded read, List<Entry> entries, Answered request) {
        var result = appropriations.collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", read.version()),
                Filters.size("entries", read.entries().size()), Filters.size("requests", read.requests().size())),
                Updates.combine(Updates.pushEach("entries", entries.stream().map(AppropriationStore::toDocument).toList()),
                        Updates.push("requests", toDocument(request)), Updates.set("version", read.version() + 1)));
        return result.getMatchedCount() == 1;
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
        if (e.reason() != null) {
            d.append("reason", e.reason());
        }
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
                d.getString("reverses"), d.getBoolean("preCommitment", false), d.getString("reason"));
    }
}
