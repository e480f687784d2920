package se.radhus.micronaut;

import com.mongodb.client.MongoDatabase;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import se.radhus.common.store.MongoConnection;
import se.radhus.common.store.MongoSettings;

/**
 * The service's MongoDB: {@code radhus.mongo.uri} (MONGODB_URI) when set, else the embedded store in
 * {@code <radhus.data-dir>/<radhus.service>}.
 */
@Factory
public class MongoFactory {

    @Singleton
    @Bean(preDestroy = "close")
    MongoConnection mongoConnection(@Value("${radhus.mongo.uri:}") String uri,
                                    @Value("${radhus.mongo.database}") String database,
                                    @Value("${radhus.data-dir:data}") String dataDir,
                                    @Value("${radhus.service}") String service,
                                    @Value("${radhus.mongo.embedded-port:0}") int embeddedPort) {
        return MongoConnection.open(new MongoSettings(uri, database, Path.of(dataDir).resolve(service), embeddedPort));
    }

    @Singleton
    MongoDatabase mongoDatabase(MongoConnection connection) {
        return connection.database();
    }
}
