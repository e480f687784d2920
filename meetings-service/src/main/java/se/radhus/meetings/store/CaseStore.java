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
import se.radhus.meetings.domain.CaseFile;

/**
 * The diarium: cases keyed by their canonical number, and one counter per registry and year. A number is
 * allocated by one atomic increment, so concurrent registrations get distinct consecutive numbers and a
 * number is never handed out twice.
 */
@Repository
public class CaseStore {

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> counters;

    public CaseStore(MongoDatabase database) {
        this.cases = database.getCollection("cases");
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
        return Inserts.insertNew(cases, DocumentCodec.toDocument(c).append("_id", c.number().toString()));
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
        java.util.Set<String> known = new java.util.HashSet<>();
        cases.find(Filters.in("_id", byId.keySet())).projection(new Document("_id", 1)).forEach(d -> known.add(d.getString("_id")));
        java.util.Map<String, Integer> highest = new java.util.HashMap<>();
        java.util.List<Document> fresh = new java.util.ArrayList<>();
        byId.forEach((id, c) -> {
            highest.merge(c.number().registry() + "/" + c.number().year(), c.number().sequence(), Math::max);
            if (!known.contains(id)) {
                fresh.add(DocumentCodec.toDocument(c).append("_id", id));
            }
        });
        highest.forEach((key, seq) -> Counters.atLeast(counters, key, seq));
        if (!fresh.isEmpty()) {
            try {
                cases.insertMany(fresh, new com.mongodb.client.model.InsertManyOptions().ordered(false));
            } catch (com.mongodb.MongoBulkWriteException e) {
                for (var error : e.getWriteErrors()) {
                    if (com.mongodb.ErrorCategory.fromErrorCode(error.getCode()) != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                        throw e; // registered meanwhile by another writer: fine
                    }
                }
            }
        }
    }

    public Optional<CaseFile> find(Diarienummer number) {
        return Optional.ofNullable(cases.find(Filters.eq("_id", number.toString())).first())
                .map(d -> DocumentCodec.fromDocument(d, CaseFile.class));
    }

    public Pages.Page<CaseFile> list(int pageSize, String pageToken) {
        return Pages.list(cases, Filters.empty(), pageSize, pageToken, d -> DocumentCodec.fromDocument(d, CaseFile.class));
    }
}
