package se.radhus.meetings.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import se.radhus.common.store.Pages;
import se.radhus.common.store.VersionedCollection;
import se.radhus.meetings.domain.Person;

/** Persons in the {@code persons} collection. */
@Repository
public class PersonStore {

    private final VersionedCollection<Person> persons;

    public PersonStore(MongoDatabase database) {
        this.persons = new VersionedCollection<>(database, "persons", Person.class, Person::id);
    }

    public boolean insert(Person person) {
        return persons.insertIfAbsent(person);
    }

    public Optional<Person> find(String id) {
        return persons.findValue(id);
    }

    /** Everyone registered (for the protection of identities: whose names can be told apart). */
    public java.util.List<Person> everyone() {
        java.util.List<Person> all = new java.util.ArrayList<>();
        String token = "";
        do {
            var page = persons.page(Filters.empty(), 1000, token);
            all.addAll(page.items());
            token = page.nextPageToken();
        } while (!token.isEmpty());
        return all;
    }

    public Pages.Page<Person> listVisible(boolean seesProtected, int pageSize, String pageToken) {
        var filter = seesProtected ? Filters.empty() : Filters.ne("protectedIdentity", true);
        return persons.page(filter, pageSize, pageToken);
    }

    public Pages.Page<Person> list(int pageSize, String pageToken) {
        return persons.page(Filters.empty(), pageSize, pageToken);
    }
}
