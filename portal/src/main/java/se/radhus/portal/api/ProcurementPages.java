package se.radhus.portal.api;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.radhus.portal.client.PublicApi;
import se.radhus.portal.domain.PagePaths;

/** Published procurements, one procurement, and the contracts. */
@Controller
class ProcurementPages {

    private final PublicApi api;

    ProcurementPages(PublicApi api) {
        this.api = api;
    }

    @GetMapping("/upphandlingar")
    String procurements(@RequestParam(name = "sida", defaultValue = "") String pageToken, Model model) {
        Map<String, Object> list = api.get("/api/procurements", Map.of("pageToken", pageToken));
        model.addAttribute("procurements", PublicApi.items(list, "items"));
        model.addAttribute("next", list.get("nextPageToken"));
        model.addAttribute("links", Links.of().json("/api/procurements")
                .other("/api/ocds/releases", "OCDS-releaser (JSON)", "application/json").list());
        return "procurements";
    }

    @GetMapping("/upphandlingar/{id}")
    String procurement(@PathVariable String id, Model model) {
        PagePaths.requireId(id);
        Map<String, Object> answer = api.get("/api/procurements/" + id);
        model.addAttribute("p", answer.get("procurement"));
        model.addAttribute("links", Links.of().json("/api/procurements/" + id).list());
        return "procurement";
    }

    @GetMapping("/avtal")
    String contracts(@RequestParam(name = "sida", defaultValue = "") String pageToken, Model model) {
        Map<String, Object> list = api.get("/api/contracts", Map.of("pageToken", pageToken));
        model.addAttribute("contracts", PublicApi.items(list, "items"));
        model.addAttribute("next", list.get("nextPageToken"));
        model.addAttribute("links", Links.of().json("/api/contracts").list());
        return "contracts";
    }
}
