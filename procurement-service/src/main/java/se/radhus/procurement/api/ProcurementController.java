package se.radhus.procurement.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.util.List;
import se.radhus.common.api.FieldError;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.micronaut.PageResponse;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.store.ProcurementStore;

/** Procurements: {@code /api/procurements}. */
@Controller("/api/procurements")
public class ProcurementController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProcurementController.class);

    private final ProcurementStore store;

    public ProcurementController(ProcurementStore store) {
        this.store = store;
    }

    @Get
    public PageResponse<ProcurementJson> list(@QueryValue(defaultValue = "0") int pageSize,
                                              @QueryValue(defaultValue = "") String pageToken) {
        var page = store.list(pageSize, pageToken);
        return new PageResponse<>(page.items().stream().map(ProcurementJson::of).toList(), page.nextPageToken());
    }

    @Get("/{id}")
    public ProcurementJson get(@PathVariable String id) {
        return store.find(id).map(ProcurementJson::of)
                .orElseThrow(() -> new ProblemException(Problem.notFound("No procurement has id " + id + ".")));
    }

    @Post
    public HttpResponse<ProcurementJson> create(@Body ProcurementJson json) {
        Procurement procurement = json.toNewDomain();
        List<FieldError> errors = procurement.validate();
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        if (!store.insert(procurement)) {
            throw new ProblemException(Problem.conflict("exists", "Already exists",
                    "A procurement with id " + procurement.id() + " or number " + procurement.number() + " exists already."));
        }
        log.info("created procurement {}", procurement.id());
        return HttpResponse.created(ProcurementJson.of(procurement), URI.create("/api/procurements/" + procurement.id()));
    }
}
