package se.radhus.meetings.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.common.store.Counters;
import se.radhus.common.store.Pages;
import se.radhus.common.store.VersionedCollection;
import se.radhus.meetings.domain.CaseFile;

/**
 * The diarium: cases keyed by their canonical number, and one counter per registry and year. A number is
 * allocated by one atomic increment, so concurrent registrations get distinct consecutive numbers and a
 * number is never handed out twice.
 */
@Repository
public class CaseStore {

    private final VersionedCollection<CaseFile> cases;
    private final MongoCollection<Document> counters;

    public CaseStore(MongoDatabase database) {
        this.cases = new VersionedCollection<>(database, "cases", CaseFile.class, c -> c.number().toString());
        this.counters = database.getCollection("diarium_counters");
    }

    /** The next number of the registry's year: 1, 2, 3 … */
    public Diarienummer allocate(String registry, int year) {
        return new Diarienummer(registry, year, (int) Counters.next(counters, registry + "/" + year));
    }

    /**
     * Records a number that was allocated elsewhere (an imported or older case): the counter moves past it
     * so that it is never allocated again.
     */
    public void reserveExisting(Diarienummer number) {
        Counters.atLeast(counters, number.registry() + "/" + number.year(), number.sequence());
    }

    public boolean insert(CaseFile c) {
        return cases.insertIfAbsent(c);
    }

    /**
     * Registers the cases of many paragraphs in few writes (an import): those the diarium does not hold
     * yet are inserted, and each registry's counter moves past the highest number seen.
     */
    public void registerAll(java.util.Collection<CaseFile> files) {
        java.util.Map<String, CaseFile> byId = new java.util.LinkedHashMap<>();
        files.forEach(c -> byId.putIfAbsent(c.number().toString(), c));
        if (byId.isEmpty()) {
            return;
        }
        java.util.Map<String, Integer> highest = new java.util.HashMap<>();
        byId.values().forEach(c -> highest.merge(c.number().registry() + "/" + c.number().year(), c.number().sequence(), Math::max));
        highest.forEach((key, seq) -> Counters.atLeast(counters, key, seq));
        // those registered meanwhile (or before) by another writer are left as they are
        cases.insertAllIfAbsent(java.util.List.copyOf(byId.values()));
    }

    public Optional<CaseFile> find(Diarienummer number) {
        return cases.findValue(number.toString());
    }

    public Pages.Page<CaseFile> list(int pageSize, String pageToken) {
        return cases.page(Filters.empty(), pageSize, pageToken);
    }
}
