package se.radhus.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit with 413: at once when Content-Length says so, and while
 * streaming when a chunked body runs past it.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    BodySizeLimitFilter(@Value("${radhus.gateway.max-body-size:10MB}") DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(new TooLargeException(maxBytes));
        }
        if (declared >= 0 && declared <= maxBytes || !hasBody(exchange.getRequest())) {
            // a declared length within the limit is held to by Netty; no length and no chunks: no body
            return chain.filter(exchange);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] seen = {0};
                return super.getBody().handle((buffer, sink) -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new TooLargeException(maxBytes));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    /** Whether a body may follow without a Content-Length: only with Transfer-Encoding (chunked). */
    private static boolean hasBody(ServerHttpRequest request) {
        return request.getHeaders().containsHeader(org.springframework.http.HttpHeaders.TRANSFER_ENCODING);
    }

    /** The body is larger than the gateway accepts. */
    static final class TooLargeException extends RuntimeException {
        final long maxBytes;

        TooLargeException(long maxBytes) {
            super("request body over " + maxBytes + " bytes", null, false, false);
            this.maxBytes = maxBytes;
        }
    }
}
