package se.radhus.common.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
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
 *
 * <p>The server is mongo-java-server's wire handlers on a Netty server of our own rather than its
 * {@code MongoServer}, for one setting that class does not take: the buffer allocator. Netty 4.2's default
 * (adaptive) allocator, on a JDK that no longer lets it use {@code sun.misc.Unsafe}, frees direct buffers
 * by closing a shared {@code Arena}, and every such close is a handshake with every thread of the JVM —
 * about one per query, which under load cost the service's HTTP threads more than the query itself. The
 * pooled allocator keeps its chunks and frees none per message.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    static final String FILE_NAME = "store.mv.db";

    private final MVStore store;
    private final MongoBackend backend;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup clients;
    private final Channel listener;
    private final InetSocketAddress address;

    private EmbeddedMongo(MVStore store, MongoBackend backend, EventLoopGroup boss, EventLoopGroup workers,
                          ChannelGroup clients, Channel listener) {
        this.store = store;
        this.backend = backend;
        this.boss = boss;
        this.workers = workers;
        this.clients = clients;
        this.listener = listener;
        this.address = (InetSocketAddress) listener.localAddress();
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
        MongoBackend backend = new DurableH2Backend(store);
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("mongo-server-boss", true), NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("mongo-server-worker", true), NioIoHandler.newFactory());
        ChannelGroup clients = new DefaultChannelGroup("mongodb-channels", workers.next());
        Channel listener;
        try {
            listener = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            // the same pipeline as mongo-java-server's MongoServer
                            ch.pipeline().addLast(new MongoWireReplyEncoder(), new MongoWireMessageEncoder(),
                                    new MongoWireProtocolHandler(), new MongoDatabaseHandler(backend, clients),
                                    new MongoExceptionHandler());
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", port)).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            boss.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
            store.close();
            throw e;
        }
        EmbeddedMongo mongo = new EmbeddedMongo(store, backend, boss, workers, clients, listener);
        log.info("embedded MongoDB-wire store {} listening on {}", file, mongo.address);
        return mongo;
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
        listener.close().syncUninterruptibly();
        clients.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 5, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 5, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        backend.close();
        if (!store.isClosed()) {
            store.close();
        }
    }
}
