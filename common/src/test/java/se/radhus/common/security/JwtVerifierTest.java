package se.radhus.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    final DevTokenIssuer issuer = new DevTokenIssuer("http://localhost:8080/dev", Clock.systemUTC());
    final JwtVerifier verifier = SecurityConfig.verifier(issuer.issuer(), null, issuer.jwks());

    @Test
    void aGoodTokenGivesItsSubjectAndRoles() {
        Principal p = verifier.verify(issuer.issue("anna", List.of("sekreterare"), 300));
        assertEquals("anna", p.subject());
        assertEquals(Set.of("sekreterare"), p.roles());
        assertTrue(p.seesDrafts());
    }

    @Test
    void keycloakRolesAreRead() {
        long now = Instant.now().getEpochSecond();
        String t = issuer.sign(new Document("alg", "RS256").append("kid", issuer.kid()), new Document("iss", issuer.issuer())
                .append("sub", "bo").append("exp", now + 60).append("realm_access", new Document("roles", List.of("ekonom"))));
        assertEquals(Set.of("ekonom"), verifier.verify(t).roles());
    }

    @Test
    void forgedExpiredAndAlgNoneTokensAreRefused() {
        long now = Instant.now().getEpochSecond();
        Document claims = new Document("iss", issuer.issuer()).append("sub", "x").append("exp", now + 60).append("roles", List.of("admin"));
        // alg none, no signature
        String none = DevTokenIssuer.b64("{\"alg\":\"none\"}") + "." + DevTokenIssuer.b64(claims.toJson()) + ".";
        assertThrows(InvalidToken.class, () -> verifier.verify(none));
        // HS256 header on an RSA signature
        assertThrows(InvalidToken.class, () -> verifier.verify(issuer.sign(new Document("alg", "HS256").append("kid", issuer.kid()), claims)));
        // signed by another key
        DevTokenIssuer other = new DevTokenIssuer(issuer.issuer(), Clock.systemUTC());
        assertThrows(InvalidToken.class, () -> verifier.verify(other.issue("x", List.of("admin"), 60)));
        // the right key, payload changed afterwards
        String good = issuer.issue("x", List.of("ekonom"), 60);
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + DevTokenIssuer.b64(claims.toJson()) + "." + parts[2];
        assertThrows(InvalidToken.class, () -> verifier.verify(tampered));
        // expired, wrong issuer, no subject, not yet valid
        assertThrows(InvalidToken.class, () -> verifier.verify(issuer.issue("x", List.of(), -120)));
        assertThrows(InvalidToken.class, () -> verifier.verify(issuer.sign(new Document("alg", "RS256").append("kid", issuer.kid()),
                new Document(claims).append("iss", "http://evil"))));
        assertThrows(InvalidToken.class, () -> verifier.verify(issuer.sign(new Document("alg", "RS256").append("kid", issuer.kid()),
                new Document("iss", issuer.issuer()).append("exp", now + 60))));
        assertThrows(InvalidToken.class, () -> verifier.verify(issuer.sign(new Document("alg", "RS256").append("kid", issuer.kid()),
                new Document(claims).append("nbf", now + 3600))));
        assertThrows(InvalidToken.class, () -> verifier.verify("garbage"));
    }

    @Test
    void thePolicyAnswersUnauthenticatedForbiddenOrAllowed() {
        AccessPolicy meetings = AccessPolicy.meetings();
        Principal secretary = new Principal("s", Set.of("sekreterare"));
        Principal economist = new Principal("e", Set.of("ekonom"));
        assertEquals(AccessPolicy.Decision.ALLOW, meetings.decide("GET", "/api/meetings/x", Principal.ANONYMOUS));
        assertEquals(AccessPolicy.Decision.UNAUTHENTICATED, meetings.decide("POST", "/api/meetings/x/justering", Principal.ANONYMOUS));
        assertEquals(AccessPolicy.Decision.FORBIDDEN, meetings.decide("POST", "/api/meetings/x/justering", economist));
        assertEquals(AccessPolicy.Decision.ALLOW, meetings.decide("POST", "/api/meetings/x/justering", secretary));
        assertEquals(AccessPolicy.Decision.FORBIDDEN, meetings.decide("POST", "/api/meetings/x/justering",
                new Principal("h", Set.of("handlaggare"))));
        assertEquals(AccessPolicy.Decision.ALLOW, meetings.decide("POST", "/api/meetings/x/paragraphs", new Principal("h", Set.of("handlaggare"))));
        assertEquals(AccessPolicy.Decision.ALLOW, meetings.decide("DELETE", "/api/meetings/x/paragraphs/2", secretary));
        assertEquals(AccessPolicy.Decision.FORBIDDEN, meetings.decide("DELETE", "/api/bodies/x", secretary));
        assertEquals(AccessPolicy.Decision.ALLOW, meetings.decide("DELETE", "/api/bodies/x", new Principal("a", Set.of("admin"))));
        assertEquals(AccessPolicy.Decision.FORBIDDEN, meetings.decide("GET", "/api/audit", secretary));
        assertEquals(AccessPolicy.Decision.FORBIDDEN, AccessPolicy.finance().decide("POST", "/api/grants", secretary));
        assertEquals(AccessPolicy.Decision.ALLOW, AccessPolicy.finance().decide("POST", "/api/grants", economist));
        assertEquals(AccessPolicy.Decision.FORBIDDEN, AccessPolicy.procurement().decide("POST", "/api/procurements/x/award", economist));
    }
}
