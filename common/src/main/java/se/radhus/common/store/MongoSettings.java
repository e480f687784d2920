package se.radhus.common.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a service keeps its data. With a {@code uri} it uses that MongoDB (a replica set on Kubernetes);
 * without, it starts an {@link EmbeddedMongo} in {@code dataDir}.
 *
 * @param uri          MongoDB connection string, or blank for the embedded store
 * @param database     database name
 * @param dataDir      the embedded store's folder
 * @param embeddedPort the embedded store's port on 127.0.0.1, 0 for any free one
 */
public record MongoSettings(String uri, String database, Path dataDir, int embeddedPort) {

    public MongoSettings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(dataDir, "dataDir");
        if (database.isBlank()) {
            throw new IllegalArgumentException("the database name must not be blank");
        }
        if (embeddedPort < 0 || embeddedPort > 65_535) {
            throw new IllegalArgumentException("embedded store port out of range: " + embeddedPort);
        }
        uri = uri == null ? "" : uri.strip();
    }

    public boolean embedded() {
        return uri.isEmpty();
    }

    /**
     * Reads MONGODB_URI, MONGODB_DATABASE, RADHUS_DATA_DIR and RADHUS_EMBEDDED_MONGO_PORT from the
     * environment, with local defaults: database {@code radhus-<service>}, data in
     * {@code data/<service>} below the working folder.
     */
    public static MongoSettings fromEnvironment(String service, Map<String, String> env) {
        String dataRoot = env.getOrDefault("RADHUS_DATA_DIR", "data");
        return new MongoSettings(
                env.getOrDefault("MONGODB_URI", ""),
                env.getOrDefault("MONGODB_DATABASE", "radhus-" + service),
                Path.of(dataRoot).resolve(service),
                Integer.parseInt(env.getOrDefault("RADHUS_EMBEDDED_MONGO_PORT", "0")));
    }
}
