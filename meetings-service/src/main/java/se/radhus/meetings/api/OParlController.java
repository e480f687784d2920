package se.radhus.meetings.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.meetings.service.OParlService;

/**
 * The OParl 1.1 read API at {@code /oparl/v1/…}: System, Body, and the lists and objects linked from them. OParl
 * is its own specification, so it stays out of the {@code /api} OpenAPI document.
 */
@io.swagger.v3.oas.annotations.Hidden
@RestController
@RequestMapping(value = "/oparl/v1", produces = "application/json")
class OParlController {

    private static final org.springframework.web.util.UrlPathHelper PATHS = new org.springframework.web.util.UrlPathHelper();
    private final OParlService oparl;

    OParlController(OParlService oparl) {
        this.oparl = oparl;
    }

    @GetMapping("/system")
    Map<String, Object> system() {
        return oparl.system();
    }

    @GetMapping("/bodies")
    Map<String, Object> bodies() {
        return oparl.bodyList();
    }

    @GetMapping("/body/{body}")
    Map<String, Object> body(@PathVariable String body) {
        return oparl.body(body);
    }

    @GetMapping("/body/{body}/{list}")
    Map<String, Object> list(@PathVariable String body, @PathVariable String list, @RequestParam(defaultValue = "1") String page,
                             @RequestParam(defaultValue = "0") String limit,
                             @RequestParam(name = "modified_since", required = false) String modifiedSince,
                             @RequestParam(name = "modified_until", required = false) String modifiedUntil,
                             @RequestParam(required = false) String organization) {
        OParlService.Kind kind = OParlService.Kind.ofList(list)
                .orElseThrow(() -> new ProblemException(Problem.notFound("No OParl list " + list + ".")));
        return oparl.list(body, kind, number("page", page), number("limit", limit), modifiedSince, modifiedUntil, organization);
    }

    static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new se.radhus.common.domain.InvalidInput(name, "a whole number");
        }
    }

    /** Any object by its id: organization, person, membership, meeting, agenda item, paper, consultation, file, location, term. */
    @GetMapping({"/organization/**", "/person/**", "/membership/**", "/meeting/**", "/paper/**", "/consultation/**", "/file/**",
            "/location/**", "/legislativeterm/**"})
    Map<String, Object> object(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request).substring("/oparl/v1".length());
        return oparl.object(path);
    }
}
