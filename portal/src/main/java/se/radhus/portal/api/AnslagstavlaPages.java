package se.radhus.portal.api;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.radhus.portal.client.PublicApi;

/**
 * The digital anslagstavla (kommunallagen 8 kap. 9–12 §§): the notices of adjusted protocols and of
 * meetings, kept apart from every other content, with the fixed text on how to appeal and the archive.
 * The notices and the text are the API's ({@code GET /api/anslagstavla}); the page only shows them.
 */
@Controller
class AnslagstavlaPages {

    private final PublicApi api;

    AnslagstavlaPages(PublicApi api) {
        this.api = api;
    }

    @GetMapping("/anslagstavla")
    String board(Model model) {
        show(api.get("/api/anslagstavla"), model);
        model.addAttribute("archive", false);
        model.addAttribute("links", Links.of().json("/api/anslagstavla")
                .atom(Links.anslagstavlaFeed(), "Anslagstavlan (Atom)").list());
        return "anslagstavla";
    }

    @GetMapping("/anslagstavla/arkiv")
    String archive(@RequestParam(name = "sida", defaultValue = "") String pageToken, Model model) {
        Map<String, Object> answer = api.get("/api/anslagstavla/arkiv", Map.of("pageToken", pageToken));
        show(answer, model);
        model.addAttribute("archive", true);
        model.addAttribute("next", answer.get("nextPageToken"));
        model.addAttribute("links", Links.of().json("/api/anslagstavla/arkiv")
                .atom(Links.anslagstavlaFeed(), "Anslagstavlan (Atom)").list());
        return "anslagstavla";
    }

    private static void show(Map<String, Object> answer, Model model) {
        List<Map<String, Object>> notices = PublicApi.items(answer, "notices");
        model.addAttribute("protocols", notices.stream().filter(n -> "PROTOCOL".equals(n.get("kind"))).toList());
        model.addAttribute("meetingNotices", notices.stream().filter(n -> "MEETING_NOTICE".equals(n.get("kind"))).toList());
        model.addAttribute("howToAppeal", answer.get("howToAppeal"));
    }
}
