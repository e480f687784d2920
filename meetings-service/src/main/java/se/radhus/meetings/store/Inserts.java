package se.radhus.meetings.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** Insert-if-absent: the unique {@code _id} makes a second insert of the same key fail, atomically. */
final class Inserts {

    private Inserts() {
    }

    /** @return false when a document with that key (or another unique key) exists already */
    static boolean insertNew(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
