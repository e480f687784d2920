package se.radhus.gateway;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ServerWebExchange;
import se.radhus.common.api.Problem;
import se.radhus.common.api.RequestIds;

/**
 * Where a route's circuit breaker sends a request its service failed: a problem+json that names the service,
 * so the portal can say which part is unavailable.
 * <ul>
 * <li>The service answered 500 (a route's {@code statusCodes}, counted by the breaker as the service's failure):
 * 500, as the service's own answer says, with the request id to quote.</li>
 * <li>The service is down, too slow, answered 502 or 504, or the breaker is open: 503 with Retry-After.</li>
 * </ul>
 */
@RestController
class FallbackController {

    /** Headers a service's answer brings that describe that answer, not this one. */
    static final java.util.List<String> SERVICE_HEADERS = java.util.List.of(HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_ENCODING, HttpHeaders.CONTENT_LANGUAGE,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.CACHE_CONTROL, HttpHeaders.EXPIRES, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION,
            HttpHeaders.SET_COOKIE, HttpHeaders.LINK);

    @RequestMapping("/fallback/{service}")
    ResponseEntity<java.util.Map<String, Object>> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        String requestId = headers.getFirst(RequestIds.HEADER);
        // what the service had said of its own answer goes; the gateway's headers (request id, CORS) stay
        SERVICE_HEADERS.forEach(headers::remove);
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause instanceof HttpStatusCodeException failed && failed.getStatusCode().value() == 500) {
            return ResponseEntity.status(500).contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                    .body(Problem.internal(requestId == null ? "-" : requestId).with("service", service).toMap());
        }
        Problem problem = Problem.of("service-unavailable", "Service unavailable", 503,
                        "The " + service + " service does not answer right now. Try again in a moment.")
                .with("service", service);
        return ResponseEntity.status(503)
                .header("Retry-After", "5")
                .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(problem.toMap());
    }
}
