package se.radhus.meetings.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
import se.radhus.common.diarium.Diarienummer;
import se.radhus.common.domain.InvalidInput;
import se.radhus.meetings.domain.CaseFile;
import se.radhus.meetings.service.CaseService;

/**
 * The diarium: {@code POST /api/cases} registers a case and allocates its number;
 * {@code GET /api/cases/KS-2024/00449} (any common spelling) reads it with its history.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseService service;

    CaseController(CaseService service) {
        this.service = service;
    }

    /** What a registrator sends: the body whose diarium registers it, a title, optionally documents. */
    record RegisterRequest(String bodyId, String title, LocalDate registeredOn, List<CaseFile.CaseDocument> documents) {
    }

    /** The diarium's cases; the public sees only those with an adjusted decision, staff every one. */
    @GetMapping
    PageResponse<Responses.CaseFileResponse> list(@RequestParam(defaultValue = "0") int pageSize, @RequestParam(defaultValue = "") String pageToken,
                                jakarta.servlet.http.HttpServletRequest request) {
        var page = service.list(Caller.principal(request).seesDrafts(), Caller.principal(request).seesProtectedIdentities(), pageSize, pageToken);
        return new PageResponse<>(MeetingResponse.all(page.items(), Responses.CaseFileResponse::of), page.nextPageToken());
    }

    @PostMapping
    ResponseEntity<Responses.CaseFileResponse> register(@RequestBody RegisterRequest r) {
        InvalidInput.check(CaseFile.validateNew(r.bodyId(), r.title()));
        CaseFile c = service.register(r.bodyId(), r.title(), r.registeredOn(), r.documents());
        return ResponseEntity.created(URI.create("/api/cases/" + c.number())).body(Responses.CaseFileResponse.of(c));
    }

    /** A number without a slash: {@code SLK-2024-00252}, {@code SLK-2025-00005:54}, {@code 78990}. */
    @GetMapping("/{number}")
    CaseService.CaseView get(@PathVariable String number, jakarta.servlet.http.HttpServletRequest request) {
        Diarienummer parsed;
        try {
            parsed = Diarienummer.parse(number);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest(e.getMessage()));
        }
        return service.view(parsed, Caller.principal(request).seesDrafts(), Caller.principal(request).seesProtectedIdentities());
    }

    @GetMapping("/{registryYear}/{seq}")
    CaseService.CaseView get(@PathVariable String registryYear, @PathVariable String seq,
                             jakarta.servlet.http.HttpServletRequest request) {
        Diarienummer number;
        try {
            number = Diarienummer.parse(registryYear + "/" + seq);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest(e.getMessage()));
        }
        return service.view(number, Caller.principal(request).seesDrafts(), Caller.principal(request).seesProtectedIdentities());
    }
}
