package se.radhus.procurement.store;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** Domain records to and from MongoDB documents through their JSON form (dates as ISO strings). */
@Singleton
public class JsonDocuments {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private final ObjectMapper json;

    public JsonDocuments(ObjectMapper json) {
        this.json = json;
    }

    public Document toDocument(Object value) {
        try {
            return Document.parse(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T fromDocument(Document d, Class<T> type) {
        Document copy = new Document(d);
        copy.remove("_id");
        copy.remove("version");
        try {
            return json.readValue(copy.toJson(RELAXED), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
