package se.radhus.procurement.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.List;
import se.radhus.common.domain.InvalidInput;
import se.radhus.procurement.domain.Threshold;
import se.radhus.procurement.store.ThresholdStore;

/** The LOU threshold table: {@code /api/thresholds}. A new period is a new row, with its source. */
@Secured(SecurityRule.IS_ANONYMOUS) // reads are public; each write below names its roles
@Controller("/api/thresholds")
public class ThresholdController {

    private final ThresholdStore store;

    public ThresholdController(ThresholdStore store) {
        this.store = store;
    }

    @Get
    public List<Json.ThresholdJson> list() {
        return store.all().stream().map(Json.ThresholdJson::of).toList();
    }

    /** A threshold to add: each part is checked here, so a missing one is named in the refusal. */
    @io.micronaut.serde.annotation.Serdeable
    public record NewThreshold(@io.micronaut.core.annotation.Nullable Threshold.Kind kind,
                               @io.micronaut.core.annotation.Nullable se.radhus.common.money.Money amount,
                               @io.micronaut.core.annotation.Nullable java.time.LocalDate validFrom,
                               @io.micronaut.core.annotation.Nullable java.time.LocalDate validTo,
                               @io.micronaut.core.annotation.Nullable String source) {
    }

    @Secured({"upphandlare", "admin"})
    @Post
    public HttpResponse<Json.ThresholdJson> add(@Body NewThreshold t) {
        if (t.kind() == null || t.amount() == null || t.amount().ore() <= 0 || t.validFrom() == null
                || (t.validTo() != null && t.validTo().isBefore(t.validFrom()))) {
            throw new InvalidInput("threshold", "a kind, a positive amount and a period (validFrom, optional validTo)");
        }
        if (t.source() == null || t.source().isBlank() || t.source().length() > 1000) {
            throw new InvalidInput("source", "where the amount was read: the publisher, the page and its address");
        }
        Threshold added = new Threshold(t.kind(), t.amount(), t.validFrom(), t.validTo(), t.source());
        store.add(added);
        return HttpResponse.created(Json.ThresholdJson.of(added));
    }
}
