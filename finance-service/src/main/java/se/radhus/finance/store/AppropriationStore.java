package se.radhus.finance.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import se.radhus.common.store.Pages;
import se.radhus.common.store.StoreCodecs;
import se.radhus.common.store.VersionedCollection;
import se.radhus.finance.domain.Appropriation;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.LedgerTotals;

/**
 * An appropriation's ledger as append-only documents, kept consistent without multi-document transactions.
 *
 * <ul>
 *   <li>{@code appropriations}: one document per appropriation, its guard: the running totals per year and
 *       day ({@link LedgerTotals}), the number of entries, and the effects of the last commit not yet known
 *       to be written out ({@code pending}), all in one field {@code t} with its version {@code t.v}. Funds
 *       control commits by one conditional update of this document ({@link #commit}): the version it read,
 *       or nothing is written.</li>
 *   <li>{@code ledger_entries}: one document per entry, {@code _id} = appropriation and number in the ledger
 *       ({@code ks-tillvaxt:000000000042}), its entry id unique ({@code id}).</li>
 *   <li>{@code ledger_holds}: per reservation or commitment (or entry without one), the entries it has: what
 *       funds control reads of a hold, by key.</li>
 *   <li>{@code ledger_requests}: per answered request ({@code appropriation|key}), its fingerprint and entries.</li>
 * </ul>
 *
 * <p>The entries, holds and requests of a commit are written after it ({@link #complete}), each write
 * idempotent (an entry under its number, a hold by {@code $addToSet}, a request under its key). A crash
 * between the two steps leaves them in {@code pending}, and every read of the appropriation ({@link #find})
 * and the start-up sweep ({@link #sweep}) writes them out first; the next commit replaces {@code pending}
 * only after its writer has done so. An appropriation stored in the old shape (one document with every
 * entry and request) is moved to this one on its first read.
 */
@Singleton
public class AppropriationStore {

    /** An appropriation, its totals and the length of its ledger, at the version read. */
    public record Loaded(Appropriation appropriation, LedgerTotals totals, long entryCount, long version) {
    }

    /** A request already answered: its key, a fingerprint of what it asked, and the entries it wrote. */
    public record Answered(String key, String fingerprint, List<String> entryIds) {
    }

    /** What one request does to the ledger: its record (null for an appropriation's opening) and its entries. */
    public record Effect(Answered request, List<Entry> entries) {
    }

    /** A commit that is durable but perhaps not yet written out: the guard's new version and its pending effects. */
    public record Commit(long version, List<Document> pending) {
    }

    private final MongoCollection<Document> appropriations;
    private final VersionedCollection<Document> guards;
    private final VersionedCollection<Document> entries;
    private final MongoCollection<Document> entryDocs;
    private final MongoCollection<Document> holds;
    private final VersionedCollection<Document> requests;
    private final MongoCollection<Document> requestDocs;
    /**
     * Per appropriation, the version whose pending effects this process has written out itself and left in
     * {@code pending} ({@link #writeOut}): its own reads need not write them again. Another process's reads
     * do (every write is idempotent), and the next commit replaces them.
     */
    private final Map<String, Long> writtenOut = new java.util.concurrent.ConcurrentHashMap<>();

    public AppropriationStore(MongoDatabase database) {
        var plain = StoreCodecs.mapped(Document.class, Function.identity(), Function.identity());
        this.appropriations = database.getCollection("appropriations");
        this.guards = new VersionedCollection<>(database, "appropriations", plain, d -> d.get("_id"));
        this.entries = new VersionedCollection<>(database, "ledger_entries", plain, d -> d.get("_id"));
        this.entryDocs = database.getCollection("ledger_entries");
        this.holds = database.getCollection("ledger_holds");
        this.requests = new VersionedCollection<>(database, "ledger_requests", plain, d -> d.get("_id"));
        this.requestDocs = database.getCollection("ledger_requests");
        entryDocs.createIndex(Indexes.ascending("id"), new IndexOptions().unique(true));
    }

    /** Creates the appropriation with its opening entries. @return false when the id is taken */
    public boolean insert(Appropriation a, List<Entry> opening) {
        List<Document> pending = pending(a.id(), 0, List.of(new Effect(null, opening)));
        Document guard = new Document("_id", a.id()).append("name", a.name()).append("ownerBodyId", a.ownerBodyId())
                .append("currency", a.currency()).append("t", state(1, opening.size(), LedgerTotals.of(opening), pending));
        if (!guards.insertIfAbsent(guard)) {
            return false;
        }
        complete(a.id(), new Commit(1, pending));
        return true;
    }

    /** The appropriation, with whatever its last commit left pending written out first (and the old shape moved). */
    public Optional<Loaded> find(String id) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Document d = appropriations.find(Filters.eq("_id", id)).first();
            if (d == null) {
                return Optional.empty();
            }
            if (!d.containsKey("t")) {
                migrate(d);
                continue;
            }
            Document t = d.get("t", Document.class);
            List<Document> pending = t.getList("pending", Document.class, List.of());
            if (!pending.isEmpty() && !writtenHere(id, t)) {
                complete(id, new Commit(number(t.get("v")), pending));
            }
            return Optional.of(loaded(d));
        }
        throw new IllegalStateException("appropriation " + id + " kept changing while it was moved to the new shape");
    }

    public Pages.Page<Loaded> list(int pageSize, String pageToken) {
        return Pages.list(appropriations, Filters.empty(), pageSize, pageToken,
                d -> d.containsKey("t") && (d.get("t", Document.class).getList("pending", Document.class, List.of()).isEmpty()
                        || writtenHere(d.getString("_id"), d.get("t", Document.class)))
                        ? loaded(d) : find(d.getString("_id")).orElseThrow());
    }

    /** Whether this process wrote out the pending effects of the guard's version {@code t} itself. */
    private boolean writtenHere(String id, Document t) {
        Long written = writtenOut.get(id);
        return written != null && written == number(t.get("v"));
    }

    /**
     * Commits the effects if the appropriation is still as {@code read} was: one update of its guard document,
     * conditional on the version (and ledger length) read, that sets the new totals and records the effects as
     * pending. Funds control decided on what was read, so nothing else is ever written over.
     *
     * @param totals the totals with the effects' entries counted
     * @return the commit, to be {@linkplain #complete completed}; empty when the appropriation changed (nothing written)
     */
    public Optional<Commit> commit(String id, Loaded read, List<Effect> effects, LedgerTotals totals) {
        List<Document> pending = pending(id, read.entryCount(), effects);
        long added = effects.stream().mapToLong(e -> e.entries().size()).sum();
        long next = read.version() + 1;
        var result = appropriations.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("t.v", read.version()),
                        Filters.eq("t.n", read.entryCount())),
                Updates.combine(Updates.set("t", state(next, read.entryCount() + added, totals, pending)), Updates.set("version", next)));
        return result.getMatchedCount() == 1 ? Optional.of(new Commit(next, pending)) : Optional.empty();
    }

    /**
     * Writes out a commit's effects: the entries under their numbers, each hold's entries, each request under
     * its key; every write is idempotent, so this may run any number of times, by any number of writers. Then
     * clears {@code pending}, if the guard is still at the commit's version.
     */
    public void complete(String id, Commit c) {
        write(id, c);
        appropriations.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("t.v", c.version())), Updates.set("t.pending", List.of()));
    }

    /**
     * As {@link #complete}, for the writer that just made the commit, without the extra write to clear
     * {@code pending}: the next commit replaces it anyway (one rewrite of the guard fewer per commit). This
     * process's reads know it is written out; another's write it out again, idempotently, and clear it. A
     * crash before or during this leaves what {@link #complete} repairs.
     */
    public void writeOut(String id, Commit c) {
        write(id, c);
        writtenOut.merge(id, c.version(), Math::max);
    }

    private void write(String id, Commit c) {
        List<Document> entryDocuments = new ArrayList<>();
        Map<String, List<String>> byHold = new LinkedHashMap<>();
        List<Document> requestDocuments = new ArrayList<>();
        for (Document effect : c.pending()) {
            for (Document e : effect.getList("entries", Document.class)) {
                entryDocuments.add(e);
                byHold.computeIfAbsent(id + "|" + thread(e), k -> new ArrayList<>()).add(e.getString("_id"));
            }
            if (effect.getString("key") != null) {
                requestDocuments.add(new Document("_id", id + "|" + effect.getString("key")).append("key", effect.getString("key"))
                        .append("fingerprint", effect.getString("fingerprint"))
                        .append("entryIds", effect.getList("entries", Document.class).stream().map(e -> e.getString("id")).toList()));
            }
        }
        entries.insertAllIfAbsent(entryDocuments);
        addToHolds(byHold);
        requests.insertAllIfAbsent(requestDocuments);
    }

    private void addToHolds(Map<String, List<String>> byHold) {
        if (byHold.isEmpty()) {
            return;
        }
        // most holds of a commit are new (a reservation, a commitment): inserted in one write, no lookup first;
        // those that exist already (a key taken) get their entries added by an update
        List<Map.Entry<String, List<String>>> holdList = List.copyOf(byHold.entrySet());
        Set<Integer> existing = new java.util.TreeSet<>();
        try {
            holds.insertMany(holdList.stream().map(h -> new Document("_id", h.getKey()).append("docs", h.getValue())).toList(),
                    new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (var w : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(w.getIndex());
            }
        }
        if (existing.isEmpty()) {
            return;
        }
        Map<String, List<String>> more = new LinkedHashMap<>();
        existing.forEach(i -> more.put(holdList.get(i).getKey(), holdList.get(i).getValue()));
        addToExistingHolds(more);
    }

    private void addToExistingHolds(Map<String, List<String>> byHold) {
        var writes = byHold.entrySet().stream().map(h -> new UpdateOneModel<Document>(Filters.eq("_id", h.getKey()),
                Updates.addEachToSet("docs", h.getValue()), new UpdateOptions().upsert(true))).toList();
        for (int attempt = 0; ; attempt++) {
            try {
                holds.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                return;
            } catch (MongoBulkWriteException e) {
                // two writers upserting one new hold at once: one insert loses on the key; again, it is an update now
                boolean onlyDuplicates = e.getWriteErrors().stream()
                        .allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
                if (!onlyDuplicates || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** The requests among {@code keys} that were answered already. */
    public Map<String, Answered> answered(String id, Collection<String> keys) {
        Map<String, Answered> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        for (Document r : requestDocs.find(Filters.in("_id", keys.stream().map(k -> id + "|" + k).toList()))) {
            out.put(r.getString("key"), new Answered(r.getString("key"), r.getString("fingerprint"), r.getList("entryIds", String.class)));
        }
        return out;
    }

    /** The entries of the appropriation's ledger with these ids, in ledger order (an id not there is left out). */
    public List<Entry> entries(String id, Collection<String> entryIds) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        return sorted(entryDocs.find(Filters.in("id", List.copyOf(new LinkedHashSet<>(entryIds)))).into(new ArrayList<>()), id);
    }

    /** The entry with this id, if the appropriation's ledger has it. */
    public Optional<Entry> entry(String id, String entryId) {
        Document d = entryDocs.find(Filters.eq("id", entryId)).first();
        return d != null && id.equals(d.getString("a")) ? Optional.of(fromDocument(d)) : Optional.empty();
    }

    /**
     * Every entry of these holds (reservations, commitments), and of these entries with what reverses them, in
     * ledger order: what a funds-control operation reads besides the totals.
     */
    public List<Entry> threads(String id, Collection<String> holdIds, Collection<String> entryIds) {
        Set<String> keys = new LinkedHashSet<>();
        holdIds.stream().filter(h -> h != null && !h.isBlank()).forEach(h -> keys.add(id + "|" + h));
        for (String entryId : entryIds) {
            entry(id, entryId).ifPresent(e -> keys.add(id + "|" + thread(e.holdId(), e.reverses(), e.id())));
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> docs = new ArrayList<>();
        holds.find(Filters.in("_id", List.copyOf(keys))).forEach(h -> docs.addAll(h.getList("docs", String.class)));
        if (docs.isEmpty()) {
            return List.of();
        }
        return sorted(entryDocs.find(Filters.in("_id", docs)).into(new ArrayList<>()), id);
    }

    /** Entries {@code from} (0 is the first) to {@code from + count} of the ledger, in order. */
    public List<Entry> ledger(String id, long from, int count) {
        List<String> ids = new ArrayList<>(count);
        for (long n = from; n < from + count; n++) {
            ids.add(docId(id, n));
        }
        return ids.isEmpty() ? List.of() : sorted(entryDocs.find(Filters.in("_id", ids)).into(new ArrayList<>()), id);
    }

    /**
     * Writes many entries at once through the same path as a commit: their documents, holds and totals, as
     * one commit of one effect per {@code chunk} entries (for loading a ledger, e.g. the benchmark's million;
     * no funds control, no request records). @return the appropriation as it is afterwards
     */
    public Loaded load(String id, List<Entry> more, int chunk) {
        Loaded l = find(id).orElseThrow();
        for (int from = 0; from < more.size(); from += chunk) {
            List<Entry> part = more.subList(from, Math.min(more.size(), from + chunk));
            LedgerTotals totals = l.totals().copy();
            part.forEach(totals::add);
            Commit c = commit(id, l, List.of(new Effect(null, part)), totals)
                    .orElseThrow(() -> new IllegalStateException("appropriation " + id + " changed while it was loaded"));
            complete(id, c);
            l = new Loaded(l.appropriation(), totals, l.entryCount() + part.size(), c.version());
        }
        return l;
    }

    /** The start-up sweep: every appropriation moved to the current shape, and what a crash left pending written out. */
    public int sweep() {
        int repaired = 0;
        for (Document d : appropriations.find(Filters.or(Filters.exists("t", false), Filters.ne("t.pending", List.of())))
                .projection(new Document("_id", 1))) {
            find(d.getString("_id"));
            repaired++;
        }
        return repaired;
    }

    /** An appropriation in the old shape (its ledger and requests in its own document), moved to the new one. */
    private void migrate(Document old) {
        String id = old.getString("_id");
        List<Entry> ledger = old.getList("entries", Document.class, List.of()).stream().map(AppropriationStore::fromDocument).toList();
        List<Effect> effects = new ArrayList<>();
        Map<String, Entry> byId = new HashMap<>();
        ledger.forEach(e -> byId.put(e.id(), e));
        Set<String> claimed = new java.util.HashSet<>();
        for (Document r : old.getList("requests", Document.class, List.of())) {
            List<String> ids = r.getList("entryIds", String.class, List.of());
            claimed.addAll(ids);
            effects.add(new Effect(new Answered(r.getString("key"), r.getString("fingerprint"), ids), List.of()));
        }
        // the entries in their order, as one effect; each request's record names its entries by id
        List<Document> pending = new ArrayList<>(pending(id, 0, List.of(new Effect(null, ledger))));
        Map<String, String> docOf = new HashMap<>();
        for (Document e : pending.get(0).getList("entries", Document.class)) {
            docOf.put(e.getString("id"), e.getString("_id"));
        }
        for (Effect e : effects) {
            pending.add(new Document("key", e.request().key()).append("fingerprint", e.request().fingerprint())
                    .append("entries", e.request().entryIds().stream().filter(byId::containsKey)
                            .map(x -> toDocument(id, docOf.get(x), byId.get(x))).toList()));
        }
        Commit c = new Commit(number(old.get("version")) + 1, pending);
        // the documents first (idempotent: a crash here leaves the old shape, and the next read does it again)
        complete(id, new Commit(-1, pending));
        var done = appropriations.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("t", false),
                        Filters.eq("version", old.get("version")), Filters.size("entries", ledger.size())),
                Updates.combine(Updates.set("t", state(c.version(), ledger.size(), LedgerTotals.of(ledger), List.of())),
                        Updates.set("version", c.version()), Updates.unset("entries"), Updates.unset("requests")));
        if (done.getMatchedCount() == 1) {
            org.slf4j.LoggerFactory.getLogger(AppropriationStore.class).info("moved appropriation {} ({} entries, {} requests) to the entry-per-document ledger",
                    id, ledger.size(), effects.size());
        }
    }

    private static String thread(Document e) {
        return thread(e.getString("holdId"), e.getString("reverses"), e.getString("id"));
    }

    /** The hold an entry is read with: its reservation or commitment, else what it reverses, else itself. */
    static String thread(String holdId, String reverses, String entryId) {
        return holdId != null ? holdId : reverses != null ? reverses : entryId;
    }

    static String docId(String id, long n) {
        return id + ":" + String.format("%012d", n);
    }

    private static List<Document> pending(String id, long first, List<Effect> effects) {
        List<Document> out = new ArrayList<>();
        long n = first;
        for (Effect effect : effects) {
            List<Document> docs = new ArrayList<>();
            for (Entry e : effect.entries()) {
                docs.add(toDocument(id, docId(id, n++), e));
            }
            Document d = new Document("entries", docs);
            if (effect.request() != null) {
                d.append("key", effect.request().key()).append("fingerprint", effect.request().fingerprint());
            }
            out.add(d);
        }
        return out;
    }

    /**
     * The guard's state. Each year's days are one text value, a line per day ({@code 2026-03-02 a r c p pr pc}):
     * one field to write and read instead of hundreds of subdocuments, for a document rewritten by every commit.
     */
    private static Document state(long version, long count, LedgerTotals totals, List<Document> pending) {
        List<Document> years = new ArrayList<>();
        totals.days().forEach((year, days) -> {
            StringBuilder text = new StringBuilder(days.size() * 32);
            days.forEach((day, s) -> {
                text.append(day);
                for (long x : s) {
                    text.append(' ').append(x);
                }
                text.append('\n');
            });
            years.add(new Document("y", year).append("days", text.toString()));
        });
        return new Document("v", version).append("n", count).append("years", years).append("pending", pending);
    }

    private static Loaded loaded(Document d) {
        Document t = d.get("t", Document.class);
        LedgerTotals totals = new LedgerTotals();
        for (Document y : t.getList("years", Document.class, List.of())) {
            int year = y.getInteger("y");
            for (String line : y.getString("days").split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(" ");
                long[] sums = new long[LedgerTotals.SUMS];
                for (int i = 0; i < sums.length; i++) {
                    sums[i] = Long.parseLong(f[i + 1]);
                }
                totals.put(year, LocalDate.parse(f[0]), sums);
            }
        }
        Appropriation a = new Appropriation(d.getString("_id"), d.getString("name"), d.getString("ownerBodyId"), d.getString("currency"));
        return new Loaded(a, totals, number(t.get("n")), number(t.get("v")));
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static List<Entry> sorted(List<Document> docs, String id) {
        return docs.stream().filter(d -> id.equals(d.getString("a"))).sorted(Comparator.comparing(d -> d.getString("_id")))
                .map(AppropriationStore::fromDocument).toList();
    }

    static Document toDocument(String id, String docId, Entry e) {
        Document d = new Document("_id", docId).append("a", id);
        d.putAll(EntryDocuments.toDocument(e));
        return d;
    }

    static Entry fromDocument(Document d) {
        return EntryDocuments.fromDocument(d);
    }
}
