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

    public Optional<CaseFile> find(Diarienummer number) {
        return Optional.ofNullable(cases.find(Filters.eq("_id", number.toString())).first())
                .map(d -> DocumentCodec.fromDocument(d, CaseFile.class));
    }

    public Pages.Page<CaseFile> list(int pageSize, String pageToken) {
        return Pages.list(cases, Filters.empty(), pageSize, pageToken, d -> DocumentCodec.fromDocument(d, CaseFile.class));
    }
}
