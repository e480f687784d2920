package se.radhus.common.security;

import java.util.Set;

/**
 * Who is calling: the token's subject and roles, or nobody (anonymous).
 *
 * @param subject the token's {@code sub}, null when anonymous
 * @param roles   registrator, sekreterare, handlaggare, ekonom, upphandlare, admin
 */
public record Principal(String subject, Set<String> roles) {

    public static final Principal ANONYMOUS = new Principal(null, Set.of());
    /** Roles that may see protected identities (skyddade personuppgifter) and drafts. */
    public static final Set<String> STAFF = Set.of("registrator", "sekreterare", "handlaggare", "ekonom", "upphandlare", "admin");

    public Principal {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
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
