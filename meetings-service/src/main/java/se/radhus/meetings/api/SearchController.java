package se.radhus.meetings.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.common.store.Pages;
import se.radhus.meetings.search.SearchService;

/**
 * {@code GET /api/search?q=upphandlingar&body=ks-nau&year=2024}: Swedish full-text search over adjusted
 * paragraphs, or an exact diarienummer; facets by body, year and kind; highlighted snippets; paged.
 */
@RestController
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    Map<String, Object> search(@RequestParam String q, @RequestParam(required = false) String body,
                               @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int pageSize,
                               @RequestParam(defaultValue = "") String pageToken) {
        int size = Math.min(Pages.clampPageSize(pageSize), 100);
        int offset = pageToken.isEmpty() ? 0 : Integer.parseInt(Pages.decodeToken(pageToken));
        var result = search.search(q, body, year, Math.max(0, offset), size);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", result.total());
        out.put("items", result.hits());
        out.put("facets", result.facets());
        out.put("nextPageToken", offset + size < result.total() ? Pages.encodeToken(Integer.toString(offset + size)) : "");
        return out;
    }
}
