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
    private final se.radhus.meetings.store.Protections protections;

    BodyController(BodyStore store, se.radhus.meetings.store.Protections protections) {
        this.store = store;
        this.protections = protections;
    }

    @GetMapping
    PageResponse<ApiRecords.BodyResponse> list(@RequestParam(defaultValue = "0") int pageSize,
                            @RequestParam(defaultValue = "") String pageToken, jakarta.servlet.http.HttpServletRequest request) {
        var page = store.list(pageSize, pageToken);
        return new PageResponse<>(page.items().stream().map(b -> ApiRecords.BodyResponse.of(visible(b, request))).toList(), page.nextPageToken());
    }

    @GetMapping("/{id}")
    ApiRecords.BodyResponse get(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        return ApiRecords.BodyResponse.of(visible(store.find(id).orElseThrow(() -> new ProblemException(Problem.notFound("No body has id " + id + "."))), request));
    }

    /** A member with a protected identity is not among the members shown to those not entitled. */
    private Body visible(Body b, jakarta.servlet.http.HttpServletRequest request) {
        if (Caller.principal(request).seesProtectedIdentities()) {
            return b;
        }
        var ids = protections.registry().protectedIds();
        if (b.members().stream().noneMatch(m -> ids.contains(m.personId()))) {
            return b;
        }
        return new Body(b.id(), b.name(), b.shortName(), b.parentId(), b.diariumPrefix(),
                b.members().stream().filter(m -> !ids.contains(m.personId())).toList(), b.seats());
    }

    @PostMapping
    ResponseEntity<ApiRecords.BodyResponse> create(@RequestBody ApiRecords.BodyRequest request) {
        Body body = request.toDomain();
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
        return ResponseEntity.created(URI.create("/api/bodies/" + body.id())).body(ApiRecords.BodyResponse.of(body));
    }
}
