package se.radhus.portal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import se.radhus.portal.client.PublicApi;
import se.radhus.portal.domain.SwedishText;

/**
 * Search in the published protocols, with its facets: body and year narrow the search (the API's
 * {@code body} and {@code year}); the kinds of decision are counted (the API does not filter on them).
 */
@Controller
class SearchPage {

    /** One value of a facet: its text, its count, the link that selects it (or clears it, when selected). */
    record Facet(String text, Object count, String href, boolean selected) {
    }

    private final PublicApi api;
    private final Bodies bodies;

    SearchPage(PublicApi api, Bodies bodies) {
        this.api = api;
        this.bodies = bodies;
    }

    @GetMapping("/sok")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String organ,
                  @RequestParam(name = "ar", defaultValue = "") String year,
                  @RequestParam(name = "sida", defaultValue = "") String pageToken, Model model) {
        Map<String, String> names = bodies.names();
        String words = q.strip();
        model.addAttribute("q", words);
        model.addAttribute("organ", organ);
        model.addAttribute("ar", year);
        model.addAttribute("bodies", names);
        if (words.isEmpty()) {
            return "search";
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", words);
        query.put("body", organ);
        query.put("year", year);
        query.put("pageToken", pageToken);
        Map<String, Object> result = api.get("/api/search", query);
        model.addAttribute("result", result);
        model.addAttribute("hits", PublicApi.items(result, "items"));
        Map<?, ?> facets = result.get("facets") instanceof Map<?, ?> f ? f : Map.of();
        List<Facet> byBody = new ArrayList<>();
        counts(facets, "body").forEach((id, n) -> byBody.add(new Facet(names.getOrDefault(id, id), n,
                link(words, id.equals(organ) ? "" : id, year), id.equals(organ))));
        List<Facet> byYear = new ArrayList<>();
        counts(facets, "year").forEach((y, n) -> byYear.add(new Facet(y, n, link(words, organ, y.equals(year) ? "" : y),
                y.equals(year))));
        List<Facet> byKind = new ArrayList<>();
        counts(facets, "kind").forEach((k, n) -> byKind.add(new Facet(SwedishText.label(k), n, null, false)));
        model.addAttribute("byBody", byBody);
        model.addAttribute("byYear", byYear);
        model.addAttribute("byKind", byKind);
        Object next = result.get("nextPageToken");
        if (next instanceof String token && !token.isEmpty()) {
            model.addAttribute("nextHref", UriComponentsBuilder.fromUriString(link(words, organ, year))
                    .queryParam("sida", token).encode().build().toUriString());
        }
        String json = UriComponentsBuilder.fromPath("/api/search").queryParam("q", words)
                .queryParamIfPresent("body", nonEmpty(organ)).queryParamIfPresent("year", nonEmpty(year))
                .encode().build().toUriString();
        model.addAttribute("links", Links.of().json(json).list());
        return "search";
    }

    private static Map<String, Object> counts(Map<?, ?> facets, String key) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (facets.get(key) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }

    private static Optional<String> nonEmpty(String s) {
        return Optional.ofNullable(s).filter(v -> !v.isEmpty());
    }

    /** This search with the given body and year (empty: not narrowed). */
    static String link(String q, String organ, String year) {
        return UriComponentsBuilder.fromPath("/sok").queryParam("q", q)
                .queryParamIfPresent("organ", nonEmpty(organ)).queryParamIfPresent("ar", nonEmpty(year))
                .encode().build().toUriString();
    }
}
