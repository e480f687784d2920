package se.radhus.procurement.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.money.Money;
import se.radhus.procurement.domain.Award;
import se.radhus.procurement.domain.Bid;
import se.radhus.procurement.domain.CallOff;
import se.radhus.procurement.domain.Category;
import se.radhus.procurement.domain.Contract;
import se.radhus.procurement.domain.Criterion;
import se.radhus.procurement.domain.Evaluation;
import se.radhus.procurement.domain.EvaluationBasis;
import se.radhus.procurement.domain.Procedure;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.ProcurementState;
import se.radhus.procurement.domain.Regime;
import se.radhus.procurement.domain.Threshold;

/**
 * What the HTTP API answers, apart from the domain records and mapped from them here, in one place. A
 * component that may be missing is {@code @Nullable}, so the API document says what an answer may leave
 * out: an answer leaves out what is null or empty (Micronaut Serialization's default), so a list that is
 * not there is empty.
 */
public final class Json {

    private Json() {
    }

    /** The decision (beslut) something rests on: body, meeting, § and the case's diarienummer. */
    @Serdeable
    public record Decision(String bodyId, LocalDate meetingDate, int paragraph, @Nullable String caseNumber) {
        static @Nullable Decision of(@Nullable DecisionRef d) {
            return d == null ? null : new Decision(d.bodyId(), d.meetingDate(), d.paragraph(), d.caseNumber());
        }

        DecisionRef toDomain() {
            return new DecisionRef(bodyId, meetingDate, paragraph, caseNumber);
        }
    }

    /** A procurement as the API shows it (see the domain's {@link Procurement} for what each field means). */
    @Serdeable
    public record ProcurementJson(String id, @Nullable String number, String title, @Nullable String caseNumber,
                                  @Nullable String leadBuyer, @Nullable String leadBuyerOrganisationNumber,
                                  @Nullable List<String> participatingBuyers, Procurement.Type type, Procedure procedure,
                                  Category category, @Nullable String purchaseKind, @Nullable Money estimatedValuePerYear,
                                  @Nullable Money estimatedTotal, @Nullable LocalDate startedOn, @Nullable LocalDate contractStart,
                                  @Nullable LocalDate contractEnd, @Nullable List<Integer> extensionYears,
                                  @Nullable String frameworkSpecialReasons, @Nullable EvaluationBasis evaluationBasis,
                                  @Nullable List<CriterionJson> criteria, boolean alternativeBidsAllowed,
                                  @Nullable List<String> requirements, @Nullable List<String> documents, ProcurementState state,
                                  @Nullable Decision tenderDocumentsDecision, @Nullable LocalDate publishedOn,
                                  @Nullable LocalDate bidDeadline, @Nullable List<BidJson> bids,
                                  @Nullable Evaluation.Method evaluationMethod, @Nullable List<ResultJson> evaluation,
                                  @Nullable String juryReasons, @Nullable AwardJson award, @Nullable List<CallOffJson> callOffs,
                                  @Nullable String cancelReason, @Nullable LocalDate cancelledOn) {
        static ProcurementJson of(Procurement p) {
            return new ProcurementJson(p.id(), p.number(), p.title(), p.caseNumber(), p.leadBuyer(),
                    p.leadBuyerOrganisationNumber(), p.participatingBuyers(), p.type(), p.procedure(), p.category(),
                    p.purchaseKind(), p.estimatedValuePerYear(), p.estimatedTotal(), p.startedOn(), p.contractStart(),
                    p.contractEnd(), p.extensionYears(), p.frameworkSpecialReasons(), p.evaluationBasis(),
                    all(p.criteria(), CriterionJson::of), p.alternativeBidsAllowed(), p.requirements(), p.documents(), p.state(),
                    Decision.of(p.tenderDocumentsDecision()), p.publishedOn(), p.bidDeadline(), all(p.bids(), BidJson::of),
                    p.evaluationMethod(), all(p.evaluation(), ResultJson::of), p.juryReasons(), AwardJson.of(p.award()),
                    all(p.callOffs(), CallOffJson::of), p.cancelReason(), p.cancelledOn());
        }
    }

    /** An award criterion and its weight. */
    @Serdeable
    public record CriterionJson(String name, int weight) {
        static CriterionJson of(Criterion c) {
            return new CriterionJson(c.name(), c.weight());
        }
    }

    /** A bid (anbud): who, at what price, whether it qualified and why not, and its scores per criterion. */
    @Serdeable
    public record BidJson(String id, @Nullable String supplier, @Nullable String organisationNumber, @Nullable Money price,
                          boolean alternative, boolean qualified, @Nullable String reason, @Nullable Map<String, Integer> scores) {
        static BidJson of(Bid b) {
            return new BidJson(b.id(), b.supplier(), b.organisationNumber(), b.price(), b.alternative(), b.qualified(),
                    b.reason(), b.scores());
        }

        Bid toDomain() {
            return new Bid(id, supplier, organisationNumber, price, alternative, qualified, reason, scores);
        }
    }

    /** One bid's place in the evaluation, with its points. */
    @Serdeable
    public record ResultJson(int rank, String bidId, @Nullable String supplier, @Nullable BigDecimal pricePoints,
                             @Nullable BigDecimal qualityPoints, @Nullable BigDecimal total, boolean tied,
                             @Nullable Map<String, BigDecimal> points) {
        static ResultJson of(Evaluation.Result r) {
            return new ResultJson(r.rank(), r.bidId(), r.supplier(), r.pricePoints(), r.qualityPoints(), r.total(), r.tied(), r.points());
        }
    }

    /** The award (tilldelningsbeslut): to whom, at what value, on which decision, and when the standstill ends. */
    @Serdeable
    public record AwardJson(List<SupplierJson> suppliers, @Nullable Money value, @Nullable Decision decision,
                            @Nullable LocalDate sentOn, boolean sentElectronically, @Nullable LocalDate standstillEnd,
                            @Nullable String valueReason, @Nullable String justification, @Nullable DirectAwardJson directAward,
                            @Nullable List<String> warnings) {
        static @Nullable AwardJson of(@Nullable Award a) {
            return a == null ? null : new AwardJson(all(a.suppliers(), SupplierJson::of), a.value(), Decision.of(a.decision()),
                    a.sentOn(), a.sentElectronically(), a.standstillEnd(), a.valueReason(), a.justification(),
                    DirectAwardJson.of(a.directAward()), a.warnings());
        }
    }

    /** A supplier the award names, with its rank. */
    @Serdeable
    public record SupplierJson(@Nullable String name, @Nullable String organisationNumber, int rank, @Nullable String bidId) {
        static SupplierJson of(Award.Supplier s) {
            return new SupplierJson(s.name(), s.organisationNumber(), s.rank(), s.bidId());
        }
    }

    /** A direct award's documentation, and its legal ground where it is above the limit. */
    @Serdeable
    public record DirectAwardJson(@Nullable String documentation, @Nullable String legalGround, @Nullable String groundReason) {
        static @Nullable DirectAwardJson of(@Nullable Award.DirectAward d) {
            return d == null ? null : new DirectAwardJson(d.documentation(), d.legalGround(), d.groundReason());
        }
    }

    /** A call-off (avrop) under a framework agreement. */
    @Serdeable
    public record CallOffJson(String id, @Nullable String contractId, @Nullable Money value, @Nullable LocalDate calledOn,
                              @Nullable String description, boolean renewedCompetition, @Nullable LocalDate noticeSentOn,
                              boolean sentElectronically, @Nullable LocalDate standstillEnd) {
        static CallOffJson of(CallOff c) {
            return new CallOffJson(c.id(), c.contractId(), c.value(), c.calledOn(), c.description(), c.renewedCompetition(),
                    c.noticeSentOn(), c.sentElectronically(), c.standstillEnd());
        }
    }

    /** A contract (avtal) signed after an award, with its extensions. */
    @Serdeable
    public record ContractJson(String id, String procurementId, @Nullable Procurement.Type type, @Nullable String supplier,
                               @Nullable String organisationNumber, @Nullable Money valuePerYear, @Nullable Money totalValue,
                               @Nullable LocalDate start, @Nullable LocalDate end, @Nullable List<Integer> extensionYears,
                               int extensionsUsed, @Nullable LocalDate signedOn, @Nullable List<Decision> extensionDecisions,
                               @Nullable List<ExtensionJson> extensions, @Nullable String frameworkSpecialReasons) {
        static ContractJson of(Contract c) {
            return new ContractJson(c.id(), c.procurementId(), c.type(), c.supplier(), c.organisationNumber(), c.valuePerYear(),
                    c.totalValue(), c.start(), c.end(), c.extensionYears(), c.extensionsUsed(), c.signedOn(),
                    all(c.extensionDecisions(), Decision::of), all(c.extensions(), ExtensionJson::of), c.frameworkSpecialReasons());
        }
    }

    /** One extension (förlängning) of a contract. */
    @Serdeable
    public record ExtensionJson(@Nullable LocalDate on, @Nullable Decision decision, int years, @Nullable LocalDate endsOn) {
        static ExtensionJson of(Contract.Extension e) {
            return new ExtensionJson(e.on(), Decision.of(e.decision()), e.years(), e.endsOn());
        }
    }

    /** The LOU regime a procurement's estimate decides, with the threshold and where it comes from. */
    @Serdeable
    public record RegimeJson(Regime.Kind regime, @Nullable Money threshold, @Nullable List<String> warnings,
                             @Nullable LocalDate on, @Nullable List<String> sources) {
        static @Nullable RegimeJson of(@Nullable Regime r) {
            return r == null ? null : new RegimeJson(r.regime(), r.threshold(), r.warnings(), r.on(), r.sources());
        }
    }

    /** A threshold (tröskelvärde) of LOU, valid over a period, with its source. */
    @Serdeable
    public record ThresholdJson(Threshold.Kind kind, Money amount, LocalDate validFrom, @Nullable LocalDate validTo,
                                @Nullable String source) {
        static ThresholdJson of(Threshold t) {
            return new ThresholdJson(t.kind(), t.amount(), t.validFrom(), t.validTo(), t.source());
        }
    }

    static <D, J> @Nullable List<J> all(@Nullable List<D> values, Function<D, J> map) {
        return values == null ? null : values.stream().map(map).toList();
    }
}
