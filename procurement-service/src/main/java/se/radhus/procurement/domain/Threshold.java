package se.radhus.procurement.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import se.radhus.common.money.Money;

/**
 * An LOU threshold (2016:1145) valid for a period: the direct award limit (direktupphandlingsgränsen)
 * and the EU thresholds for municipalities. Kept as data, so a new period is a new row, not new code.
 *
 * @param kind      which threshold
 * @param amount    the value in SEK
 * @param validFrom first day it applies
 * @param validTo   last day it applies, or null while it runs
 */
public record Threshold(Kind kind, Money amount, LocalDate validFrom, LocalDate validTo) {

    /** Which threshold. */
    public enum Kind {
        /** Below it (strictly), a direct award is allowed. */
        DIRECT_AWARD_LIMIT,
        /** EU threshold for goods and services bought by municipalities. */
        EU_GOODS_SERVICES,
        /** EU threshold for works. */
        EU_WORKS
    }

    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** The threshold of a kind that applies on a day; the latest starting if periods overlap. */
    public static Optional<Threshold> find(List<Threshold> table, Kind kind, LocalDate day) {
        return table.stream().filter(t -> t.kind() == kind && t.appliesOn(day))
                .max(Comparator.comparing(Threshold::validFrom));
    }

    /** The table in force from 2024: 700 000 kr direct award limit; EU 2 389 585 kr and 59 880 179 kr for 2024-2025. */
    public static List<Threshold> defaults() {
        return List.of(
                new Threshold(Kind.DIRECT_AWARD_LIMIT, Money.kronor(700_000), LocalDate.of(2022, 2, 1), null),
                new Threshold(Kind.EU_GOODS_SERVICES, Money.kronor(2_389_585), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)),
                new Threshold(Kind.EU_WORKS, Money.kronor(59_880_179), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)));
    }
}
