package se.radhus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Requests that follow one another on one keep-alive connection are all answered, whichever of them the
 * gateway answers itself at once (a 401) and whichever it proxies. Three requests in one write, the middle
 * one refused at once: with Reactor Netty before 1.3.8 the third got no answer until the client closed
 * (reactor-netty#4361), which is the stall a client saw now and then after a 429 or 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "radhus.dev-issuer.enabled=true", "radhus.security.issuer=http://gateway-test/dev",
        "radhus.rate-limit.per-second=0.001", "radhus.rate-limit.burst=1"})
class KeepAliveTest extends StubbedGatewayTest {

    static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
    static final Pattern LENGTH = Pattern.compile("(?i)content-length: (\\d+)");

    @Test
    void everyRequestOnAKeepAliveConnectionIsAnsweredAfterOneRefusedAtOnce() throws Exception {
        // the anonymous caller's one request of its bucket: every /api request after it is refused at once (429)
        try (Connection c = new Connection(port)) {
            c.send("GET /api/bodies HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(c.statuses(1)).containsExactly(200);
        }
        for (int round = 0; round < 5; round++) {
            try (Connection c = new Connection(port)) {
                // a page (proxied, answered later) and, arriving with it, an /api request refused at once (429)
                c.send("GET /anslagstavla HTTP/1.1\r\nHost: localhost\r\n\r\nGET /api/bodies HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(c.statuses(2)).as("round " + round).containsExactly(200, 429);
                // the next request on the connection, once those are answered
                c.send("GET /organ/ks HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(c.statuses(3)).as("round " + round + ": the request after them").containsExactly(200, 429, 200);
            }
        }
    }

    /** One keep-alive connection: what was sent, and the statuses of the whole answers read back. */
    static final class Connection implements AutoCloseable {
        final Socket socket;
        final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        Connection(int port) throws Exception {
            socket = new Socket("127.0.0.1", port);
            // no answer for this long is a stalled connection (the test fails on it; nothing is timed)
            socket.setSoTimeout(20_000);
        }

        void send(String requests) throws Exception {
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** The statuses answered so far on this connection, once there are {@code expected} (or none came for a while). */
        List<Integer> statuses(int expected) throws Exception {
            List<Integer> statuses = parse(seen.toString(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[8192];
            try {
                while (statuses.size() < expected) {
                    int n = in.read(chunk);
                    if (n < 0) {
                        break;
                    }
                    seen.write(chunk, 0, n);
                    statuses = parse(seen.toString(StandardCharsets.ISO_8859_1));
                }
            } catch (SocketTimeoutException e) {
                // no further answer: the statuses so far say which one is missing
            }
            return statuses;
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    /** The statuses of the whole answers in {@code text} (each with a Content-Length body). */
    static List<Integer> parse(String text) {
        List<Integer> statuses = new ArrayList<>();
        int at = 0;
        while (true) {
            int head = text.indexOf("\r\n\r\n", at);
            if (head < 0) {
                return statuses;
            }
            String headers = text.substring(at, head);
            Matcher status = STATUS.matcher(headers);
            Matcher length = LENGTH.matcher(headers);
            int body = length.find() ? Integer.parseInt(length.group(1)) : 0;
            if (!status.find() || text.length() < head + 4 + body) {
                return statuses;
            }
            statuses.add(Integer.parseInt(status.group(1)));
            at = head + 4 + body;
        }
    }
}
