package se.radhus.micronaut;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import java.util.Set;
import se.radhus.common.security.Principal;

/** Who is calling, as micronaut-security authenticated the request: the token's subject and roles, or anonymous. */
public final class Callers {

    private Callers() {
    }

    public static Principal principal(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class)
                .map(a -> new Principal(a.getName(), Set.copyOf(a.getRoles()),
                        a.getAttributes().get("azp") instanceof String azp ? azp : null))
                .orElse(Principal.ANONYMOUS);
    }
}
