package se.radhus.procurement.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
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
import se.radhus.micronaut.PageResponse;
import se.radhus.procurement.domain.Contract;
import se.radhus.procurement.service.ProcurementService;
import se.radhus.procurement.store.ContractStore;

/**
 * Contracts: {@code /api/contracts}, with their periods, options used and left, the latest possible end,
 * and a register of those expiring within a period ({@code ?expiringFrom=&expiringTo=}).
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

    /** To all but registrator, sekreterare and admin, a supplier with a protected identity is not named. */
    private java.util.function.Function<Contract, View> viewFor(io.micronaut.http.HttpRequest<?> request) {
        if (se.radhus.micronaut.Callers.principal(request).seesProtectedIdentities()) {
            return View::of;
        }
        var shown = protectedPersons.forThePublic();
        return c -> View.of(c.shown(shown::name));
    }

    /** A contract with what follows from it. */
    @Serdeable
    public record View(Contract contract, LocalDate currentEnd, LocalDate latestPossibleEnd, int extensionsLeft,
                       boolean frameworkOverFourYears) {
        static View of(Contract c) {
            return new View(c, c.currentEnd(), c.latestPossibleEnd(), c.extensionsLeft(), c.frameworkOverFourYears());
        }
    }

    @Get
    public PageResponse<View> list(@Nullable @QueryValue String expiringFrom, @Nullable @QueryValue String expiringTo,
                                   @QueryValue(defaultValue = "0") int pageSize, @QueryValue(defaultValue = "") String pageToken,
                                   io.micronaut.http.HttpRequest<?> request) {
        var view = viewFor(request);
        if (expiringFrom != null || expiringTo != null) {
            LocalDate from = parse(expiringFrom, "expiringFrom", LocalDate.MIN);
            LocalDate to = parse(expiringTo, "expiringTo", LocalDate.MAX);
            List<View> expiring = store.all().stream().filter(c -> c.expiresBetween(from, to))
                    .sorted(Comparator.comparing(Contract::currentEnd)).map(view).toList();
            return new PageResponse<>(expiring, "");
        }
        var page = store.list(pageSize, pageToken);
        return new PageResponse<>(page.items().stream().map(view).toList(), page.nextPageToken());
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
    public View get(@PathVariable String id, io.micronaut.http.HttpRequest<?> request) {
        return viewFor(request).apply(service.contract(id).contract());
    }

    /** An extension and the adjusted decision that uses the option. */
    @Serdeable
    public record Extension(@Nullable DecisionRef decision) {
    }

    /** Uses the next option, by an adjusted decision verified with meetings-service; the same decision again changes nothing. */
    @Secured({"upphandlare", "admin"})
    @Post("/{id}/extensions")
    public View extend(@PathVariable String id, @Body Extension e) {
        return View.of(service.extend(id, e.decision()));
    }
}
