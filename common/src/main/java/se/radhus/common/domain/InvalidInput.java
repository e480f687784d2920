package se.radhus.common.domain;

import java.util.List;

/** Input that does not have the form it must have (HTTP 400 naming the fields, gRPC INVALID_ARGUMENT). */
public class InvalidInput extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.expected()).reduce((a, b) -> a + "; " + b).orElse(""),
                null, false, false);
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String expected) {
        this(List.of(new FieldError(field, expected)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Throws when there are errors. */
    public static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
