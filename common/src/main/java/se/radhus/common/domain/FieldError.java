package se.radhus.common.domain;

/** One invalid field of a request: its name and what is expected there. */
public record FieldError(String field, String expected) {
}
