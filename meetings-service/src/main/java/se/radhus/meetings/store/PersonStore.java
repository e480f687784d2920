package se.radhus.meetings.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
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

    /** The names of persons with a protected identity. */
    public java.util.Set<String> protectedNames() {
        java.util.Set<String> names = new java.util.HashSet<>();
        persons.collection().find(Filters.eq("protectedIdentity", true)).projection(Projections.include("name"))
                .forEach(d -> names.add(d.getString("name").getValue()));
        return names;
    }

    public Pages.Page<Person> listVisible(boolean seesProtected, int pageSize, String pageToken) {
        var filter = seesProtected ? Filters.empty() : Filters.ne("protectedIdentity", true);
        return persons.page(filter, pageSize, pageToken);
    }

    public Pages.Page<Person> list(int pageSize, String pageToken) {
        return persons.page(Filters.empty(), pageSize, pageToken);
    }
}
