package se.radhus.common.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire server inside the service's own process, bound to loopback, keeping its data in one
 * H2 MVStore file in a data folder. Used when no MONGODB_URI is configured, so that a fresh machine runs
 * the suite with nothing installed.
 *
 * <p>What it does not do, and what the store code therefore never relies on: multi-document
 * transactions, {@code $text}, collation, change streams.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    static final String FILE_NAME = "store.mv.db";

    private final MVStore store;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MVStore store, MongoServer server, InetSocketAddress address) {
        this.store = store;
        this.server = server;
        this.address = address;
    }

    /**
     * Opens (or creates) the store in {@code dataDir} and binds the server to 127.0.0.1.
     *
     * @param port the port to bind, 0 for any free one
     */
    public static EmbeddedMongo start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir, e);
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        // Without this every commit keeps its old chunks for 45 s and the file grows by ~40 KB a commit.
        store.setRetentionTime(0);
        MongoServer server = new MongoServer(new DurableH2Backend(store));
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        InetSocketAddress address = server.getLocalAddress();
        log.info("embedded MongoDB-wire store {} listening on {}", file, address);
        return new EmbeddedMongo(store, server, address);
    }

    /** A connection string for the MongoDB driver. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        server.shutdownNow();
        if (!store.isClosed()) {
            store.close();
        }
    }
}
