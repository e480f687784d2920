package se.radhus.meetings.domain;

import java.time.LocalDate;

/**
 * A person's seat in a body for a period.
 *
 * @param personId the person
 * @param role     ORDFORANDE, VICE_ORDFORANDE, LEDAMOT or ERSATTARE
 * @param from     first day
 * @param to       last day, or null while it runs
 */
public record Membership(String personId, Role role, LocalDate from, LocalDate to) {

    public boolean activeOn(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
}
