package se.radhus.gateway;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.common.api.Problem;

/**
 * Where a route's circuit breaker sends a request whose service is down, slow or refusing: a 503
 * problem+json that names the service, so the portal can say which part is unavailable.
 */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    ResponseEntity<java.util.Map<String, Object>> unavailable(@PathVariable String service) {
        Problem problem = Problem.of("service-unavailable", "Service unavailable", 503,
                        "The " + service + " service does not answer right now. Try again in a moment.")
                .with("service", service);
        return ResponseEntity.status(503)
                .header("Retry-After", "5")
                .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(problem.toMap());
    }
}
