package se.radhus.finance.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.money.Money;
import se.radhus.common.store.Pages;
import se.radhus.finance.domain.Appropriation;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.EntryKind;
import se.radhus.finance.domain.FundsControl;
import se.radhus.finance.domain.YearBalance;
import se.radhus.finance.service.LedgerService;
import se.radhus.finance.store.AppropriationStore;
import se.radhus.micronaut.Callers;
import se.radhus.micronaut.IdempotentRequests;
import se.radhus.micronaut.MoneyJson;
import se.radhus.micronaut.PageResponse;

/**
 * Appropriations (anslag): {@code /api/appropriations}, their balances as of a date and their ledger, in
 * JSON or CSV.
 */
@Secured(SecurityRule.IS_ANONYMOUS) // reads are public; each write below names its roles
@Controller("/api/appropriations")
public class AppropriationController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AppropriationController.class);
    static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");

    private final AppropriationStore store;
    private final LedgerService ledger;
    private final IdempotentRequests idempotency;
    private final se.radhus.finance.service.Corrections corrections;
    private final se.radhus.micronaut.client.ProtectedPersons protectedPersons;

    public AppropriationController(AppropriationStore store, LedgerService ledger, IdempotentRequests idempotency,
                                   se.radhus.finance.service.Corrections corrections,
                                   se.radhus.micronaut.client.ProtectedPersons protectedPersons) {
        this.store = store;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.corrections = corrections;
        this.protectedPersons = protectedPersons;
    }

    static Json.Appropriation json(AppropriationStore.Loaded l) {
        List<Json.Amount> amounts = l.totals().balance(null, l.appropriation().currency()).stream()
                .filter(y -> y.appropriated().ore() != 0)
                .map(y -> new Json.Amount(y.year(), MoneyJson.of(y.appropriated()))).toList();
        Appropriation a = l.appropriation();
        return new Json.Appropriation(a.id(), a.name(), a.ownerBodyId(), a.currency(), amounts);
    }

    @Get
    public PageResponse<Json.Appropriation> list(@QueryValue(defaultValue = "0") int pageSize,
                                                 @QueryValue(defaultValue = "") String pageToken) {
        var page = store.list(pageSize, pageToken);
        return new PageResponse<>(page.items().stream().map(AppropriationController::json).toList(), page.nextPageToken());
    }

    @Get("/{id}")
    public Json.Appropriation get(@PathVariable String id) {
        return json(ledger.load(id));
    }

    @Secured({"ekonom", "admin"})
    @Post
    public HttpResponse<Json.Appropriation> create(@Body Json.NewAppropriation r) {
        Appropriation a = new Appropriation(r.id(), r.name(), r.ownerBodyId(), r.currency() == null ? Money.SEK : r.currency());
        List<Entry> opening = FundsControl.open(a, Json.amountsPerYear(r.amounts()), Json.date(r.effectiveDate(), "effectiveDate"),
                r.decision() == null ? null : r.decision().toDomain(), ledger.now());
        if (!store.insert(a, opening)) {
            throw new ProblemException(Problem.conflict("exists", "Already exists",
                    "An appropriation with id " + a.id() + " exists already."));
        }
        log.info("created appropriation {}", a.id());
        return HttpResponse.created(get(a.id()), URI.create("/api/appropriations/" + a.id()));
    }

    @Secured({"ekonom", "admin"})
    @Post("/{id}/allocations")
    public HttpResponse<?> allocate(@PathVariable String id, @Body Json.Allocation r,
                                    @Nullable @Header("Idempotency-Key") String key, HttpRequest<?> http) {
        return idempotency.once(http, key, r, claim -> {
            if (r.amount() == null) {
                throw new InvalidInput("amount", "the amount appropriated, {\"ore\": …}");
            }
            LocalDate effective = Json.date(r.effectiveDate(), "effectiveDate");
            var request = new LedgerService.Request("http:" + claim.id(), LedgerService.fingerprint("allocate", id, r),
                    effective != null ? effective : LocalDate.of(r.year(), 1, 1), r.decision() == null ? null : r.decision().toDomain());
            var applied = ledger.apply(id, request, LedgerService.Scope.none(), p -> entries -> FundsControl.allocate(entries, p, r.year(), r.amount().toMoney()));
            return HttpResponse.created(applied.entries().stream().map(Json.EntryJson::of).toList());
        });
    }

    /**
     * A correction: the entry is reversed by a new entry counting from today, with the reason and the
     * adjusted decision it rests on; the entry itself stays. Only an allocation or a payment is corrected
     * so (a hold is given back by cancelling its grant).
     */
    @Secured({"ekonom", "admin"})
    @Post("/{id}/ledger/{entryId}/reversal")
    public HttpResponse<?> reverse(@PathVariable String id, @PathVariable String entryId, @Body Json.Reversal r,
                                   @Nullable @Header("Idempotency-Key") String key, HttpRequest<?> http) {
        return idempotency.once(http, key, r, claim -> {
            List<Entry> written = corrections.reverse(id, entryId, r.reason(), r.decision() == null ? null : r.decision().toDomain(),
                    "http:" + claim.id());
            return HttpResponse.created(written.stream().map(Json.EntryJson::of).toList(),
                    URI.create("/api/appropriations/" + id + "/ledger"));
        });
    }

    @Get("/{id}/balance")
    @io.micronaut.http.annotation.Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> balance(@PathVariable String id, @Nullable @QueryValue String asOf, HttpRequest<?> request) {
        LocalDate day = Json.date(asOf, "asOf");
        List<YearBalance> years = ledger.balance(id, day);
        if (wantsCsv(request)) {
            return HttpResponse.ok(Csv.balance(id, day, years)).contentType(CSV);
        }
        return HttpResponse.ok(new Json.Balance(id, day == null ? null : day.toString(), years.stream().map(Json.YearBalanceJson::of).toList()));
    }

    @Get("/{id}/balance.csv")
    @io.micronaut.http.annotation.Produces("text/csv")
    public HttpResponse<String> balanceCsv(@PathVariable String id, @Nullable @QueryValue String asOf) {
        LocalDate day = Json.date(asOf, "asOf");
        return HttpResponse.ok(Csv.balance(id, day, ledger.balance(id, day))).contentType(CSV);
    }

    /**
     * The entries as the caller may see them: staff see every entry; the public sees a reservation (a
     * draft's money set aside) and its release as sums only, never which draft, decision or key made them.
     */
    List<Entry> asSeenBy(List<Entry> entries, HttpRequest<?> request) {
        if (Callers.principal(request).seesProtectedIdentities()) {
            return entries;
        }
        boolean staff = Callers.principal(request).seesDrafts();
        // a correction's reason is free text: it names no one protected (asked of meetings-service only when there is one)
        var shown = entries.stream().anyMatch(e -> e.reason() != null) ? protectedPersons.forThePublic() : null;
        return entries.stream().map(e -> !staff && isDraftMoney(e) ? new Entry(e.id(), e.kind(), e.year(), e.amount(), e.effectiveDate(),
                e.recordedAt(), null, null, null, e.releases(), e.reverses(), e.preCommitment())
                : e.reason() == null ? e : new Entry(e.id(), e.kind(), e.year(), e.amount(), e.effectiveDate(), e.recordedAt(),
                        e.decision(), e.idempotencyKey(), e.holdId(), e.releases(), e.reverses(), e.preCommitment(), shown.text(e.reason())))
                .toList();
    }

    /** A reservation, or a release or reversal of one: money a draft set aside. */
    static boolean isDraftMoney(Entry e) {
        return e.kind() == EntryKind.RESERVATION || isRelease(e) && e.releases() == EntryKind.RESERVATION;
    }

    @Get("/{id}/ledger")
    @io.micronaut.http.annotation.Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> entries(@PathVariable String id, @QueryValue(defaultValue = "0") int pageSize,
                                   @QueryValue(defaultValue = "") String pageToken, HttpRequest<?> request) {
        if (wantsCsv(request)) {
            return HttpResponse.ok(Csv.ledger(asSeenBy(whole(id), request))).contentType(CSV);
        }
        int size = Pages.clampPageSize(pageSize);
        long count = ledger.load(id).entryCount();
        long from = pageToken.isEmpty() ? 0 : offset(pageToken);
        if (from < 0 || from > count) {
            throw new IllegalArgumentException("pageToken is not a token this list handed out");
        }
        long to = Math.min(count, from + size);
        List<Entry> page = asSeenBy(ledger.ledger(id, from, (int) (to - from)), request);
        String next = to < count ? Pages.encodeToken(Long.toString(to)) : "";
        return HttpResponse.ok(new PageResponse<>(page.stream().map(Json.EntryJson::of).toList(), next));
    }

    /** The whole ledger, read a thousand entries at a time. */
    List<Entry> whole(String id) {
        long count = ledger.load(id).entryCount();
        List<Entry> all = new java.util.ArrayList<>();
        for (long from = 0; from < count; from += Pages.MAX_PAGE_SIZE) {
            all.addAll(ledger.ledger(id, from, Pages.MAX_PAGE_SIZE));
        }
        return all;
    }

    static long offset(String pageToken) {
        try {
            return Long.parseLong(Pages.decodeToken(pageToken));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pageToken is not a token this list handed out");
        }
    }

    @Get("/{id}/ledger.csv")
    @io.micronaut.http.annotation.Produces("text/csv")
    public HttpResponse<String> ledgerCsv(@PathVariable String id, HttpRequest<?> request) {
        return HttpResponse.ok(Csv.ledger(asSeenBy(whole(id), request))).contentType(CSV);
    }

    static boolean wantsCsv(HttpRequest<?> request) {
        return request.getHeaders().accept().stream().anyMatch(m -> m.getName().equals("text/csv"));
    }

    static boolean isRelease(Entry e) {
        return e.kind() == EntryKind.RELEASE || e.kind() == EntryKind.REVERSAL;
    }
}
