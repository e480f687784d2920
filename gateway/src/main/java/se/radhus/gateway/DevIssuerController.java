package se.radhus.gateway;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.common.api.Problem;
import se.radhus.common.security.DevTokenIssuer;

/**
 * The development token issuer, for local runs only (RADHUS_DEV_ISSUER=true, which bin/radhus sets):
 * {@code POST /dev/token {"subject": "anna", "roles": ["sekreterare"]}} hands out a signed token;
 * {@code GET /dev/jwks.json} publishes the key the gateway and the services check it with. On
 * Kubernetes it is off and Keycloak issues tokens.
 */
@RestController
@ConditionalOnProperty(name = "radhus.dev-issuer.enabled", havingValue = "true")
class DevIssuerController {

    private static final Logger log = LoggerFactory.getLogger(DevIssuerController.class);
    static final Set<String> ROLES = Set.of("registrator", "sekreterare", "handlaggare", "ekonom", "upphandlare", "admin", "service");

    private final DevTokenIssuer issuer;

    DevIssuerController(DevTokenIssuer issuer) {
        this.issuer = issuer;
        log.warn("************************************************************************");
        log.warn("DEVELOPMENT TOKEN ISSUER ENABLED at /dev/token: anyone can get any role.");
        log.warn("Never enable it outside a developer's machine (RADHUS_DEV_ISSUER=false).");
        log.warn("************************************************************************");
    }

    /**
     * What a developer asks for: a subject and roles; optionally a lifetime, the audience (default: the
     * HTTP API for people, the services for a service), and raw claims laid over the rest (to try tokens
     * that every resource server must refuse).
     */
    record TokenRequest(String subject, List<String> roles, Long ttlSeconds, List<String> audience,
                        Map<String, Object> claims) {
    }

    @GetMapping(value = "/dev/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    String jwks() {
        return issuer.jwks();
    }

    @PostMapping("/dev/token")
    ResponseEntity<Map<String, Object>> token(@RequestBody TokenRequest r) {
        if (r.subject() == null || !r.subject().matches("[A-Za-z0-9._@-]{1,64}") || r.roles() == null
                || !ROLES.containsAll(r.roles())) {
            Problem p = Problem.badRequest("Send {\"subject\": \"anna\", \"roles\": [...]} with roles among " + ROLES + ".");
            return ResponseEntity.badRequest().contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE)).body(p.toMap());
        }
        long ttl = r.ttlSeconds() == null ? 3600 : Math.max(-3600, Math.min(r.ttlSeconds(), 200L * 365 * 24 * 3600));
        List<String> audience = r.audience() != null ? r.audience() : DevTokenIssuer.defaultAudience(r.roles());
        String token = issuer.issue(r.subject(), r.roles(), audience, ttl, r.claims() == null ? Map.of() : r.claims());
        return ResponseEntity.ok(Map.of("access_token", token, "token_type", "Bearer", "expires_in", ttl));
    }
}
