package se.radhus.common.security;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may call what: rules of method, path pattern and roles, the first that matches decides. Reads
 * that no rule names are public (each service still hides drafts and protected identities); writes that
 * no rule names need admin.
 */
public final class AccessPolicy {

    /** The outcome. */
    public enum Decision { ALLOW, UNAUTHENTICATED, FORBIDDEN }

    /**
     * A rule.
     *
     * @param methods HTTP methods, e.g. {@code Set.of("POST", "PUT")}
     * @param path    a regular expression the whole path must match
     * @param roles   roles allowed; empty means anyone, signed in or not
     */
    public record Rule(Set<String> methods, Pattern path, Set<String> roles) {
        public static Rule of(String methods, String pathRegex, String... roles) {
            return new Rule(Set.of(methods.split(",")), Pattern.compile(pathRegex), Set.of(roles));
        }
    }

    private final List<Rule> rules;

    public AccessPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Decision decide(String method, String path, Principal who) {
        for (Rule r : rules) {
            if (r.methods().contains(method) && r.path().matcher(path).matches()) {
                return decide(r.roles(), who);
            }
        }
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        return read ? Decision.ALLOW : decide(Set.of("admin"), who);
    }

    static Decision decide(Set<String> roles, Principal who) {
        if (roles.isEmpty()) {
            return Decision.ALLOW;
        }
        if (who.anonymous()) {
            return Decision.UNAUTHENTICATED;
        }
        return who.hasAny(roles) ? Decision.ALLOW : Decision.FORBIDDEN;
    }

    /** meetings-service. */
    public static AccessPolicy meetings() {
        return new AccessPolicy(List.of(
                Rule.of("GET", "/api/audit(/.*)?", "admin"),
                Rule.of("POST,PUT", "/api/(bodies|persons)(/.*)?", "registrator"),
                Rule.of("POST", "/api/cases(/.*)?", "registrator"),
                Rule.of("POST", "/api/meetings/[^/]+/(justering|anslag)", "sekreterare"),
                Rule.of("POST", "/api/meetings/[^/]+/paragraphs/\\d+/justering", "sekreterare"),
                Rule.of("POST,PUT,DELETE", "/api/meetings(/.*)?", "sekreterare", "handlaggare"),
                Rule.of("POST", "/api/imports(/.*)?", "sekreterare", "registrator")));
    }

    /** finance-service. */
    public static AccessPolicy finance() {
        return new AccessPolicy(List.of(
                Rule.of("GET", "/api/audit(/.*)?", "admin"),
                Rule.of("POST,PUT", "/api/(appropriations|grants|budget)(/.*)?", "ekonom")));
    }

    /** procurement-service. */
    public static AccessPolicy procurement() {
        return new AccessPolicy(List.of(
                Rule.of("GET", "/api/audit(/.*)?", "admin"),
                Rule.of("POST,PUT", "/api/(procurements|contracts|thresholds)(/.*)?", "upphandlare")));
    }
}
