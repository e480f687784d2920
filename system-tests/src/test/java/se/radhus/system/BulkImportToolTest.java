package se.radhus.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/import against a gateway that fails: a gateway that answers 503 and then accepts is retried, each
 * request with its own X-Request-Id, the date taken from the file name; one that cannot be reached leaves
 * the file recorded as failed, and the report is written either way. A stand-in server plays the gateway.
 */
class BulkImportToolTest {

    static final Path ROOT = Path.of(System.getProperty("radhus.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path folder;

    Process run(String gateway) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("python3", ROOT.resolve("bin/import").toString(), "ks", folder.toString(), gateway)
                .redirectErrorStream(true);
        pb.environment().put("RADHUS_TOKEN", "test-token");
        return pb.start();
    }

    @Test
    void aGatewayThatFailsFirstIsRetriedWithANewRequestIdEachTimeAndTheDateFromTheFileName() throws Exception {
        Files.writeString(folder.resolve("protokoll-2024-05-21.txt"), "§ 1\n\nTitel\n");
        List<String> ids = new CopyOnWriteArrayList<>();
        List<String> queries = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/imports", exchange -> {
            ids.add(exchange.getRequestHeaders().getFirst("X-Request-Id"));
            queries.add(exchange.getRequestURI().getRawQuery());
            exchange.getRequestBody().readAllBytes();
            boolean fail = calls.incrementAndGet() <= 2;
            byte[] body = (fail ? "{\"detail\":\"unavailable\"}"
                    : "{\"meetingId\":\"ks-2024-05-21\",\"paragraphs\":1,\"warnings\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 503 : 201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Process p = run("http://127.0.0.1:" + server.getAddress().getPort());
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("imported 1 protocol(s) (1 paragraphs), 0 already there, 0 refused, 0 failed"), out);
        } finally {
            server.stop(0);
        }
        assertEquals(3, ids.size());
        assertEquals(3, ids.stream().distinct().count(), "a new X-Request-Id per request: " + ids);
        assertTrue(queries.get(0).contains("date=2024-05-21") && queries.get(0).contains("bodyId=ks"), queries.get(0));
        assertTrue(Files.readString(folder.resolve("import-report.json")).contains("\"meetingId\": \"ks-2024-05-21\""));
    }

    @Test
    void aGatewayThatCannotBeReachedLeavesTheFileFailedAndTheReportWritten() throws Exception {
        Files.writeString(folder.resolve("a.txt"), "§ 1\n\nTitel\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Process p = run("http://127.0.0.1:" + port);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("0 refused, 1 failed"), out);
        assertTrue(out.contains("failed a.txt after 4 attempts"), out);
        String report = Files.readString(folder.resolve("import-report.json"));
        assertTrue(report.contains("\"failed\": [") && report.contains("\"file\": \"a.txt\""), report);
    }
}
