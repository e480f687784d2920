package se.radhus.procurement.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

/**
 * An LOU threshold (2016:1145) valid for a period: the direct award limit (direktupphandlingsgränsen) and
 * the EU thresholds for municipalities. Kept as dated data, each row with where it was read, so a new
 * period is a new row, not new code.
 *
 * @param kind      which threshold
 * @param amount    the value in SEK, excluding VAT
 * @param validFrom first day it applies
 * @param validTo   last day it applies, or null while it runs
 * @param source    where the amount was read (the publisher, the page, its address)
 */
public record Threshold(Kind kind, Money amount, LocalDate validFrom, LocalDate validTo, String source) {

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

    /** The threshold of a kind that applies on a day, or a refusal naming the row that is missing. */
    public static Threshold require(List<Threshold> table, Kind kind, LocalDate day) {
        return find(table, kind, day).orElseThrow(() -> new Missing(kind, day, table));
    }

    /** No row of the table covers the day: the period's thresholds must be added, with their source. */
    public static final class Missing extends RuleViolation {
        private final Kind kind;
        private final LocalDate day;

        Missing(Kind kind, LocalDate day, List<Threshold> table) {
            super("threshold-missing", "No " + kind + " threshold covers " + day + (lastCovered(table, kind) == null ? ""
                    : " (the table's rows of that kind run to " + lastCovered(table, kind) + ")") + "; add the row for the period, with"
                    + " its source, at POST /api/thresholds. The regime is not guessed.");
            this.kind = kind;
            this.day = day;
        }

        private static LocalDate lastCovered(List<Threshold> table, Kind kind) {
            return table.stream().filter(t -> t.kind() == kind && t.validTo() != null).map(Threshold::validTo)
                    .max(LocalDate::compareTo).orElse(null);
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("missing", Map.of("kind", kind.name(), "date", day.toString()));
        }
    }

    /** The table as shipped: {@code thresholds.tsv} beside this class, one row a period with its source. */
    public static List<Threshold> defaults() {
        try (InputStream in = Threshold.class.getResourceAsStream("thresholds.tsv")) {
            if (in == null) {
                throw new IllegalStateException("thresholds.tsv is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Threshold> parse(List<String> lines) {
        List<Threshold> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 5);
            if (f.length != 5) {
                throw new IllegalArgumentException("a threshold row is kind, kronor, from, to, source: " + line);
            }
            rows.add(new Threshold(Kind.valueOf(f[0]), Money.kronor(Long.parseLong(f[1])), LocalDate.parse(f[2]),
                    f[3].isBlank() ? null : LocalDate.parse(f[3]), f[4].strip()));
        }
        return rows;
    }
}
