package se.radhus.procurement.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import se.radhus.common.money.Money;
import se.radhus.procurement.domain.Category;
import se.radhus.procurement.domain.Criterion;
import se.radhus.procurement.domain.EvaluationBasis;
import se.radhus.procurement.domain.Procedure;
import se.radhus.procurement.domain.Procurement;

/**
 * What a client sends to plan a procurement: its planning facts, nothing else. State, decisions,
 * publication, bids, evaluation and award come from the steps that follow; a field this record does not
 * have (e.g. {@code state}) is refused with 400 naming it. Values exclude VAT.
 *
 * @param id the procurement's id, e.g. {@code p-23310}; the decisions' effects name procurements by it
 * @param startedOn the day it began (default: today); with the estimate it decides the regime until publication
 * @param purchaseKind what kind of purchase, for adding up direct awards of the same kind (default: the category)
 * @param frameworkSpecialReasons the special reasons for a framework agreement of more than four years (LOU 7 kap. 2 §)
 */
@Serdeable
public record NewProcurement(@Nullable String id, @Nullable String number, @Nullable String title, @Nullable String caseNumber, @Nullable String leadBuyer,
                             @Nullable String leadBuyerOrganisationNumber,
                             @Nullable List<String> participatingBuyers, @Nullable Procurement.Type type, @Nullable Procedure procedure,
                             @Nullable Category category, @Nullable String purchaseKind, @Nullable Money estimatedValuePerYear,
                             @Nullable Money estimatedTotal, @Nullable LocalDate startedOn,
                             @Nullable LocalDate contractStart, @Nullable LocalDate contractEnd, @Nullable List<Integer> extensionYears,
                             @Nullable String frameworkSpecialReasons,
                             @Nullable EvaluationBasis evaluationBasis, @Nullable List<Criterion> criteria,
                             @Nullable Boolean alternativeBidsAllowed, @Nullable List<String> requirements,
                             @Nullable List<String> documents) {

    /** The procurement in planning this asks for (the domain checks it when it is planned). */
    Procurement toDomain() {
        return Procurement.ofPlan(id, number, title, caseNumber, leadBuyer, leadBuyerOrganisationNumber, participatingBuyers, type,
                procedure, category, purchaseKind, estimatedValuePerYear, estimatedTotal, startedOn, contractStart, contractEnd,
                extensionYears, frameworkSpecialReasons, evaluationBasis, criteria, Boolean.TRUE.equals(alternativeBidsAllowed),
                requirements, documents);
    }
}
