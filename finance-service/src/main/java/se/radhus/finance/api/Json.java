package se.radhus.finance.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.money.Money;
import se.radhus.common.money.SwedishFormat;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.YearAmount;
import se.radhus.finance.domain.YearBalance;
import se.radhus.micronaut.MoneyJson;

/** The finance API's JSON shapes. */
public final class Json {

    private Json() {
    }

    /** A decision reference: body, meeting date, § and case. */
    @Serdeable
    public record Decision(String bodyId, String meetingDate, int paragraph, @Nullable String caseNumber) {
        static Decision of(DecisionRef d) {
            return d == null ? null : new Decision(d.bodyId(), d.meetingDate().toString(), d.paragraph(), d.caseNumber());
        }

        DecisionRef toDomain() {
            try {
                return new DecisionRef(bodyId, meetingDate == null ? null : LocalDate.parse(meetingDate), paragraph, caseNumber);
            } catch (RuntimeException e) {
                throw new InvalidInput("decision", "bodyId, meetingDate (YYYY-MM-DD), paragraph and caseNumber (KS-2024/00361): " + e.getMessage());
            }
        }
    }

    /** An amount for one year. */
    @Serdeable
    public record Amount(int year, MoneyJson amount) {
        static Amount of(YearAmount y) {
            return new Amount(y.year(), MoneyJson.of(y.amount()));
        }

        YearAmount toDomain() {
            if (amount == null) {
                throw new InvalidInput("amounts", "an amount for " + year + ": {\"ore\": …, \"currency\": \"SEK\"}");
            }
            try {
                return new YearAmount(year, amount.toMoney());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("amounts", e.getMessage());
            }
        }
    }

    /** The amounts as sent, per year (an amount left out is null, for the domain to name). */
    static List<java.util.Map.Entry<Integer, Money>> amountsPerYear(List<Amount> amounts) {
        return amounts == null ? List.of() : amounts.stream().<java.util.Map.Entry<Integer, Money>>map(a ->
                new java.util.AbstractMap.SimpleEntry<>(a.year(), a.amount() == null ? null : a.toDomain().amount())).toList();
    }

    static List<YearAmount> amounts(List<Amount> amounts) {
        return amounts == null ? List.of() : amounts.stream().map(Amount::toDomain).toList();
    }

    /** An appropriation, with what is appropriated to each year. */
    @Serdeable
    public record Appropriation(String id, String name, String ownerBodyId, String currency, List<Amount> amounts) {
    }

    /** What a client sends to create an appropriation. */
    @Serdeable
    public record NewAppropriation(String id, String name, String ownerBodyId, @Nullable String currency,
                                   @Nullable List<Amount> amounts, @Nullable Decision decision, @Nullable String effectiveDate) {
    }

    /** More money appropriated to a year. */
    @Serdeable
    public record Allocation(int year, MoneyJson amount, @Nullable String effectiveDate, @Nullable Decision decision) {
    }

    /** A correction: why the entry is wrong, and the adjusted decision the correction rests on. */
    @Serdeable
    public record Reversal(@Nullable String reason, @Nullable Decision decision) {
    }

    /** One year's balance. */
    @Serdeable
    public record YearBalanceJson(int year, MoneyJson appropriated, MoneyJson reserved, MoneyJson committed, MoneyJson paid,
                                  MoneyJson remaining, MoneyJson preCommitted, String remainingTkr) {
        static YearBalanceJson of(YearBalance y) {
            return new YearBalanceJson(y.year(), MoneyJson.of(y.appropriated()), MoneyJson.of(y.reserved()),
                    MoneyJson.of(y.committed()), MoneyJson.of(y.paid()), MoneyJson.of(y.remaining()),
                    MoneyJson.of(y.preCommitted()), SwedishFormat.tkr(y.remaining()));
        }
    }

    /** An appropriation's balance as of a date. */
    @Serdeable
    public record Balance(String appropriationId, @Nullable String asOf, List<YearBalanceJson> years) {
    }

    /** A ledger entry. */
    @Serdeable
    public record EntryJson(String id, String kind, int year, MoneyJson amount, String effectiveDate, String recordedAt,
                            @Nullable Decision decision, String idempotencyKey, @Nullable String holdId,
                            @Nullable String releases, @Nullable String reverses, boolean preCommitment, @Nullable String reason) {
        static EntryJson of(Entry e) {
            return new EntryJson(e.id(), e.kind().name(), e.year(), MoneyJson.of(e.amount()), e.effectiveDate().toString(),
                    e.recordedAt().toString(), Decision.of(e.decision()), e.idempotencyKey(), e.holdId(),
                    e.releases() == null ? null : e.releases().name(), e.reverses(), e.preCommitment(), e.reason());
        }
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            throw new InvalidInput(field, "a date, YYYY-MM-DD");
        }
    }
}
