package se.radhus.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import se.radhus.common.api.Problem;
import se.radhus.common.api.RequestIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway itself raises — no route, too large, a service that cannot be reached —
 * answers application/problem+json, never an HTML page or a stack trace.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = toProblem(error, exchange);
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        response.getHeaders().setContentType(MediaType.parseMediaType(Problem.MEDIA_TYPE));
        byte[] body = JSON.writeValueAsBytes(problem.toMap());
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private static Problem toProblem(Throwable error, ServerWebExchange exchange) {
        if (error instanceof BodySizeLimitFilter.TooLargeException tooLarge) {
            return Problem.of("too-large", "Request too large", 413,
                    "The request body is larger than " + tooLarge.maxBytes + " bytes, the most this API takes.");
        }
        if (error instanceof ResponseStatusException rse) {
            int status = rse.getStatusCode().value();
            return switch (status) {
                case 404 -> Problem.notFound("There is nothing at " + exchange.getRequest().getPath().value()
                        + ". The API lives under /api; see /api/docs.");
                case 413 -> Problem.of("too-large", "Request too large", 413, "The request body is too large.");
                case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405, "This path does not take that method.");
                case 503, 502, 504 -> Problem.of("service-unavailable", "Service unavailable", 503,
                        "A service behind this path does not answer right now. Try again in a moment.");
                default -> status >= 500 ? internal(error, exchange)
                        : new Problem("urn:radhus:problem:http-" + status, "Request refused", status,
                        "The request was refused (" + status + ").", Map.of());
            };
        }
        return internal(error, exchange);
    }

    private static Problem internal(Throwable error, ServerWebExchange exchange) {
        String id = exchange.getResponse().getHeaders().getFirst(RequestIds.HEADER);
        log.error("requestId={} unexpected gateway error on {}", id, exchange.getRequest().getPath(), error);
        return Problem.internal(id);
    }
}
