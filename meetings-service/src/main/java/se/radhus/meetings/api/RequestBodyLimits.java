package se.radhus.meetings.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import se.radhus.common.api.JsonBodyRules;
import se.radhus.common.api.Problem;

/**
 * The service's own limits on request bodies, whatever stands in front of it: at most 1 MB (imports and
 * case documents 5 MB), 413 otherwise; and JSON bodies that keep {@link JsonBodyRules} (no {@code $} or dotted keys,
 * bounded arrays), 400 otherwise. Runs after Spring Security, so anonymous writes never get this far.
 */
@Component
@Order(1)
class RequestBodyLimits extends OncePerRequestFilter {

    private static final org.springframework.web.util.UrlPathHelper PATHS = new org.springframework.web.util.UrlPathHelper();
    private final long maxBody;
    private final long maxImport;
    private final long maxDocument;
    private static final java.util.regex.Pattern DOCUMENTS = java.util.regex.Pattern.compile("/api/meetings/[^/]+/documents");

    RequestBodyLimits(@Value("${radhus.limits.body:1MB}") DataSize maxBody,
                      @Value("${radhus.limits.import:5MB}") DataSize maxImport,
                      @Value("${radhus.limits.document:5MB}") DataSize maxDocument) {
        this.maxBody = maxBody.toBytes();
        this.maxImport = maxImport.toBytes();
        this.maxDocument = maxDocument.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            chain.doFilter(request, response);
            return;
        }
        String path = PATHS.getPathWithinApplication(request);
        long limit = path.equals("/api/imports") ? maxImport : DOCUMENTS.matcher(path).matches() ? maxDocument : maxBody;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        byte[] body = read(request.getInputStream(), limit);
        if (body == null) {
            tooLarge(response, limit);
            return;
        }
        if (JsonBodyRules.applies(request.getContentType())) {
            Problem bad = JsonBodyRules.check(body);
            if (bad != null) {
                SecurityConfiguration.write(response, bad);
                return;
            }
        }
        chain.doFilter(new Replay(request, body), response);
    }

    /** The whole body, or null when it runs past the limit (a chunked body has no length to check first). */
    static byte[] read(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return bytes.length > limit ? null : bytes;
    }

    static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        SecurityConfiguration.write(response, Problem.of("too-large", "Request too large", 413,
                "The request body is larger than " + limit + " bytes, the most this path takes."));
    }

    /** The request with its body read once and served again to the handler. */
    static final class Replay extends HttpServletRequestWrapper {
        private final byte[] body;

        Replay(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? java.nio.charset.StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
