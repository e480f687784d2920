package se.radhus.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three stand-ins for the services behind the gateway, each a Reactor Netty server on a free loopback
 * port. Each answers every request with JSON naming itself and what it received (method, path and
 * query, body, X-Request-Id) and keeps a list of what reached it (with its Authorization and traceparent). A path containing {@code /hang-up}
 * gets no answer: the connection is closed, as a service that dies mid-request would. A path containing
 * {@code /slow} is answered after a pause, so that many requests are under way at once. A path containing
 * {@code /status-NNN} is answered with that status and a problem+json body of the stub's own, as a service
 * answers an error.
 */
final class StubUpstreams {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile("/status-(\\d{3})");

    /** What one stub received. */
    record Received(String method, String uri, String body, List<String> requestIds, String authorization, String forwardedFor,
                    String traceparent) {
    }

    static final class Stub {
        final String name;
        final List<Received> received = new CopyOnWriteArrayList<>();
        final DisposableServer server;

        Stub(String name) {
            this.name = name;
            this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
                if (request.uri().contains("/hang-up")) {
                    return response.withConnection(connection -> connection.dispose()).then();
                }
                java.util.regex.Matcher status = STATUS.matcher(request.uri());
                if (status.find()) {
                    int code = Integer.parseInt(status.group(1));
                    return response.status(code).header("Content-Type", "application/problem+json")
                            .sendByteArray(Mono.just(JSON.writeValueAsBytes(Map.of("type", "about:blank", "status", code,
                                    "detail", name + " answered " + code)))).then();
                }
                return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
                    List<String> ids = request.requestHeaders().getAll("X-Request-Id");
                    received.add(new Received(request.method().name(), request.uri(), body, ids,
                            request.requestHeaders().get("Authorization"), request.requestHeaders().get("X-Forwarded-For"),
                            request.requestHeaders().get("traceparent")));
                    byte[] json = JSON.writeValueAsBytes(Map.of("service", name, "method", request.method().name(),
                            "uri", request.uri(), "body", body, "requestIds", ids));
                    Mono<byte[]> answer = request.uri().contains("/slow")
                            ? Mono.delay(java.time.Duration.ofMillis(300)).thenReturn(json) : Mono.just(json);
                    return response.header("Content-Type", "application/json")
                            .header("X-Request-Id", ids.isEmpty() ? "" : ids.get(0))
                            .sendByteArray(answer).then();
                });
            }).bindNow();
        }

        String url() {
            return "http://127.0.0.1:" + server.port();
        }
    }

    private static StubUpstreams shared;

    /** One set of stubs for every test class of the module. */
    static synchronized StubUpstreams shared() {
        if (shared == null) {
            shared = new StubUpstreams();
        }
        return shared;
    }

    final Stub meetings = new Stub("meetings");
    final Stub finance = new Stub("finance");
    final Stub procurement = new Stub("procurement");
    final Stub portal = new Stub("portal");

    /** Points the gateway's routes at the stubs. */
    void register(DynamicPropertyRegistry registry) {
        registry.add("MEETINGS_URL", meetings::url);
        registry.add("FINANCE_URL", finance::url);
        registry.add("PROCUREMENT_URL", procurement::url);
        registry.add("PORTAL_URL", portal::url);
    }

    List<Stub> all() {
        return List.of(meetings, finance, procurement, portal);
    }

    int totalReceived() {
        return all().stream().mapToInt(s -> s.received.size()).sum();
    }
}
