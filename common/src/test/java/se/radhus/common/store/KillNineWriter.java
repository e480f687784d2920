package se.radhus.common.store;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;

/**
 * A child process for {@link EmbeddedMongoDurabilityTest}: opens the embedded store, inserts documents
 * one by one and prints the id of each acknowledged insert, until it is killed.
 */
public final class KillNineWriter {

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        try (MongoConnection connection = MongoConnection.open(new MongoSettings("", "durability", dataDir, 0))) {
            MongoCollection<Document> items = connection.database().getCollection("items");
            System.out.println("READY");
            System.out.flush();
            for (int i = 0; ; i++) {
                items.insertOne(new Document("_id", i).append("payload", "item " + i));
                System.out.println("ACK " + i);
                System.out.flush();
            }
        }
    }
}
