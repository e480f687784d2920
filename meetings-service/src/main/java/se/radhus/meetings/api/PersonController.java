package se.radhus.meetings.api;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.InvalidInput;
import se.radhus.meetings.domain.Person;
import se.radhus.meetings.store.PersonStore;

/** Members and officials: {@code /api/persons}. */
@RestController
@RequestMapping("/api/persons")
class PersonController {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final PersonStore store;
    private final se.radhus.meetings.store.Protections protections;
    private final se.radhus.meetings.search.SearchService search;

    PersonController(PersonStore store, se.radhus.meetings.store.Protections protections,
                     se.radhus.meetings.search.SearchService search) {
        this.store = store;
        this.protections = protections;
        this.search = search;
    }

    /** An opaque id: nothing of the name in it. */
    static String newId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder b = new StringBuilder("p-");
        for (int i = 0; i < 16; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @GetMapping
    PageResponse<ApiRecords.PersonResponse> list(@RequestParam(defaultValue = "0") int pageSize, @RequestParam(defaultValue = "") String pageToken,
                              jakarta.servlet.http.HttpServletRequest request) {
        var page = store.listVisible(Caller.principal(request).seesProtectedIdentities(), pageSize, pageToken);
        return new PageResponse<>(page.items().stream().map(ApiRecords.PersonResponse::of).toList(), page.nextPageToken());
    }

    @GetMapping("/{id}")
    ApiRecords.PersonResponse get(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        boolean entitled = Caller.principal(request).seesProtectedIdentities();
        return store.find(id).filter(p -> entitled || !p.protectedIdentity()).map(ApiRecords.PersonResponse::of)
                .orElseThrow(() -> new ProblemException(Problem.notFound("No person has id " + id + ".")));
    }

    /**
     * Registers a person. Without an id the service assigns an opaque one; a person with a protected identity
     * always gets one (an id chosen by the client could carry the name). Their name then goes from the search
     * index, where older protocols might have put it.
     */
    @PostMapping
    ResponseEntity<ApiRecords.PersonResponse> create(@RequestBody ApiRecords.PersonRequest person) {
        if (person.isProtected() && person.id() != null) {
            throw new ProblemException(Problem.invalid(java.util.List.of(new se.radhus.common.domain.FieldError("id",
                    "leave it out: a person with a protected identity gets an opaque id from the service"))));
        }
        Person p = person.toDomain(person.id() == null ? newId() : person.id());
        InvalidInput.check(p.validate());
        if (!store.insert(p)) {
            throw new ProblemException(Problem.conflict("exists", "Already exists", "A person with id " + p.id() + " exists already."));
        }
        protections.changed();
        if (p.protectedIdentity()) {
            search.reindex();
        }
        return ResponseEntity.created(URI.create("/api/persons/" + p.id())).body(ApiRecords.PersonResponse.of(p));
    }
}
