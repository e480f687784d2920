package se.radhus.common.domain;

/**
 * A domain rule refuses the operation in the state things are in (HTTP 409, gRPC FAILED_PRECONDITION).
 *
 * @see #rule() a stable lower-case slug naming the rule, e.g. {@code protocol-adjusted}
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    /** Facts a caller can act on (a year, what is left, the shortfall …), added to the problem. */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }
}
