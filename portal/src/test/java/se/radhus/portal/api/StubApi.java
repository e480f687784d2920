package se.radhus.portal.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The public API as the gateway serves it, for the portal's tests: a JDK HTTP server on a free loopback
 * port answering set paths (path and query, exactly as the portal asks) with recorded answers of the real
 * API (src/test/resources/api/), and 404 problem+json for anything else. It keeps every request it got.
 */
final class StubApi implements AutoCloseable {

    /** One request: method, path and query, Accept, Authorization and X-Forwarded-For (null when none was sent). */
    record Request(String method, String target, String accept, String authorization, String forwardedFor) {
    }

    record Answer(int status, String type, byte[] body, String retryAfter) {
        Answer(int status, String type, byte[] body) {
            this(status, type, body, null);
        }
    }

    final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final HttpServer server;

    StubApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            received.add(new Request(exchange.getRequestMethod(), target, accept,
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
            Answer a = answers.get(target + " " + (accept != null && accept.contains("application/pdf") ? "pdf" : "json"));
            if (a == null) {
                a = new Answer(404, "application/problem+json",
                        "{\"type\":\"urn:radhus:problem:not-found\",\"status\":404}".getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().set("Content-Type", a.type());
            if (a.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", a.retryAfter());
            }
            exchange.sendResponseHeaders(a.status(), a.body().length);
            exchange.getResponseBody().write(a.body());
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code target} (path and query) answers the JSON in src/test/resources/api/{@code file}. */
    StubApi file(String target, String file) {
        try (InputStream in = StubApi.class.getResourceAsStream("/api/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource api/" + file);
            }
            answers.put(target + " json", new Answer(200, "application/json", in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code target} answers 429, as the gateway's rate limit does, with {@code Retry-After} when given. */
    StubApi tooMany(String target, String retryAfter) {
        answers.put(target + " json", new Answer(429, "application/problem+json",
                "{\"type\":\"urn:radhus:problem:rate-limited\",\"status\":429}".getBytes(StandardCharsets.UTF_8), retryAfter));
        return this;
    }

    StubApi json(String target, int status, String json) {
        answers.put(target + " json", new Answer(status, status >= 400 ? "application/problem+json" : "application/json",
                json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    StubApi pdf(String target, byte[] pdf) {
        answers.put(target + " pdf", new Answer(200, "application/pdf", pdf));
        return this;
    }

    List<String> targets() {
        return received.stream().map(Request::target).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
