package se.radhus.meetings.api;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.common.domain.FieldError;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.meetings.domain.Body;
import se.radhus.meetings.store.BodyStore;

/** Bodies (KF, KS, NAU …): {@code /api/bodies}. */
@RestController
@RequestMapping("/api/bodies")
class BodyController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BodyController.class);

    private final BodyStore store;

    BodyController(BodyStore store) {
        this.store = store;
    }

    @GetMapping
    PageResponse<Body> list(@RequestParam(defaultValue = "0") int pageSize,
                            @RequestParam(defaultValue = "") String pageToken) {
        return PageResponse.of(store.list(pageSize, pageToken));
    }

    @GetMapping("/{id}")
    Body get(@PathVariable String id) {
        return store.find(id).orElseThrow(() -> new ProblemException(Problem.notFound("No body has id " + id + ".")));
    }

    @PostMapping
    ResponseEntity<Body> create(@RequestBody Body body) {
        List<FieldError> errors = body.validate();
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        if (body.parentId() != null && store.find(body.parentId()).isEmpty()) {
            throw new ProblemException(Problem.invalid(List.of(
                    new FieldError("parentId", "the id of an existing body; there is no " + body.parentId()))));
        }
        if (!store.insert(body)) {
            throw new ProblemException(Problem.conflict("exists", "Already exists",
                    "A body with id " + body.id() + " exists already."));
        }
        log.info("created body {}", body.id());
        return ResponseEntity.created(URI.create("/api/bodies/" + body.id())).body(body);
    }
}
