package se.radhus.meetings.domain;

/** A dissent (reservation) against the decision, by a member and party, with optional written grounds. */
public record Reservation(String by, String party, String text) {
}
