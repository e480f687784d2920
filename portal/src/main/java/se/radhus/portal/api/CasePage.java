package se.radhus.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.radhus.portal.client.PublicApi;
import se.radhus.portal.domain.PagePaths;

/** A case (ärende) and its history through the bodies: {@code /arenden/KS-2024/00449}. */
@Controller
class CasePage {

    private static final String PREFIX = "/arenden/";

    private final PublicApi api;
    private final Bodies bodies;

    CasePage(PublicApi api, Bodies bodies) {
        this.api = api;
        this.bodies = bodies;
    }

    @GetMapping("/arenden/**")
    String caseFile(HttpServletRequest request, Model model) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String number = java.net.URLDecoder.decode(path.substring(PREFIX.length()), java.nio.charset.StandardCharsets.UTF_8);
        number = PagePaths.requireCaseNumber(number);
        Map<String, Object> c = api.get("/api/cases/" + number);
        model.addAttribute("c", c);
        model.addAttribute("caseFile", c.get("caseFile"));
        model.addAttribute("history", PublicApi.items(c, "history"));
        model.addAttribute("bodyNames", bodies.names());
        model.addAttribute("links", Links.of().json("/api/cases/" + number)
                .atom(Links.caseFeed(number), "Ärendets beslut (Atom)").list());
        return "case";
    }
}
