import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * The bench's second anchor for P1 (bench/run; never part of the suite): Reactor Netty's HTTP server and client,
 * the transport the gateway is built on, passing each request (P1's GETs: no body) to the service and its answer back, and nothing
 * else: no routing table, no security, no tracing, no rate limit, no access line. Run with the gateway's own
 * Reactor Netty and Netty jars and its JVM settings, its CPU per request is what the transport costs; the
 * gateway's figure above it is what the framework and the house's filters add.
 * <p>
 * {@code java -cp <netty and reactor jars> bench/BareProxy.java PORT UPSTREAM_URL}
 */
public class BareProxy {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        HttpClient upstream = HttpClient.create(ConnectionProvider.builder("upstream").maxConnections(500).build())
                .baseUrl(args[1]);
        HttpServer.create().host("127.0.0.1").port(port)
                .handle((request, response) -> upstream
                        .headers(h -> h.set(request.requestHeaders()))
                        .request(request.method()).uri(request.uri())
                        .response((answer, body) -> response.status(answer.status())
                                .headers(answer.responseHeaders()).send(body.retain()).then()))
                .bindNow().onDispose().block();
    }
}
