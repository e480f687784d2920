package se.radhus.procurement.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.money.Money;
import se.radhus.micronaut.Callers;
import se.radhus.micronaut.PageResponse;
import se.radhus.procurement.domain.Award;
import se.radhus.procurement.domain.CallOff;
import se.radhus.procurement.domain.Contract;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.service.ProcurementService;
import se.radhus.procurement.store.ContractStore;

/**
 * Contracts: {@code /api/contracts}, with their periods, options used (each with its day and decision) and
 * left, the latest possible end, a framework agreement's call-offs against its estimated volume, and a
 * register of those expiring within a period ({@code ?expiringFrom=&expiringTo=}).
 */
@Secured(SecurityRule.IS_ANONYMOUS) // reads are public; each write below names its roles
@Controller("/api/contracts")
public class ContractController {

    private final ContractStore store;
    private final ProcurementService service;
    private final se.radhus.micronaut.client.ProtectedPersons protectedPersons;

    public ContractController(ContractStore store, ProcurementService service, se.radhus.micronaut.client.ProtectedPersons protectedPersons) {
        this.store = store;
        this.service = service;
        this.protectedPersons = protectedPersons;
    }

    /**
     * A contract with what follows from it.
     *
     * @param callOffs      a framework agreement's call-offs on this contract
     * @param calledOff     the sum of all call-offs under the framework agreement (every contract of it)
     * @param estimatedVolume the framework's estimated volume, options included, the call-offs are counted against
     */
    @Serdeable
    public record View(Json.ContractJson contract, @Nullable LocalDate currentEnd, @Nullable LocalDate latestPossibleEnd,
                       int extensionsLeft, boolean frameworkOverFourYears, @Nullable List<Json.CallOffJson> callOffs,
                       @Nullable Money calledOff, @Nullable Money estimatedVolume) {
        static View of(Contract c) {
            return of(c, List.of(), null, null);
        }

        static View of(Contract c, List<CallOff> callOffs, @Nullable Money calledOff, @Nullable Money estimatedVolume) {
            return new View(Json.ContractJson.of(c), c.currentEnd(), c.latestPossibleEnd(), c.extensionsLeft(),
                    c.frameworkOverFourYears(), Json.all(callOffs, Json.CallOffJson::of), calledOff, estimatedVolume);
        }
    }

    View view(Contract c, HttpRequest<?> request) {
        Contract shown = c;
        Procurement p = service.get(c.procurementId()).procurement();
        List<CallOff> callOffs = p.callOffs().stream().filter(x -> x.contractId().equals(c.id())).toList();
        if (!Callers.principal(request).seesProtectedIdentities()) {
            var rules = protectedPersons.forThePublic();
            shown = c.shown(rules::name, rules::text);
            callOffs = p.shown(rules::name, rules::text).callOffs().stream().filter(x -> x.contractId().equals(c.id())).toList();
        }
        Money sum = p.type() == Procurement.Type.FRAMEWORK_AGREEMENT
                ? p.callOffs().stream().map(CallOff::value).reduce(Money.zero(Money.SEK), Money::plus) : null;
        Money volume = p.type() != Procurement.Type.FRAMEWORK_AGREEMENT ? null
                : p.valueForThresholds() != null ? p.valueForThresholds() : p.award() == null ? null : p.award().value();
        return View.of(shown, callOffs, sum, volume);
    }

    View plain(Contract c, HttpRequest<?> request) {
        if (Callers.principal(request).seesProtectedIdentities()) {
            return View.of(c);
        }
        var rules = protectedPersons.forThePublic();
        return View.of(c.shown(rules::name, rules::text));
    }

    @Get
    public PageResponse<View> list(@Nullable @QueryValue String expiringFrom, @Nullable @QueryValue String expiringTo,
                                   @QueryValue(defaultValue = "0") int pageSize, @QueryValue(defaultValue = "") String pageToken,
                                   HttpRequest<?> request) {
        if (expiringFrom != null || expiringTo != null) {
            LocalDate from = parse(expiringFrom, "expiringFrom", LocalDate.MIN);
            LocalDate to = parse(expiringTo, "expiringTo", LocalDate.MAX);
            List<View> expiring = store.all().stream().filter(c -> c.expiresBetween(from, to))
                    .sorted(Comparator.comparing(Contract::currentEnd)).map(c -> plain(c, request)).toList();
            return new PageResponse<>(expiring, "");
        }
        var page = store.list(pageSize, pageToken);
        return new PageResponse<>(page.items().stream().map(c -> plain(c, request)).toList(), page.nextPageToken());
    }

    static LocalDate parse(String text, String field, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            throw new InvalidInput(field, "a date, YYYY-MM-DD");
        }
    }

    @Get("/{id}")
    public View get(@PathVariable String id, HttpRequest<?> request) {
        return view(service.contract(id).contract(), request);
    }

    /** An extension: the adjusted decision that uses the option, and the day it was used. */
    @Serdeable
    public record Extension(@Nullable DecisionRef decision, @Nullable LocalDate date) {
    }

    /**
     * Uses the next option on its day, by an adjusted decision verified with meetings-service; the same
     * decision again changes nothing. A framework agreement stays within four years, options included,
     * unless its special reasons are recorded (LOU 7 kap. 2 §).
     */
    @Secured({"upphandlare", "admin"})
    @Post("/{id}/extensions")
    public View extend(@PathVariable String id, @Body Extension e, HttpRequest<?> request) {
        return view(service.extend(id, e.decision(), e.date()), request);
    }

    /**
     * A call-off: its number, value (excluding VAT), day and what it is for; after a renewed competition,
     * the day its award notice was sent (its standstill runs from then).
     */
    @Serdeable
    public record CallOffRequest(@Nullable String id, @Nullable Money value, @Nullable LocalDate calledOn, @Nullable String description,
                                 @Nullable Boolean renewedCompetition, @Nullable LocalDate noticeSentOn, @Nullable Boolean sentElectronically) {
        CallOff toDomain(String contractId) {
            if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9-]{0,39}")) {
                throw new InvalidInput("id", "the call-off's number, 1-40 letters, digits or dashes");
            }
            if (value == null || value.ore() <= 0) {
                throw new InvalidInput("value", "the call-off's value, excluding VAT");
            }
            if (calledOn == null) {
                throw new InvalidInput("calledOn", "the day the call-off was placed, YYYY-MM-DD");
            }
            boolean renewed = Boolean.TRUE.equals(renewedCompetition);
            boolean electronic = sentElectronically == null || sentElectronically;
            if (renewed && noticeSentOn == null) {
                throw new InvalidInput("noticeSentOn", "after a renewed competition, the day its award notice was sent");
            }
            return new CallOff(id, contractId, value, calledOn, description, renewed, renewed ? noticeSentOn : null, renewed && electronic,
                    renewed ? Award.standstillEnd(noticeSentOn, electronic) : null);
        }
    }

    /** A call-off under the framework agreement, summed with the others against its estimated volume. */
    @Secured({"upphandlare", "admin"})
    @Post("/{id}/call-offs")
    public io.micronaut.http.HttpResponse<View> callOff(@PathVariable String id, @Body CallOffRequest r, HttpRequest<?> request) {
        CallOff c = r.toDomain(id);
        service.callOff(id, c);
        return io.micronaut.http.HttpResponse.created(view(service.contract(id).contract(), request),
                java.net.URI.create("/api/contracts/" + id));
    }
}
