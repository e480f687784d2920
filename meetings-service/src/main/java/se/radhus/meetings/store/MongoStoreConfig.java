package se.radhus.meetings.store;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.radhus.common.store.Lease;
import se.radhus.common.store.MongoConnection;
import se.radhus.common.store.MongoSettings;

/** The service's MongoDB: MONGODB_URI when set, else the embedded store in the data folder. */
@Configuration(proxyBeanMethods = false)
public class MongoStoreConfig {

    @Bean(destroyMethod = "close")
    MongoConnection mongoConnection(@Value("${radhus.mongo.uri:}") String uri,
                                    @Value("${radhus.mongo.database:radhus-meetings}") String database,
                                    @Value("${radhus.data-dir:data}") String dataDir,
                                    @Value("${radhus.mongo.embedded-port:0}") int embeddedPort) {
        return MongoConnection.open(new MongoSettings(uri, database, Path.of(dataDir).resolve("meetings"),
                embeddedPort));
    }

    @Bean
    MongoDatabase mongoDatabase(MongoConnection connection) {
        return connection.database();
    }

    /**
     * The lease the effect dispatcher runs under, once per cluster; its holder is this process (the pod's
     * name, which Kubernetes sets as HOSTNAME, and a random part, since a restarted pod keeps its name).
     */
    @Bean
    Lease effectsLease(MongoDatabase database, @Value("${radhus.effects-lease:10s}") Duration ttl,
                       @Value("${HOSTNAME:local}") String host) {
        return new Lease(database, "effects", host + "/" + UUID.randomUUID(), ttl, Clock.systemUTC());
    }
}
