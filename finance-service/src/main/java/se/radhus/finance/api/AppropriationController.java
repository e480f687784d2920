package se.radhus.finance.api;

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
import se.radhus.finance.domain.Appropriation;
import se.radhus.finance.store.AppropriationStore;
import se.radhus.micronaut.PageResponse;

/** Appropriations (anslag): {@code /api/appropriations}. */
@Controller("/api/appropriations")
public class AppropriationController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AppropriationController.class);

    private final AppropriationStore store;

    public AppropriationController(AppropriationStore store) {
        this.store = store;
    }

    @Get
    public PageResponse<AppropriationJson> list(@QueryValue(defaultValue = "0") int pageSize,
                                                @QueryValue(defaultValue = "") String pageToken) {
        var page = store.list(pageSize, pageToken);
        return new PageResponse<>(page.items().stream().map(AppropriationJson::of).toList(), page.nextPageToken());
    }

    @Get("/{id}")
    public AppropriationJson get(@PathVariable String id) {
        return store.find(id).map(AppropriationJson::of)
                .orElseThrow(() -> new ProblemException(Problem.notFound("No appropriation has id " + id + ".")));
    }

    @Post
    public HttpResponse<AppropriationJson> create(@Body AppropriationJson json) {
        Appropriation appropriation = json.toDomain();
        List<FieldError> errors = appropriation.validate();
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        if (!store.insert(appropriation)) {
            throw new ProblemException(Problem.conflict("exists", "Already exists",
                    "An appropriation with id " + appropriation.id() + " exists already."));
        }
        log.info("created appropriation {}", appropriation.id());
        return HttpResponse.created(AppropriationJson.of(appropriation),
                URI.create("/api/appropriations/" + appropriation.id()));
    }
}
