package se.radhus.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four jars the reactor built, run as processes on free ports with one data folder, as bin/radhus
 * runs them. Services can be killed hard and started again.
 */
final class Suite implements AutoCloseable {

    enum Service {
        MEETINGS("meetings-service", "/actuator/health/readiness"),
        FINANCE("finance-service", "/health/readiness"),
        PROCUREMENT("procurement-service", "/health/readiness"),
        GATEWAY("gateway", "/actuator/health/readiness");

        final String module;
        final String readiness;

        Service(String module, String readiness) {
            this.module = module;
            this.readiness = readiness;
        }
    }

    final Path root = Path.of(System.getProperty("radhus.root", "..")).toAbsolutePath().normalize();
    final Path dataDir;
    final Path logDir;
    final Map<Service, Integer> httpPorts = new EnumMap<>(Service.class);
    final Map<Service, Integer> grpcPorts = new EnumMap<>(Service.class);
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Suite() throws IOException {
        dataDir = Files.createTempDirectory("radhus-suite-data");
        logDir = Files.createDirectories(root.resolve("system-tests/target/suite-logs"));
        for (Service s : Service.values()) {
            httpPorts.put(s, freePort());
            grpcPorts.put(s, freePort());
        }
    }

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A free port below Linux's ephemeral range (32768–60999): a port the system hands out for outgoing
     * connections can be taken between this check and the service binding it (a suite of four services makes
     * many connections), which failed a start with "Address already in use".
     */
    static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 2000; attempt++) {
            int port = random.nextInt(20000, 32000);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port in 20000–31999"));
    }

    String gateway() {
        return "http://localhost:" + httpPorts.get(Service.GATEWAY);
    }

    Path logOf(Service s) {
        return logDir.resolve(s.module + ".log");
    }

    void startAll() throws Exception {
        for (Service s : Service.values()) {
            start(s);
        }
        for (Service s : Service.values()) {
            awaitReady(s);
        }
    }

    void start(Service s) throws IOException {
        Path jar = root.resolve(s.module).resolve("target").resolve(s.module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the whole build (./mvnw verify), not this module alone");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logOf(s).toFile()));
        Map<String, String> env = pb.environment();
        env.remove("MONGODB_URI");
        env.put("HTTP_PORT", Integer.toString(httpPorts.get(s)));
        env.put("GRPC_PORT", Integer.toString(grpcPorts.get(s)));
        env.put("RADHUS_DATA_DIR", dataDir.toString());
        env.put("MEETINGS_URL", "http://localhost:" + httpPorts.get(Service.MEETINGS));
        env.put("FINANCE_URL", "http://localhost:" + httpPorts.get(Service.FINANCE));
        env.put("PROCUREMENT_URL", "http://localhost:" + httpPorts.get(Service.PROCUREMENT));
        env.put("MEETINGS_GRPC", "localhost:" + grpcPorts.get(Service.MEETINGS));
        env.put("FINANCE_GRPC", "localhost:" + grpcPorts.get(Service.FINANCE));
        env.put("PROCUREMENT_GRPC", "localhost:" + grpcPorts.get(Service.PROCUREMENT));
        env.put("BREAKER_OPEN_WAIT", "1s");
        env.put("RADHUS_DEV_ISSUER", "true");
        env.put("RATE_LIMIT_PER_SECOND", "50");
        env.put("RATE_LIMIT_BURST", "100");
        env.put("RADHUS_JWKS_URI", gateway() + "/dev/jwks.json");
        env.put("RADHUS_SERVICE_TOKEN_URL", gateway() + "/dev/token");
        processes.put(s, pb.start());
    }

    void awaitReady(Service s) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        URI uri = URI.create("http://localhost:" + httpPorts.get(s) + s.readiness);
        while (System.nanoTime() < deadline) {
            Process p = processes.get(s);
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(s.module + " exited with " + p.exitValue() + "; see " + logOf(s));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(s.module + " not ready in 120 s; see " + logOf(s));
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void killHard(Service s) throws InterruptedException {
        Process p = processes.remove(s);
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM and wait, as bin/radhus down does. */
    void stop(Service s) throws InterruptedException {
        Process p = processes.remove(s);
        if (p != null) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** A token from the gateway's development issuer for a subject with roles. */
    String token(String subject, String... roles) throws Exception {
        String key = subject + "/" + String.join(",", roles);
        String cached = tokens.get(key);
        if (cached != null) {
            return cached;
        }
        String body = "{\"subject\":\"" + subject + "\",\"roles\":[" + String.join(",",
                java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()) + "]}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway() + "/dev/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token: " + r.body());
        }
        String token = r.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        tokens.put(key, token);
        return token;
    }

    /** Puts a service token for {@code service} on a channel's calls, as that service would. */
    io.grpc.ClientInterceptor asService(String service) throws Exception {
        String token = token(service, "service");
        return new io.grpc.ClientInterceptor() {
            @Override
            public <Q, A> io.grpc.ClientCall<Q, A> interceptCall(io.grpc.MethodDescriptor<Q, A> method, io.grpc.CallOptions options,
                                                                 io.grpc.Channel next) {
                return new io.grpc.ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<A> listener, io.grpc.Metadata headers) {
                        headers.put(io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                        super.start(listener, headers);
                    }
                };
            }
        };
    }

    /** As admin, unless the headers say otherwise (an empty Authorization sends none); JSON unless a Content-Type is given. */
    HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway() + path)).timeout(Duration.ofSeconds(20));
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.putIfAbsent("Authorization", "Bearer " + token("suite-admin", "admin"));
        all.forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.header(k, v);
            }
        });
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            if (!all.containsKey("Content-Type")) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpRequest request = b.build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, new HashMap<>());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json, new HashMap<>());
    }

    @Override
    public void close() throws Exception {
        for (Service s : Service.values()) {
            stop(s);
        }
    }
}
