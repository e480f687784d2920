package se.radhus.procurement.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.radhus.common.money.Money;
import se.radhus.procurement.domain.Award;
import se.radhus.procurement.domain.Bid;
import se.radhus.procurement.domain.CallOff;
import se.radhus.procurement.domain.Contract;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.ProcurementState;
import se.radhus.procurement.store.ReleaseStore;

/**
 * A procurement's history as OCDS 1.1.5 releases: each change its own release, with its own id and the day
 * of the change, written once and never rewritten: the tender when published, the award, each contract
 * signed, each extension (an amendment of its contract), each call-off (a contract under the framework's
 * award) and a cancellation. Each release is built only from what that change fixed, so writing it again
 * later (a retry, or the back-fill at start) gives the same release.
 *
 * <p>Parties are one each, by organisation number as an org-id.guide identifier in the scheme for Swedish
 * organisation numbers, {@code SE-ON} (org-id.guide/list/SE-ON: "SE-ON-556091-2148"); the buyer carries its
 * own. A party with no organisation number is known by its name only.
 */
@Singleton
public class OcdsHistory {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    /** org-id.guide's code for Swedish organisation numbers (organisationsnummer). */
    public static final String SCHEME = "SE-ON";
    /** The registered form of an ocid prefix: ocds- and six characters. */
    static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("ocds-[a-z0-9]{6}");

    private final ReleaseStore store;
    private final String ocidPrefix;

    public OcdsHistory(ReleaseStore store, @Value("${radhus.ocds.ocid-prefix}") String ocidPrefix) {
        if (ocidPrefix == null || !PREFIX.matcher(ocidPrefix).matches()) {
            throw new IllegalArgumentException("radhus.ocds.ocid-prefix (OCDS_OCID_PREFIX) is \"" + ocidPrefix + "\"; an ocid prefix"
                    + " registered with the Open Contracting Partnership is ocds- and six lower-case letters or digits, e.g. ocds-radhus");
        }
        this.store = store;
        this.ocidPrefix = ocidPrefix;
    }

    public String ocid(String procurementId) {
        return ocidPrefix + "-" + procurementId;
    }

    /** The procurement an ocid names, if it is one of ours. */
    public java.util.Optional<String> procurementOf(String ocid) {
        return ocid != null && ocid.startsWith(ocidPrefix + "-") ? java.util.Optional.of(ocid.substring(ocidPrefix.length() + 1))
                : java.util.Optional.empty();
    }

    /** Writes every release the procurement's changes call for that is not written yet; nothing for one not published. */
    public void record(Procurement p, List<Contract> contracts) {
        for (ReleaseStore.Stored r : releases(p, contracts)) {
            store.insertIfAbsent(r);
        }
    }

    /** The releases the procurement's changes call for, oldest first. */
    List<ReleaseStore.Stored> releases(Procurement p, List<Contract> contracts) {
        List<ReleaseStore.Stored> out = new ArrayList<>();
        if (p.publishedOn() == null) {
            return out;
        }
        String ocid = ocid(p.id());
        out.add(stored(p, "tender", p.publishedOn(), 1, tender(p)));
        if (p.award() != null) {
            out.add(stored(p, "award", p.award().sentOn(), 2, award(p)));
        }
        for (Contract c : contracts) {
            if (c.signedOn() != null) {
                out.add(stored(p, "contract-" + c.id(), c.signedOn(), 3, contract(p, c)));
            }
            for (int i = 0; i < c.extensions().size(); i++) {
                out.add(stored(p, "contract-" + c.id() + "-extension-" + (i + 1), c.extensions().get(i).on(), 4 + i, extension(p, c, i)));
            }
        }
        for (CallOff c : p.callOffs()) {
            out.add(stored(p, "call-off-" + c.id(), c.calledOn(), 10, callOff(p, c)));
        }
        if (p.state() == ProcurementState.CANCELLED && p.cancelledOn() != null) {
            out.add(stored(p, "cancellation", p.cancelledOn(), 20, cancellation(p)));
        }
        return out;
    }

    private ReleaseStore.Stored stored(Procurement p, String what, LocalDate day, int order, Map<String, Object> content) {
        String ocid = ocid(p.id());
        String id = ocid + "-" + what;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ocid", ocid);
        r.put("id", id);
        r.put("date", dateTime(day));
        r.putAll(content);
        return new ReleaseStore.Stored(id, ocid, p.id(), dateTime(day), order, r);
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

    /** A party's id: its organisation number in org-id.guide's scheme, else its name. */
    static String partyId(String organisationNumber, String name) {
        return organisationNumber != null ? SCHEME + "-" + organisationNumber
                : "name-" + (name == null ? "okand" : name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9åäö]+", "-"));
    }

    /** Parties of one release, one per id, their roles merged. */
    static final class Parties {
        final Map<String, Map<String, Object>> byId = new LinkedHashMap<>();

        Map<String, Object> ref(String organisationNumber, String name, String role) {
            String id = partyId(organisationNumber, name);
            Map<String, Object> party = byId.computeIfAbsent(id, k -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("id", id);
                o.put("name", name == null ? "okänd" : name);
                if (organisationNumber != null) {
                    o.put("identifier", new LinkedHashMap<>(Map.of("scheme", SCHEME, "id", organisationNumber, "legalName",
                            name == null ? organisationNumber : name)));
                }
                o.put("roles", new ArrayList<String>());
                return o;
            });
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) party.get("roles");
            if (!roles.contains(role)) {
                roles.add(role);
            }
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("id", id);
            ref.put("name", party.get("name"));
            return ref;
        }

        List<Object> list() {
            return new ArrayList<>(byId.values());
        }
    }

    private static String buyerName(Procurement p) {
        return p.leadBuyer() == null ? "okänd köpare" : p.leadBuyer();
    }

    /** What every release of the process says of itself: the buyer, and how the process began. */
    private static Map<String, Object> head(Procurement p, Parties parties, String tag) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("tag", List.of(tag));
        r.put("initiationType", "tender");
        Map<String, Object> buyer = parties.ref(p.leadBuyerOrganisationNumber(), buyerName(p), "buyer");
        parties.ref(p.leadBuyerOrganisationNumber(), buyerName(p), "procuringEntity");
        r.put("buyer", buyer);
        return r;
    }

    Map<String, Object> tender(Procurement p) {
        Parties parties = new Parties();
        Map<String, Object> r = head(p, parties, "tender");
        for (String other : p.participatingBuyers()) {
            parties.ref(null, other, "buyer");
        }
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("id", p.number());
        tender.put("title", p.title());
        tender.put("status", "active");
        if (p.procedure() != null) {
            tender.put("procurementMethod", p.procedure().ocdsMethod());
            tender.put("procurementMethodDetails", p.procedure().name());
        }
        if (p.category() != null) {
            tender.put("mainProcurementCategory", p.category().name().toLowerCase(java.util.Locale.ROOT));
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
        if (p.contractStart() != null && p.contractEnd() != null) {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("startDate", dateTime(p.contractStart()));
            period.put("endDate", dateTime(p.contractEnd()));
            if (p.latestPossibleEnd() != null) {
                period.put("maxExtentDate", dateTime(p.latestPossibleEnd()));
            }
            tender.put("contractPeriod", period);
        }
        tender.put("procuringEntity", r.get("buyer"));
        r.put("tender", tender);
        r.put("parties", parties.list());
        return r;
    }

    Map<String, Object> award(Procurement p) {
        Parties parties = new Parties();
        Map<String, Object> r = head(p, parties, "award");
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("id", p.number());
        tender.put("status", "complete");
        tender.put("numberOfTenderers", p.bids().size());
        List<Object> tenderers = new ArrayList<>();
        List<Object> details = new ArrayList<>();
        for (Bid b : p.bids()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", b.id());
            d.put("status", b.qualified() ? "valid" : "disqualified");
            if (b.supplier() != null) {
                Map<String, Object> ref = parties.ref(b.organisationNumber(), b.supplier(), "tenderer");
                if (!tenderers.contains(ref)) {
                    tenderers.add(ref);
                }
                d.put("tenderers", List.of(ref));
            }
            if (b.price() != null) {
                d.put("value", value(b.price()));
            }
            details.add(d);
        }
        tender.put("tenderers", tenderers);
        r.put("tender", tender);
        if (!details.isEmpty()) {
            r.put("bids", Map.of("details", details));
        }
        Award a = p.award();
        Map<String, Object> award = new LinkedHashMap<>();
        award.put("id", p.id() + "-award");
        award.put("status", "active");
        award.put("date", dateTime(a.sentOn()));
        award.put("value", value(a.value()));
        List<Object> suppliers = new ArrayList<>();
        for (Award.Supplier s : a.suppliers()) {
            suppliers.add(parties.ref(s.organisationNumber(), s.name(), "supplier"));
        }
        award.put("suppliers", suppliers);
        if (a.justification() != null || a.valueReason() != null) {
            award.put("description", String.join(" ", java.util.stream.Stream.of(a.justification(), a.valueReason())
                    .filter(java.util.Objects::nonNull).toList()));
        }
        if (p.contractStart() != null && p.contractEnd() != null) {
            award.put("contractPeriod", Map.of("startDate", dateTime(p.contractStart()), "endDate", dateTime(p.contractEnd())));
        }
        r.put("awards", List.of(award));
        r.put("parties", parties.list());
        return r;
    }

    Map<String, Object> contract(Procurement p, Contract c) {
        Parties parties = new Parties();
        Map<String, Object> r = head(p, parties, "contract");
        parties.ref(c.organisationNumber(), c.supplier(), "supplier");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("awardID", p.id() + "-award");
        m.put("status", "active");
        if (c.totalValue() != null) {
            m.put("value", value(c.totalValue()));
        }
        if (c.start() != null && c.end() != null) {
            m.put("period", Map.of("startDate", dateTime(c.start()), "endDate", dateTime(c.end()),
                    "maxExtentDate", dateTime(c.latestPossibleEnd())));
        }
        m.put("dateSigned", dateTime(c.signedOn()));
        r.put("contracts", List.of(m));
        r.put("parties", parties.list());
        return r;
    }

    Map<String, Object> extension(Procurement p, Contract c, int i) {
        Parties parties = new Parties();
        Map<String, Object> r = head(p, parties, "contractAmendment");
        Contract.Extension e = c.extensions().get(i);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("awardID", p.id() + "-award");
        if (c.start() != null && e.endsOn() != null) {
            m.put("period", Map.of("startDate", dateTime(c.start()), "endDate", dateTime(e.endsOn()),
                    "maxExtentDate", dateTime(c.latestPossibleEnd())));
        }
        Map<String, Object> amendment = new LinkedHashMap<>();
        amendment.put("id", c.id() + "-extension-" + (i + 1));
        amendment.put("date", dateTime(e.on()));
        amendment.put("rationale", "Förlängning " + e.years() + " år, option " + (i + 1) + " av " + c.extensionYears().size()
                + (e.decision() == null ? "" : ", beslut " + e.decision()) + "; " + (c.extensionYears().size() - i - 1) + " kvar.");
        amendment.put("releaseID", ocid(p.id()) + "-contract-" + c.id() + "-extension-" + (i + 1));
        m.put("amendments", List.of(amendment));
        r.put("contracts", List.of(m));
        r.put("parties", parties.list());
        return r;
    }

    Map<String, Object> callOff(Procurement p, CallOff c) {
        Parties parties = new Parties();
        Map<String, Object> r = head(p, parties, "contract");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id() + "-call-off-" + c.id());
        m.put("awardID", p.id() + "-award");
        m.put("title", "Avrop " + c.id() + " (" + c.contractId() + ")");
        if (c.description() != null) {
            m.put("description", c.description());
        }
        m.put("status", "active");
        m.put("value", value(c.value()));
        m.put("dateSigned", dateTime(c.calledOn()));
        r.put("contracts", List.of(m));
        r.put("parties", parties.list());
        return r;
    }

    Map<String, Object> cancellation(Procurement p) {
        Parties parties = new Parties();
        Map<String, Object> r = head(p, parties, "tenderCancellation");
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("id", p.number());
        tender.put("status", "cancelled");
        if (p.cancelReason() != null) {
            tender.put("statusDetails", p.cancelReason());
        }
        r.put("tender", tender);
        if (p.award() != null) {
            r.put("awards", List.of(Map.of("id", p.id() + "-award", "status", "cancelled")));
        }
        r.put("parties", parties.list());
        return r;
    }
}
