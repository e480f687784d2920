package se.radhus.common.security;

import java.util.Set;

/**
 * Who is calling: the token's subject and roles, or nobody (anonymous).
 *
 * @param subject the token's {@code sub}, null when anonymous
 * @param roles   registrator, sekreterare, handlaggare, ekonom, upphandlare, admin; service for a service
 * @param client  the token's {@code azp} (the OAuth client it was issued to), if any
 */
public record Principal(String subject, Set<String> roles, String client) {

    public static final Principal ANONYMOUS = new Principal(null, Set.of(), null);
    /** Roles that may see protected identities (skyddade personuppgifter) and drafts. */
    public static final Set<String> STAFF = Set.of("registrator", "sekreterare", "handlaggare", "ekonom", "upphandlare", "admin");

    public Principal {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public Principal(String subject, Set<String> roles) {
        this(subject, roles, null);
    }

    /**
     * The calling service, for a service token: a token with the role {@code service} whose client
     * ({@code azp}, Keycloak's client id) or else subject names the service; null for a person.
     */
    public String service() {
        if (!roles.contains("service")) {
            return null;
        }
        return client != null ? client : subject;
    }

    public boolean anonymous() {
        return subject == null;
    }

    public boolean hasAny(Set<String> wanted) {
        return roles.contains("admin") || roles.stream().anyMatch(wanted::contains);
    }

    /** Staff may see drafts; the public may not. */
    public boolean seesDrafts() {
        return hasAny(STAFF);
    }

    /** Only the diarium and the secretariat (and admin) see protected identities. */
    public boolean seesProtectedIdentities() {
        return hasAny(Set.of("registrator", "sekreterare"));
    }
}
