package se.radhus.meetings.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.meetings.domain.Appeal;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.service.AppealService;
import se.radhus.meetings.service.MeetingService;

/**
 * Appeals against a § (laglighetsprövning), their judgments, and each §'s legal-force state: överklagbar,
 * laga kraft, överklagad or upphävd.
 */
@RestController
@RequestMapping("/api/meetings")
class AppealController {

    private final AppealService appeals;
    private final MeetingService meetings;
    private final MeetingController views;

    AppealController(AppealService appeals, MeetingService meetings, MeetingController views) {
        this.appeals = appeals;
        this.meetings = meetings;
        this.views = views;
    }

    /** An appeal as received. */
    record AppealRequest(LocalDate received, String court, String caseNumber) {
    }

    /** An instance's judgment. */
    record JudgmentRequest(String court, LocalDate date, Appeal.Outcome outcome, Boolean isFinal) {
    }

    private Meeting visible(String id, int number, HttpServletRequest request) {
        Meeting m = views.visible(meetings.get(id).meeting(), request);
        if (m.paragraph(number).isEmpty()) {
            throw new ProblemException(Problem.notFound("There is no § " + number + " in " + id + "."));
        }
        return m;
    }

    @PostMapping("/{id}/paragraphs/{number}/appeals")
    ResponseEntity<Responses.AppealResponse> register(@PathVariable String id, @PathVariable int number, @RequestBody AppealRequest r) {
        Appeal a = appeals.register(id, number, r.received(), r.court(), r.caseNumber());
        return ResponseEntity.created(URI.create("/api/meetings/" + id + "/paragraphs/" + number + "/appeals/" + a.id())).body(Responses.AppealResponse.of(a));
    }

    @PostMapping("/{id}/paragraphs/{number}/appeals/{appealId}/judgments")
    Responses.AppealResponse judge(@PathVariable String id, @PathVariable int number, @PathVariable String appealId,
                                   @RequestBody JudgmentRequest r) {
        return Responses.AppealResponse.of(appeals.judge(id, number, appealId, new Appeal.Judgment(r.court(), r.date(), r.outcome(),
                r.isFinal() != null && r.isFinal())));
    }

    @GetMapping("/{id}/paragraphs/{number}/legal-force")
    AppealService.Standing standing(@PathVariable String id, @PathVariable int number, HttpServletRequest request) {
        visible(id, number, request);
        return appeals.standing(id, number);
    }

    @GetMapping("/{id}/legal-force")
    Map<String, Object> standings(@PathVariable String id, HttpServletRequest request) {
        Meeting m = views.visible(meetings.get(id).meeting(), request);
        return Map.of("meetingId", id, "paragraphs", appeals.standings(m).values());
    }
}
