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

    private final PersonStore store;

    PersonController(PersonStore store) {
        this.store = store;
    }

    @GetMapping
    PageResponse<Person> list(@RequestParam(defaultValue = "0") int pageSize, @RequestParam(defaultValue = "") String pageToken,
                              jakarta.servlet.http.HttpServletRequest request) {
        return PageResponse.of(store.listVisible(Caller.principal(request).seesProtectedIdentities(), pageSize, pageToken));
    }

    @GetMapping("/{id}")
    Person get(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        boolean entitled = Caller.principal(request).seesProtectedIdentities();
        return store.find(id).filter(p -> entitled || !p.protectedIdentity())
                .orElseThrow(() -> new ProblemException(Problem.notFound("No person has id " + id + ".")));
    }

    @PostMapping
    ResponseEntity<Person> create(@RequestBody Person person) {
        InvalidInput.check(person.validate());
        if (!store.insert(person)) {
            throw new ProblemException(Problem.conflict("exists", "Already exists", "A person with id " + person.id() + " exists already."));
        }
        return ResponseEntity.created(URI.create("/api/persons/" + person.id())).body(person);
    }
}
