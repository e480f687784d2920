package se.radhus.meetings.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.radhus.common.domain.FieldError;

/**
 * What a paragraph's decision does in another service, carried out once when the protocol is adjusted.
 *
 * <ul>
 *   <li>GRANT: money from {@code appropriationId} to {@code recipients}, perhaps on a {@code condition}
 *   (finance-service). While drafted, its money is reserved.</li>
 *   <li>TENDER_APPROVAL: the tender documents of {@code procurementId} are approved (procurement-service).</li>
 *   <li>AWARD: {@code procurementId} is awarded to {@code suppliers} for {@code value}, the decision sent on
 *   {@code sentOn} (procurement-service).</li>
 * </ul>
 */
public record Effect(Kind kind, String appropriationId, String purpose, List<Recipient> recipients, String condition,
                     boolean allowPreCommitment, String procurementId, List<Supplier> suppliers, Long valueOre,
                     LocalDate sentOn, Boolean sentElectronically) {

    /** What kind of effect. */
    public enum Kind { GRANT, TENDER_APPROVAL, AWARD }

    /** A grant's recipient and its amounts (öre) per year. */
    public record Recipient(String name, List<YearOre> amounts) {
        public Recipient {
            amounts = amounts == null ? List.of() : List.copyOf(amounts);
        }
    }

    /** An amount in öre for a year. */
    public record YearOre(int year, long ore) {
    }

    /** An awarded supplier, ranked from 1. */
    public record Supplier(String name, String organisationNumber, int rank) {
    }

    public Effect {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        suppliers = suppliers == null ? List.of() : List.copyOf(suppliers);
    }

    /** The effect's id, also its idempotency key: meeting, §, and its place in the paragraph. */
    public static String id(String meetingId, int paragraph, int index) {
        return meetingId + "-" + paragraph + "-" + (index + 1);
    }

    public List<FieldError> validate(String field) {
        List<FieldError> errors = new ArrayList<>();
        if (kind == null) {
            errors.add(new FieldError(field + ".kind", "GRANT, TENDER_APPROVAL or AWARD"));
            return errors;
        }
        switch (kind) {
            case GRANT -> {
                if (appropriationId == null || appropriationId.isBlank()) {
                    errors.add(new FieldError(field + ".appropriationId", "the appropriation the money comes from"));
                }
                if (recipients.isEmpty() || recipients.stream().anyMatch(r -> r.name() == null || r.amounts().isEmpty()
                        || r.amounts().stream().anyMatch(a -> a.ore() <= 0))) {
                    errors.add(new FieldError(field + ".recipients", "each with a name and positive amounts per year"));
                }
            }
            case TENDER_APPROVAL -> {
                if (procurementId == null || procurementId.isBlank()) {
                    errors.add(new FieldError(field + ".procurementId", "the procurement whose tender documents are approved"));
                }
            }
            case AWARD -> {
                if (procurementId == null || procurementId.isBlank()) {
                    errors.add(new FieldError(field + ".procurementId", "the procurement awarded"));
                }
                if (suppliers.isEmpty()) {
                    errors.add(new FieldError(field + ".suppliers", "the awarded suppliers"));
                }
                if (valueOre == null || valueOre <= 0) {
                    errors.add(new FieldError(field + ".valueOre", "the awarded value in öre"));
                }
                if (sentOn == null) {
                    errors.add(new FieldError(field + ".sentOn", "the day the award decision is sent"));
                }
            }
        }
        return errors;
    }

    /** Per year, the sum of a grant's amounts: what its draft reserves. */
    public java.util.Map<Integer, Long> totalsPerYear() {
        java.util.Map<Integer, Long> sums = new java.util.TreeMap<>();
        for (Recipient r : recipients) {
            for (YearOre a : r.amounts()) {
                sums.merge(a.year(), a.ore(), Long::sum);
            }
        }
        return sums;
    }
}
