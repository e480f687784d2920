package se.radhus.finance.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.money.Money;
import se.radhus.finance.domain.Grant;
import se.radhus.finance.service.GrantService;
import se.radhus.finance.store.GrantStore;
import se.radhus.micronaut.Callers;
import se.radhus.micronaut.IdempotentRequests;
import se.radhus.micronaut.MoneyJson;
import se.radhus.micronaut.PageResponse;

/**
 * Grants (beviljade medel): {@code /api/grants}. The service names a grant made here ({@code g-} and 16 hex
 * digits, the same on every retry of its Idempotency-Key); a grant an effect of a decision makes carries
 * the effect's id, which a client can never take. A reserved grant is a draft: the public does not see it.
 */
@Secured(SecurityRule.IS_ANONYMOUS) // reads are public; each write below names its roles
@Controller("/api/grants")
public class GrantController {

    /** The ids of grants created over HTTP; no effect id has this shape (an effect id has a dash after each part). */
    public static final String HTTP_ID_PREFIX = "g-";
    static final java.util.regex.Pattern HTTP_ID = java.util.regex.Pattern.compile("g-[0-9a-f]{16}");

    private final GrantService service;
    private final GrantStore store;
    private final IdempotentRequests idempotency;
    private final se.radhus.micronaut.client.ProtectedPersons protectedPersons;
    private se.radhus.micronaut.SecrecyMarks secrecy;

    @jakarta.inject.Inject
    void secrecy(se.radhus.micronaut.SecrecyMarks secrecy) {
        this.secrecy = secrecy;
    }

    public GrantController(GrantService service, GrantStore store, IdempotentRequests idempotency,
                           se.radhus.micronaut.client.ProtectedPersons protectedPersons) {
        this.service = service;
        this.store = store;
        this.idempotency = idempotency;
        this.protectedPersons = protectedPersons;
    }

    /**
     * The grant as this caller may see it: to all but registrator, sekreterare and admin, a recipient with a
     * protected identity is "Skyddad identitet" and the purpose and condition name nobody protected (as
     * meetings-service says; while it cannot, every recipient is hidden from them).
     */
    GrantJson shown(Grant g, HttpRequest<?> request) {
        GrantJson j = GrantJson.of(g);
        if (Callers.principal(request).seesProtectedIdentities()) {
            return j;
        }
        var secret = secrecy == null ? java.util.Optional.<String>empty() : secrecy.of(g.id());
        if (secret.isPresent()) {
            // a grant of a secret decision: the public sees the provision, not what it is for nor to whom
            String marking = "Sekretess enligt " + secret.get();
            return new GrantJson(j.id(), j.appropriationId(), marking,
                    j.recipients().stream().map(r -> new RecipientJson(marking, r.amounts(), r.total())).toList(),
                    j.condition() == null ? null : marking, j.conditionStatus(), j.status(), j.decision(), j.cancellation(), j.total(),
                    j.decisionAdjustedOn(), j.conditionConfirmedOn());
        }
        var shown = protectedPersons.forThePublic();
        return new GrantJson(j.id(), j.appropriationId(), shown.text(j.purpose()),
                j.recipients().stream().map(r -> new RecipientJson(shown.name(r.name()), r.amounts(), r.total())).toList(),
                shown.text(j.condition()), j.conditionStatus(), j.status(), j.decision(), j.cancellation(), j.total(),
                j.decisionAdjustedOn(), j.conditionConfirmedOn());
    }

    /** A recipient and its amounts. */
    @Serdeable
    public record RecipientJson(String name, List<Json.Amount> amounts, @Nullable MoneyJson total) {
    }

    /** A grant as the API shows it. */
    @Serdeable
    public record GrantJson(String id, String appropriationId, @Nullable String purpose, List<RecipientJson> recipients,
                            @Nullable String condition, String conditionStatus, String status, @Nullable Json.Decision decision,
                            @Nullable Json.Decision cancellation, MoneyJson total, @Nullable String decisionAdjustedOn,
                            @Nullable String conditionConfirmedOn) {
        static GrantJson of(Grant g) {
            String currency = g.recipients().isEmpty() || g.recipients().get(0).amounts().isEmpty() ? Money.SEK
                    : g.recipients().get(0).amounts().get(0).amount().currency();
            return new GrantJson(g.id(), g.appropriationId(), g.purpose(), g.recipients().stream()
                    .map(r -> new RecipientJson(r.name(), r.amounts().stream().map(Json.Amount::of).toList(),
                            MoneyJson.of(r.total(currency)))).toList(),
                    g.condition(), g.conditionStatus().name(), g.status().name(), Json.Decision.of(g.decision()),
                    Json.Decision.of(g.cancellation()),
                    MoneyJson.of(g.recipients().stream().map(r -> r.total(currency)).reduce(Money.zero(currency), Money::plus)),
                    g.decisionAdjustedOn() == null ? null : g.decisionAdjustedOn().toString(),
                    g.conditionConfirmedOn() == null ? null : g.conditionConfirmedOn().toString());
        }
    }

    /** What a client sends to grant money; the id is the service's. */
    @Serdeable
    public record NewGrant(String appropriationId, @Nullable String purpose, List<RecipientJson> recipients,
                           @Nullable String condition, @Nullable String status, @Nullable Json.Decision decision,
                           String effectiveDate, @Nullable Boolean allowPreCommitment) {

        /** The grant this asks for, under the id the service gives it. */
        Grant toDomain(String id) {
            if (recipients == null) {
                throw new InvalidInput("recipients", "at least one recipient with amounts per year");
            }
            Grant.Status s;
            try {
                s = status == null ? Grant.Status.RESERVED : Grant.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("status", "RESERVED or COMMITTED");
            }
            return new Grant(id, appropriationId, purpose,
                    recipients.stream().map(x -> new Grant.Recipient(x.name(), Json.amounts(x.amounts()))).toList(),
                    condition, condition == null || condition.isBlank() ? Grant.ConditionStatus.NONE : Grant.ConditionStatus.CONDITIONAL,
                    s, decision == null ? null : decision.toDomain());
        }
    }

    /** A change that counts from a day. */
    @Serdeable
    public record Change(String effectiveDate) {
    }

    /** A change that rests on a decision: committing a reserved grant, cancelling a committed one. */
    @Serdeable
    public record DecidedChange(String effectiveDate, @Nullable Json.Decision decision) {
        se.radhus.common.domain.DecisionRef ref() {
            return decision == null ? null : decision.toDomain();
        }
    }

    @Get
    public PageResponse<GrantJson> list(@Nullable @QueryValue String appropriationId,
                                        @QueryValue(defaultValue = "0") int pageSize, @QueryValue(defaultValue = "") String pageToken,
                                        HttpRequest<?> request) {
        var page = store.list(appropriationId, !Callers.principal(request).seesDrafts(), pageSize, pageToken);
        return new PageResponse<>(page.items().stream().map(g -> shown(g, request)).toList(), page.nextPageToken());
    }

    /** A reserved grant (a draft) is 404 to the public: its existence is not disclosed. */
    @Get("/{id}")
    public GrantJson get(@PathVariable String id, HttpRequest<?> request) {
        Grant g = service.get(id).grant();
        if (!g.visibleToPublic() && !Callers.principal(request).seesDrafts()) {
            throw new ProblemException(Problem.notFound("No grant has id " + id + "."));
        }
        return shown(g, request);
    }

    @Secured({"ekonom", "admin"})
    @Post
    public HttpResponse<?> create(@Body NewGrant r, @Nullable @Header("Idempotency-Key") String key, HttpRequest<?> request) {
        return idempotency.once(request, key, r, claim -> {
            LocalDate effective = Json.date(r.effectiveDate(), "effectiveDate");
            if (effective == null) {
                throw new InvalidInput("effectiveDate", "the day the grant counts from, YYYY-MM-DD");
            }
            Grant created = service.create(r.toDomain(claim.recordId(HTTP_ID_PREFIX)), effective,
                    Boolean.TRUE.equals(r.allowPreCommitment()));
            return HttpResponse.created(GrantJson.of(created), URI.create("/api/grants/" + created.id()));
        });
    }

    /** A payment to one recipient (by index) for a year. */
    @Serdeable
    public record Payment(int recipient, int year, MoneyJson amount, String paidOn) {
    }

    @Secured({"ekonom", "admin"})
    @Post("/{id}/payments")
    public HttpResponse<?> pay(@PathVariable String id, @Body Payment p, @Nullable @Header("Idempotency-Key") String key,
                               HttpRequest<?> request) {
        return idempotency.once(request, key, p, claim -> {
            if (p.amount() == null) {
                throw new InvalidInput("amount", "the amount paid");
            }
            return HttpResponse.ok(GrantJson.of(service.pay(id, p.recipient(), p.year(), p.amount().toMoney(),
                    Json.date(p.paidOn(), "paidOn"), claim.id())));
        });
    }

    @Secured({"ekonom", "admin"})
    @Post("/{id}/commit")
    public GrantJson commit(@PathVariable String id, @Body DecidedChange c) {
        return GrantJson.of(service.commit(id, Json.date(c.effectiveDate(), "effectiveDate"), c.ref()));
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
    public GrantJson cancel(@PathVariable String id, @Body DecidedChange c) {
        return GrantJson.of(service.cancel(id, Json.date(c.effectiveDate(), "effectiveDate"), c.ref()));
    }
}
