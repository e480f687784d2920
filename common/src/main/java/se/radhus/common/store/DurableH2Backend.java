package se.radhus.common.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of the embedded store, made durable: every command is committed to the file before its
 * reply goes out, so an acknowledged write survives a kill -9 of the process. {@link MVStore#commit()}
 * runs under the store's lock and waits for the file writer, and it writes nothing when nothing changed,
 * so reads stay cheap.
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;

    DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // A failed multi-document write may have applied part of its work, as on real MongoDB: keep it.
            if (!store.isClosed()) {
                store.commit();
            }
        }
    }
}
