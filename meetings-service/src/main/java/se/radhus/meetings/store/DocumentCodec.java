package se.radhus.meetings.store;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import se.radhus.meetings.json.RadhusJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Domain records to and from MongoDB documents, through their JSON form. Dates are stored as ISO
 * strings ("2024-05-21"), which compare and sort as dates.
 */
final class DocumentCodec {

    private static final JsonMapper JSON = RadhusJson.storeMapper();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private DocumentCodec() {
    }

    static Document toDocument(Object record) {
        return Document.parse(JSON.writeValueAsString(record));
    }

    static <T> T fromDocument(Document document, Class<T> type) {
        Document copy = new Document(document);
        copy.remove("_id");
        return JSON.readValue(copy.toJson(RELAXED), type);
    }
}
