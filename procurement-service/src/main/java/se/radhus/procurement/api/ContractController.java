package se.radhus.procurement.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.Map;
import se.radhus.micronaut.PageResponse;
import se.radhus.procurement.store.ContractStore;

/** Contracts: {@code /api/contracts}, written by awards and signing. */
@Controller("/api/contracts")
public class ContractController {

    private final ContractStore store;

    public ContractController(ContractStore store) {
        this.store = store;
    }

    @Get
    public PageResponse<Map<String, Object>> list(@QueryValue(defaultValue = "0") int pageSize,
                                                  @QueryValue(defaultValue = "") String pageToken) {
        var page = store.list(pageSize, pageToken);
        return new PageResponse<>(page.items().stream().map(d -> (Map<String, Object>) d).toList(), page.nextPageToken());
    }
}
