package se.radhus.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.radhus.portal.client.PublicApi;

/** The bodies (KF, KS, nämnder, utskott) as the API lists them, and their names by id. */
@Component
class Bodies {

    private final PublicApi api;

    Bodies(PublicApi api) {
        this.api = api;
    }

    List<Map<String, Object>> all() {
        return PublicApi.items(api.get("/api/bodies", Map.of("pageSize", 100)), "items");
    }

    /** id → name, in the API's order. */
    Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, Object> b : all()) {
            names.put(String.valueOf(b.get("id")), String.valueOf(b.get("name")));
        }
        return names;
    }
}
