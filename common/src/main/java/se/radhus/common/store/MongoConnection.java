package se.radhus.common.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A service's MongoDB client and database, with the embedded store it started if it needed one. */
public final class MongoConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoConnection.class);

    private final EmbeddedMongo embedded;
    private final MongoClient client;
    private final MongoDatabase database;

    private MongoConnection(EmbeddedMongo embedded, MongoClient client, MongoDatabase database) {
        this.embedded = embedded;
        this.client = client;
        this.database = database;
    }

    public static MongoConnection open(MongoSettings settings) {
        EmbeddedMongo embedded = settings.embedded()
                ? EmbeddedMongo.start(settings.dataDir(), settings.embeddedPort())
                : null;
        String uri = embedded != null ? embedded.connectionString() : settings.uri();
        if (embedded == null) {
            log.info("using MongoDB at {}", redact(uri));
        }
        MongoClientSettings clientSettings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(2, TimeUnit.SECONDS))
                .build();
        MongoClient client = MongoClients.create(clientSettings);
        return new MongoConnection(embedded, client, client.getDatabase(settings.database()));
    }

    /** The connection string without its password, for logs. */
    static String redact(String uri) {
        return uri.replaceAll("://([^:/@]+):[^@]*@", "://$1:****@");
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoClient client() {
        return client;
    }

    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
