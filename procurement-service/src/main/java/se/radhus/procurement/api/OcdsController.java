package se.radhus.procurement.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.procurement.service.OcdsHistory;
import se.radhus.procurement.store.ReleaseStore;

/**
 * Open data, OCDS 1.1.5: {@code GET /api/ocds/releases}, a release package of every release of the published
 * procurements, each change its own release (tender, award, contract, each extension and call-off, a
 * cancellation), bids through the OCDS bid extension; and {@code GET /api/ocds/records/{ocid}}, the record
 * of one contracting process: its releases, oldest first, and the compiled release (the releases merged by
 * OCDS's merge rules). No name of a person with a protected identity is shown (while meetings-service cannot
 * say who is, no name is).
 */
@Secured(SecurityRule.IS_ANONYMOUS) // reads are public; each write below names its roles
@Controller("/api/ocds")
public class OcdsController {

    static final String BID_EXTENSION = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";
    static final String LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/";
    /** Fields holding a name, and free texts, in the releases: what the public sees of them passes the protected-persons rules. */
    static final Set<String> NAMES = Set.of("name", "legalName");
    static final Set<String> TEXTS = Set.of("title", "description", "rationale", "statusDetails", "awardCriteriaDetails");

    private final ReleaseStore releases;
    private final OcdsHistory history;
    private final String publisher;
    private final String baseUri;
    private final Clock clock;
    private final se.radhus.micronaut.client.ProtectedPersons protectedPersons;

    public OcdsController(ReleaseStore releases, OcdsHistory history, @Value("${radhus.ocds.publisher}") String publisher,
                          @Value("${radhus.ocds.base-uri}") String baseUri, Clock clock,
                          se.radhus.micronaut.client.ProtectedPersons protectedPersons) {
        this.releases = releases;
        this.history = history;
        this.publisher = publisher;
        this.baseUri = baseUri;
        this.clock = clock;
        this.protectedPersons = protectedPersons;
    }

    private Map<String, Object> packageHead(String path) {
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("uri", baseUri + path);
        pkg.put("version", "1.1");
        pkg.put("extensions", List.of(BID_EXTENSION));
        pkg.put("publishedDate", OffsetDateTime.now(clock).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        pkg.put("publisher", Map.of("name", publisher));
        pkg.put("license", LICENSE);
        return pkg;
    }

    private UnaryOperator<Object> forThePublic() {
        var shown = protectedPersons.forThePublic();
        return v -> walk(v, null, shown::name, shown::text);
    }

    @SuppressWarnings("unchecked")
    static Object walk(Object v, String key, UnaryOperator<String> name, UnaryOperator<String> text) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), walk(x, String.valueOf(k), name, text)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(walk(x, key, name, text)));
            return out;
        }
        if (v instanceof String s && key != null) {
            return NAMES.contains(key) ? name.apply(s) : TEXTS.contains(key) ? text.apply(s) : s;
        }
        return v;
    }

    @Get("/releases")
    public Map<String, Object> releases() {
        var publicView = forThePublic();
        List<Object> all = new ArrayList<>();
        for (ReleaseStore.Stored r : releases.all()) {
            all.add(publicView.apply(r.release()));
        }
        Map<String, Object> pkg = packageHead("/api/ocds/releases");
        pkg.put("releases", all);
        return pkg;
    }

    @Get("/records/{ocid}")
    public Map<String, Object> record(@PathVariable String ocid) {
        List<ReleaseStore.Stored> stored = history.procurementOf(ocid).isEmpty() ? List.of() : releases.ofOcid(ocid);
        if (stored.isEmpty()) {
            throw new ProblemException(Problem.notFound("No published contracting process has ocid " + ocid + "."));
        }
        var publicView = forThePublic();
        List<Object> embedded = new ArrayList<>();
        stored.forEach(r -> embedded.add(publicView.apply(r.release())));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ocid", ocid);
        record.put("releases", embedded);
        record.put("compiledRelease", compile(ocid, embedded));
        Map<String, Object> pkg = packageHead("/api/ocds/records/" + ocid);
        pkg.put("packages", List.of(baseUri + "/api/ocds/releases"));
        pkg.put("records", List.of(record));
        return pkg;
    }

    /**
     * The compiled release: the releases merged oldest first by OCDS's merge rules (objects field by field,
     * arrays of objects with ids by id, any other value replaced by the later one), tagged {@code compiled}.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> compile(String ocid, List<Object> releases) {
        Map<String, Object> compiled = new LinkedHashMap<>();
        String date = null;
        for (Object r : releases) {
            Map<String, Object> release = (Map<String, Object>) r;
            date = (String) release.get("date");
            for (var e : release.entrySet()) {
                if (!Set.of("id", "date", "tag").contains(e.getKey())) {
                    compiled.put(e.getKey(), merge(compiled.get(e.getKey()), e.getValue()));
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ocid", ocid);
        out.put("id", ocid + "-compiled");
        out.put("date", date);
        out.put("tag", List.of("compiled"));
        compiled.remove("ocid");
        out.putAll(compiled);
        return out;
    }

    @SuppressWarnings("unchecked")
    static Object merge(Object earlier, Object later) {
        if (earlier instanceof Map<?, ?> a && later instanceof Map<?, ?> b) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) a);
            ((Map<String, Object>) b).forEach((k, v) -> out.put(k, merge(out.get(k), v)));
            return out;
        }
        if (earlier instanceof List<?> a && later instanceof List<?> b && identified(a) && identified(b)) {
            Map<Object, Object> byId = new LinkedHashMap<>();
            a.forEach(x -> byId.put(((Map<String, Object>) x).get("id"), x));
            b.forEach(x -> byId.put(((Map<String, Object>) x).get("id"), merge(byId.get(((Map<String, Object>) x).get("id")), x)));
            return new ArrayList<>(byId.values());
        }
        return later;
    }

    private static boolean identified(List<?> l) {
        return !l.isEmpty() && l.stream().allMatch(x -> x instanceof Map<?, ?> m && m.get("id") != null);
    }
}
