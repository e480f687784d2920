package se.radhus.procurement.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.radhus.common.money.Money;
import se.radhus.procurement.domain.Award;
import se.radhus.procurement.domain.Bid;
import se.radhus.procurement.domain.Contract;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.ProcurementState;
import se.radhus.procurement.store.ContractStore;
import se.radhus.procurement.store.ProcurementStore;

/**
 * Open data: {@code GET /api/ocds/releases}, an OCDS 1.1.5 release package of the published
 * procurements, one release each (its latest state), bids through the OCDS bid extension.
 */
@Secured(SecurityRule.IS_ANONYMOUS) // reads are public; each write below names its roles
@Controller("/api/ocds")
public class OcdsController {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    static final String BID_EXTENSION = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";

    private final ProcurementStore procurements;
    private final ContractStore contracts;
    private final String ocidPrefix;
    private final String publisher;
    private final String baseUri;
    private final Clock clock = Clock.system(SWEDEN);

    private final se.radhus.micronaut.client.ProtectedPersons protectedPersons;

    public OcdsController(ProcurementStore procurements, ContractStore contracts,
                          @Value("${radhus.ocds.ocid-prefix}") String ocidPrefix,
                          @Value("${radhus.ocds.publisher}") String publisher,
                          @Value("${radhus.ocds.base-uri}") String baseUri,
                          se.radhus.micronaut.client.ProtectedPersons protectedPersons) {
        this.protectedPersons = protectedPersons;
        this.procurements = procurements;
        this.contracts = contracts;
        this.ocidPrefix = ocidPrefix;
        this.publisher = publisher;
        this.baseUri = baseUri;
    }

    static String dateTime(LocalDate d) {
        return d.atStartOfDay(SWEDEN).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static Map<String, Object> value(Money m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("amount", BigDecimal.valueOf(m.ore()).movePointLeft(2));
        v.put("currency", m.currency());
        return v;
    }

    static Map<String, Object> org(String id, String name, List<String> roles) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("name", name);
        if (roles != null) {
            o.put("roles", roles);
        }
        return o;
    }

    static String orgId(String organisationNumber, String name) {
        return organisationNumber != null ? "SE-ORG-" + organisationNumber.replace("-", "") : "name-" + name.toLowerCase().replaceAll("[^a-z0-9åäö]+", "-");
    }

    @Get("/releases")
    public Map<String, Object> releases() {
        List<Map<String, Object>> releases = new ArrayList<>();
        // open data: no person with a protected identity is named (while meetings-service cannot say who is, no name is)
        var shown = protectedPersons.forThePublic();
        for (Procurement p : procurements.published()) {
            releases.add(release(p.shown(shown::name, shown::text), contracts.ofProcurement(p.id()).stream().map(c -> c.shown(shown::name)).toList()));
        }
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("uri", baseUri + "/api/ocds/releases");
        pkg.put("version", "1.1");
        pkg.put("extensions", List.of(BID_EXTENSION));
        pkg.put("publishedDate", OffsetDateTime.now(clock).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        pkg.put("publisher", Map.of("name", publisher));
        pkg.put("license", "https://creativecommons.org/publicdomain/zero/1.0/");
        pkg.put("releases", releases);
        return pkg;
    }

    Map<String, Object> release(Procurement p, List<Contract> signed) {
        String ocid = ocidPrefix + "-" + p.id();
        Map<String, Object> parties = new LinkedHashMap<>();
        String buyerId = orgId(null, p.leadBuyer() == null ? "okänd köpare" : p.leadBuyer());
        parties.put(buyerId, org(buyerId, p.leadBuyer() == null ? "okänd köpare" : p.leadBuyer(), List.of("buyer", "procuringEntity")));
        for (String other : p.participatingBuyers()) {
            String id = orgId(null, other);
            parties.putIfAbsent(id, org(id, other, List.of("buyer")));
        }
        for (Bid b : p.bids()) {
            if (b.supplier() != null) {
                String id = orgId(b.organisationNumber(), b.supplier());
                parties.putIfAbsent(id, org(id, b.supplier(), new ArrayList<>(List.of("tenderer"))));
            }
        }
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("id", p.number());
        tender.put("title", p.title());
        tender.put("status", p.state() == ProcurementState.CANCELLED ? "cancelled"
                : p.state() == ProcurementState.PUBLISHED ? "active" : "complete");
        if (p.procedure() != null) {
            tender.put("procurementMethod", p.procedure().ocdsMethod());
            tender.put("procurementMethodDetails", p.procedure().name());
        }
        if (p.category() != null) {
            tender.put("mainProcurementCategory", p.category().name().toLowerCase());
        }
        if (p.valueForThresholds() != null) {
            tender.put("value", value(p.valueForThresholds()));
        }
        if (p.evaluationBasis() != null) {
            tender.put("awardCriteria", p.evaluationBasis().ocds());
            if (!p.criteria().isEmpty()) {
                tender.put("awardCriteriaDetails", String.join(", ", p.criteria().stream().map(c -> c.name() + " " + c.weight() + " %").toList()));
            }
        }
        tender.put("submissionMethod", List.of("electronicSubmission"));
        if (p.bidDeadline() != null) {
            tender.put("tenderPeriod", Map.of("startDate", dateTime(p.publishedOn()), "endDate", dateTime(p.bidDeadline())));
        }
        tender.put("procuringEntity", Map.of("id", buyerId, "name", ((Map<?, ?>) parties.get(buyerId)).get("name")));
        tender.put("numberOfTenderers", p.bids().size());
        tender.put("tenderers", p.bids().stream().filter(b -> b.supplier() != null)
                .map(b -> Map.of("id", orgId(b.organisationNumber(), b.supplier()), "name", b.supplier())).distinct().toList());

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ocid", ocid);
        r.put("id", ocid + "-" + p.state().name().toLowerCase());
        LocalDate latest = p.award() != null ? p.award().sentOn() : p.publishedOn();
        r.put("date", dateTime(latest == null ? LocalDate.now(clock) : latest));
        List<String> tags = new ArrayList<>(List.of("tender"));
        r.put("initiationType", "tender");
        r.put("buyer", Map.of("id", buyerId, "name", ((Map<?, ?>) parties.get(buyerId)).get("name")));
        r.put("tender", tender);
        if (!p.bids().isEmpty()) {
            r.put("bids", Map.of("details", p.bids().stream().map(b -> {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("id", b.id());
                d.put("status", b.qualified() ? "valid" : "disqualified");
                if (b.supplier() != null) {
                    d.put("tenderers", List.of(Map.of("id", orgId(b.organisationNumber(), b.supplier()), "name", b.supplier())));
                }
                if (b.price() != null) {
                    d.put("value", value(b.price()));
                }
                return d;
            }).toList()));
        }
        Award a = p.award();
        if (a != null) {
            tags.add("award");
            for (Award.Supplier s : a.suppliers()) {
                String id = orgId(s.organisationNumber(), s.name());
                @SuppressWarnings("unchecked")
                Map<String, Object> party = (Map<String, Object>) parties.computeIfAbsent(id, k -> org(id, s.name(), new ArrayList<>()));
                @SuppressWarnings("unchecked")
                List<String> roles = (List<String>) party.get("roles");
                if (!roles.contains("supplier")) {
                    roles.add("supplier");
                }
            }
            Map<String, Object> award = new LinkedHashMap<>();
            award.put("id", p.id() + "-award");
            award.put("status", p.state() == ProcurementState.CANCELLED ? "cancelled" : "active");
            award.put("date", dateTime(a.sentOn()));
            award.put("value", value(a.value()));
            award.put("suppliers", a.suppliers().stream().map(s -> Map.of("id", orgId(s.organisationNumber(), s.name()), "name", s.name())).toList());
            if (p.contractStart() != null && p.contractEnd() != null) {
                award.put("contractPeriod", Map.of("startDate", dateTime(p.contractStart()), "endDate", dateTime(p.contractEnd())));
            }
            r.put("awards", List.of(award));
        }
        if (!signed.isEmpty()) {
            tags.add("contract");
            r.put("contracts", signed.stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("awardID", p.id() + "-award");
                m.put("status", "active");
                m.put("value", value(c.totalValue()));
                if (c.start() != null && c.end() != null) {
                    m.put("period", Map.of("startDate", dateTime(c.start()), "endDate", dateTime(c.currentEnd()),
                            "maxExtentDate", dateTime(c.latestPossibleEnd())));
                }
                if (c.signedOn() != null) {
                    m.put("dateSigned", dateTime(c.signedOn()));
                }
                return m;
            }).toList());
        }
        r.put("tag", tags);
        r.put("parties", new ArrayList<>(parties.values()));
        return r;
    }
}
