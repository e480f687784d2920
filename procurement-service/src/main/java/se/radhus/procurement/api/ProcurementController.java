package se.radhus.procurement.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.micronaut.PageResponse;
import se.radhus.procurement.domain.Award;
import se.radhus.procurement.domain.Bid;
import se.radhus.procurement.domain.Contract;
import se.radhus.procurement.domain.OrganisationNumber;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.Regime;
import se.radhus.procurement.service.ProcurementService;
import se.radhus.procurement.store.ProcurementStore;

/**
 * Procurements: {@code /api/procurements} and their steps — tender documents approved, published, bids
 * opened, evaluated, awarded (with the standstill), contracted, or cancelled.
 */
@Secured(SecurityRule.IS_ANONYMOUS) // reads are public; each write below names its roles
@Controller("/api/procurements")
public class ProcurementController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProcurementController.class);

    private final ProcurementService service;
    private final ProcurementStore store;

    private final se.radhus.micronaut.client.ProtectedPersons protectedPersons;

    public ProcurementController(ProcurementService service, ProcurementStore store,
                                 se.radhus.micronaut.client.ProtectedPersons protectedPersons) {
        this.service = service;
        this.store = store;
        this.protectedPersons = protectedPersons;
    }

    /**
     * A procurement with the LOU regime its estimate decides, and its contracts. When no threshold row covers
     * the day that decides the regime, {@code regime} is null and {@code regimeError} names the missing row.
     */
    @Serdeable
    public record View(Json.ProcurementJson procurement, @Nullable Json.RegimeJson regime, @Nullable String regimeError,
                       List<String> allowedNextSteps, @Nullable List<Json.ContractJson> contracts) {
    }

    /** A decision approving something. */
    @Serdeable
    public record Approval(@Nullable DecisionRef decision) {
    }

    /** Publication: the day, and the deadline for bids. */
    @Serdeable
    public record Publication(LocalDate publishedOn, LocalDate bidDeadline) {
    }

    /** The bids opened. */
    @Serdeable
    public record Opening(List<Bid> bids) {
    }

    /** The signing of the contract. */
    @Serdeable
    public record Signing(@Nullable LocalDate signedOn) {
    }

    /** A cancellation and why. */
    @Serdeable
    public record Cancellation(String reason) {
    }

    /** An awarded supplier as a client names it: by its bid, or by the bidder's organisation number or name. */
    @Serdeable
    public record AwardedSupplier(@Nullable String bidId, @Nullable String name, @Nullable String organisationNumber, int rank) {
    }

    /** A direct award's documentation, and the legal ground when it is above the limit. */
    @Serdeable
    public record DirectAwardBasis(@Nullable String documentation, @Nullable String legalGround, @Nullable String groundReason) {
    }

    /**
     * An award decision as a client sends it; the standstill end is computed. The value is the awarded bid's
     * price unless another is stated with {@code valueReason}; an award to another than the evaluation's
     * first-ranked bid records {@code justification}.
     */
    @Serdeable
    public record AwardRequest(List<AwardedSupplier> suppliers, @Nullable se.radhus.common.money.Money value,
                               @Nullable String valueReason, @Nullable String justification, @Nullable DirectAwardBasis directAward,
                               @Nullable DecisionRef decision, @Nullable LocalDate sentOn, @Nullable Boolean sentElectronically) {
        Award toDomain() {
            if (sentOn == null) {
                throw new InvalidInput("sentOn", "the day the award decision was sent to the bidders");
            }
            boolean electronic = sentElectronically == null || sentElectronically;
            List<Award.Supplier> named = suppliers == null ? List.of() : suppliers.stream()
                    .map(s -> new Award.Supplier(s.name(), s.organisationNumber() == null ? null : normalise(s.organisationNumber()),
                            s.rank(), s.bidId())).toList();
            return new Award(named, value, decision, sentOn, electronic, null, valueReason, justification,
                    directAward == null ? null : new Award.DirectAward(directAward.documentation(), directAward.legalGround(),
                            directAward.groundReason()), List.of());
        }

        private static String normalise(String org) {
            try {
                return OrganisationNumber.normalise(org);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("suppliers.organisationNumber", e.getMessage());
            }
        }
    }

    View view(Procurement p) {
        return view(p, p, service.contractsOf(p.id()));
    }

    /** The view of {@code shown} (perhaps with names hidden), its regime told from {@code p}. */
    View view(Procurement p, Procurement shown, List<Contract> contracts) {
        Regime regime = null;
        String error = null;
        try {
            regime = service.regime(p);
        } catch (se.radhus.procurement.domain.Threshold.Missing missing) {
            error = missing.getMessage();
        }
        return new View(Json.ProcurementJson.of(shown), Json.RegimeJson.of(regime), error,
                p.allowedNext().stream().map(Enum::name).toList(), Json.all(contracts, Json.ContractJson::of));
    }

    /**
     * The procurement as this caller may see it: to all but registrator, sekreterare and admin no name of a
     * person with a protected identity (as meetings-service says; while it cannot, every name is hidden).
     */
    View view(Procurement p, io.micronaut.http.HttpRequest<?> request) {
        if (se.radhus.micronaut.Callers.principal(request).seesProtectedIdentities()) {
            return view(p);
        }
        var shown = protectedPersons.forThePublic();
        return view(p, p.shown(shown::name, shown::text), service.contractsOf(p.id()).stream().map(c -> c.shown(shown::name, shown::text)).toList());
    }

    @Get
    public PageResponse<Json.ProcurementJson> list(@QueryValue(defaultValue = "0") int pageSize, @QueryValue(defaultValue = "") String pageToken,
                                          io.micronaut.http.HttpRequest<?> request) {
        boolean staff = se.radhus.micronaut.Callers.principal(request).seesDrafts();
        var page = staff ? store.list(pageSize, pageToken) : store.listPublic(pageSize, pageToken);
        if (se.radhus.micronaut.Callers.principal(request).seesProtectedIdentities()) {
            return new PageResponse<>(Json.all(page.items(), Json.ProcurementJson::of), page.nextPageToken());
        }
        var shown = protectedPersons.forThePublic();
        return new PageResponse<>(page.items().stream().map(p -> Json.ProcurementJson.of(p.shown(shown::name, shown::text))).toList(),
                page.nextPageToken());
    }

    /** A procurement not yet published is 404 to the public: its existence is not disclosed. */
    @Get("/{id}")
    public View get(@PathVariable String id, io.micronaut.http.HttpRequest<?> request) {
        Procurement p = service.get(id).procurement();
        if (!p.visibleToPublic() && !se.radhus.micronaut.Callers.principal(request).seesDrafts()) {
            throw new se.radhus.common.api.ProblemException(se.radhus.common.api.Problem.notFound("No procurement has id " + id + "."));
        }
        return view(p, request);
    }

    /** A new procurement: its planning facts ({@link NewProcurement}); state, decisions, bids and award are the service's. */
    @Secured({"upphandlare", "admin"})
    @Post
    public HttpResponse<View> create(@Body NewProcurement p) {
        Procurement created = service.create(p.toDomain());
        log.info("created procurement {}", created.id());
        return HttpResponse.created(view(created), URI.create("/api/procurements/" + created.id()));
    }

    /** Approved by an adjusted decision, verified with meetings-service; without one, 409 naming what is missing. */
    @Secured({"upphandlare", "admin"})
    @Post("/{id}/tender-documents/approval")
    public View approve(@PathVariable String id, @Body Approval a) {
        return view(service.approveTenderDocuments(id, a.decision()));
    }

    @Secured({"upphandlare", "admin"})
    @Post("/{id}/publication")
    public View publish(@PathVariable String id, @Body Publication r) {
        return view(service.publish(id, r.publishedOn(), r.bidDeadline()));
    }

    @Secured({"upphandlare", "admin"})
    @Post("/{id}/bids")
    public View openBids(@PathVariable String id, @Body Opening r) {
        if (r.bids() == null || r.bids().isEmpty()) {
            throw new InvalidInput("bids", "the bids received");
        }
        return view(service.change(id, p -> p.openBids(r.bids())));
    }

    /** Points one bid was given, per criterion. */
    @Serdeable
    public record BidPoints(String bidId, java.util.Map<String, java.math.BigDecimal> points) {
    }

    /** A jury's choice: the bid, and the jury's reasons. */
    @Serdeable
    public record JuryChoice(@Nullable String bidId, @Nullable String reasons) {
    }

    /**
     * The evaluation as its basis says: nothing (the model computes it from the bids' prices and scores),
     * {@code points} per criterion for each qualified bid as an evaluation protocol gives them, or a {@code jury}'s
     * choice with its reasons.
     */
    @Serdeable
    public record EvaluationRequest(@Nullable List<BidPoints> points, @Nullable JuryChoice jury) {
    }

    @Secured({"upphandlare", "admin"})
    @Post("/{id}/evaluation")
    public View evaluate(@PathVariable String id, @Nullable @Body EvaluationRequest r) {
        if (r != null && r.points() != null && r.jury() != null) {
            throw new InvalidInput("jury", "either points or a jury's choice, not both");
        }
        if (r != null && r.jury() != null) {
            return view(service.change(id, p -> p.evaluateByJury(r.jury().bidId(), r.jury().reasons())));
        }
        if (r != null && r.points() != null) {
            java.util.Map<String, java.util.Map<String, java.math.BigDecimal>> given = new java.util.LinkedHashMap<>();
            for (BidPoints b : r.points()) {
                if (b.bidId() == null || b.points() == null || given.put(b.bidId(), b.points()) != null) {
                    throw new InvalidInput("points", "one entry per bid, each with its bidId and points per criterion");
                }
            }
            return view(service.change(id, p -> p.evaluateByPoints(given)));
        }
        return view(service.change(id, Procurement::evaluate));
    }

    @Secured({"upphandlare", "admin"})
    @Post("/{id}/award")
    public View award(@PathVariable String id, @Body AwardRequest r) {
        return view(service.award(id, r.toDomain()));
    }

    @Secured({"upphandlare", "admin"})
    @Post("/{id}/contract")
    public View sign(@PathVariable String id, @Body Signing r) {
        return view(service.contract(id, r.signedOn()));
    }

    @Secured({"upphandlare", "admin"})
    @Post("/{id}/cancellation")
    public View cancel(@PathVariable String id, @Body Cancellation r) {
        if (r.reason() == null || r.reason().isBlank()) {
            throw new InvalidInput("reason", "why the procurement is cancelled");
        }
        return view(service.cancel(id, r.reason()));
    }
}
