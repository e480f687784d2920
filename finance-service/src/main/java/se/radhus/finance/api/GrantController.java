package se.radhus.finance.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.money.Money;
import se.radhus.finance.domain.Grant;
import se.radhus.finance.service.GrantService;
import se.radhus.finance.store.GrantStore;
import se.radhus.micronaut.MoneyJson;
import se.radhus.micronaut.PageResponse;

/** Grants (beviljade medel): {@code /api/grants}. */
@Secured(SecurityRule.IS_ANONYMOUS) // reads are public; each write below names its roles
@Controller("/api/grants")
public class GrantController {

    private final GrantService service;
    private final GrantStore store;

    public GrantController(GrantService service, GrantStore store) {
        this.service = service;
        this.store = store;
    }

    /** A recipient and its amounts. */
    @Serdeable
    public record RecipientJson(String name, List<Json.Amount> amounts, @Nullable MoneyJson total) {
    }

    /** A grant as the API shows it. */
    @Serdeable
    public record GrantJson(String id, String appropriationId, @Nullable String purpose, List<RecipientJson> recipients,
                            @Nullable String condition, String conditionStatus, String status, @Nullable Json.Decision decision,
                            MoneyJson total) {
        static GrantJson of(Grant g) {
            String currency = g.recipients().isEmpty() || g.recipients().get(0).amounts().isEmpty() ? Money.SEK
                    : g.recipients().get(0).amounts().get(0).amount().currency();
            return new GrantJson(g.id(), g.appropriationId(), g.purpose(), g.recipients().stream()
                    .map(r -> new RecipientJson(r.name(), r.amounts().stream().map(Json.Amount::of).toList(),
                            MoneyJson.of(r.total(currency)))).toList(),
                    g.condition(), g.conditionStatus().name(), g.status().name(), Json.Decision.of(g.decision()),
                    MoneyJson.of(g.recipients().stream().map(r -> r.total(currency)).reduce(Money.zero(currency), Money::plus)));
        }
    }

    /** What a client sends to grant money. */
    @Serdeable
    public record NewGrant(String id, String appropriationId, @Nullable String purpose, List<RecipientJson> recipients,
                           @Nullable String condition, @Nullable String status, @Nullable Json.Decision decision,
                           String effectiveDate, @Nullable Boolean allowPreCommitment) {
    }

    /** A change that counts from a day. */
    @Serdeable
    public record Change(String effectiveDate) {
    }

    @Get
    public PageResponse<GrantJson> list(@Nullable @QueryValue String appropriationId,
                                        @QueryValue(defaultValue = "0") int pageSize, @QueryValue(defaultValue = "") String pageToken) {
        var page = store.list(appropriationId, pageSize, pageToken);
        return new PageResponse<>(page.items().stream().map(GrantJson::of).toList(), page.nextPageToken());
    }

    @Get("/{id}")
    public GrantJson get(@PathVariable String id) {
        return GrantJson.of(service.get(id).grant());
    }

    @Secured({"ekonom", "admin"})
    @Post
    public HttpResponse<GrantJson> create(@Body NewGrant r, @Nullable @Header("Idempotency-Key") String key) {
        AppropriationController.requireKey(key);
        if (r.recipients() == null) {
            throw new InvalidInput("recipients", "at least one recipient with amounts per year");
        }
        LocalDate effective = Json.date(r.effectiveDate(), "effectiveDate");
        if (effective == null) {
            throw new InvalidInput("effectiveDate", "the day the grant counts from, YYYY-MM-DD");
        }
        Grant.Status status;
        try {
            status = r.status() == null ? Grant.Status.RESERVED : Grant.Status.valueOf(r.status());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "RESERVED or COMMITTED");
        }
        Grant g = new Grant(r.id(), r.appropriationId(), r.purpose(),
                r.recipients().stream().map(x -> new Grant.Recipient(x.name(), Json.amounts(x.amounts()))).toList(),
                r.condition(), r.condition() == null || r.condition().isBlank() ? Grant.ConditionStatus.NONE : Grant.ConditionStatus.CONDITIONAL,
                status, r.decision() == null ? null : r.decision().toDomain());
        Grant created = service.create(g, effective, Boolean.TRUE.equals(r.allowPreCommitment()), key);
        return HttpResponse.created(GrantJson.of(created), URI.create("/api/grants/" + created.id()));
    }

    /** A payment to one recipient (by index) for a year. */
    @Serdeable
    public record Payment(int recipient, int year, MoneyJson amount, String paidOn) {
    }

    @Secured({"ekonom", "admin"})
    @Post("/{id}/payments")
    public GrantJson pay(@PathVariable String id, @Body Payment p, @Nullable @Header("Idempotency-Key") String key) {
        AppropriationController.requireKey(key);
        if (p.amount() == null) {
            throw new InvalidInput("amount", "the amount paid");
        }
        return GrantJson.of(service.pay(id, p.recipient(), p.year(), p.amount().toMoney(), Json.date(p.paidOn(), "paidOn"), key));
    }

    @Secured({"ekonom", "admin"})
    @Post("/{id}/commit")
    public GrantJson commit(@PathVariable String id, @Body Change c) {
        return GrantJson.of(service.commit(id, Json.date(c.effectiveDate(), "effectiveDate")));
    }

    @Secured({"ekonom", "admin"})
    @Post("/{id}/condition/confirm")
    public GrantJson confirm(@PathVariable String id, @Body Change c) {
        return GrantJson.of(service.confirmCondition(id, Json.date(c.effectiveDate(), "effectiveDate")));
    }

    @Secured({"ekonom", "admin"})
    @Post("/{id}/condition/lapse")
    public GrantJson lapse(@PathVariable String id, @Body Change c) {
        return GrantJson.of(service.lapse(id, Json.date(c.effectiveDate(), "effectiveDate")));
    }

    @Secured({"ekonom", "admin"})
    @Post("/{id}/cancel")
    public GrantJson cancel(@PathVariable String id, @Body Change c) {
        return GrantJson.of(service.cancel(id, Json.date(c.effectiveDate(), "effectiveDate")));
    }
}
