package se.radhus.meetings.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import se.radhus.common.store.Pages;
import se.radhus.meetings.domain.Person;

/** Persons in the {@code persons} collection. */
@Repository
public class PersonStore {

    private final MongoCollection<Document> persons;

    public PersonStore(MongoDatabase database) {
        this.persons = database.getCollection("persons");
    }

    public boolean insert(Person person) {
        return Inserts.insertNew(persons, DocumentCodec.toDocument(person).append("_id", person.id()));
    }

    public Optional<Person> find(String id) {
        return Optional.ofNullable(persons.find(Filters.eq("_id", id)).first())
                .map(d -> DocumentCodec.fromDocument(d, Person.class));
    }

    /** The names of persons with a protected identity. */
    public java.util.Set<String> protectedNames() {
        java.util.Set<String> names = new java.util.HashSet<>();
        persons.find(Filters.eq("protectedIdentity", true)).forEach(d -> names.add(d.getString("name")));
        return names;
    }

    public Pages.Page<Person> listVisible(boolean seesProtected, int pageSize, String pageToken) {
        var filter = seesProtected ? Filters.empty() : Filters.ne("protectedIdentity", true);
        return Pages.list(persons, filter, pageSize, pageToken, d -> DocumentCodec.fromDocument(d, Person.class));
    }

    public Pages.Page<Person> list(int pageSize, String pageToken) {
        return Pages.list(persons, Filters.empty(), pageSize, pageToken, d -> DocumentCodec.fromDocument(d, Person.class));
    }
}
