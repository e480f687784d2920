package se.radhus.meetings.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import se.radhus.common.security.Principal;
import se.radhus.common.security.TokenVerifier;

/** Who is calling, as Spring Security authenticated the request: the token's subject and roles, or anonymous. */
public final class Caller {

    private Caller() {
    }

    public static Principal principal(HttpServletRequest request) {
        return current();
    }

    public static Principal current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            return TokenVerifier.principal(jwt.getToken().getClaims());
        }
        return Principal.ANONYMOUS;
    }
}
