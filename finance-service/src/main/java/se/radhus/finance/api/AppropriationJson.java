package se.radhus.finance.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import se.radhus.finance.domain.Appropriation;
import se.radhus.finance.domain.YearAmount;
import se.radhus.micronaut.MoneyJson;

/** An appropriation in JSON. */
@Serdeable
public record AppropriationJson(String id, String name, String ownerBodyId, @Nullable List<YearAmountJson> amounts) {

    /** One year's amount in JSON. */
    @Serdeable
    public record YearAmountJson(int year, MoneyJson amount) {
    }

    static AppropriationJson of(Appropriation a) {
        return new AppropriationJson(a.id(), a.name(), a.ownerBodyId(), a.amounts().stream()
                .map(y -> new YearAmountJson(y.year(), MoneyJson.of(y.amount()))).toList());
    }

    Appropriation toDomain() {
        return new Appropriation(id, name, ownerBodyId, amounts == null ? List.of() : amounts.stream()
                .map(y -> new YearAmount(y.year(), y.amount().toMoney())).toList());
    }
}
