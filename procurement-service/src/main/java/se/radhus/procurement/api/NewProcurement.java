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
 * have (e.g. {@code state}) is refused with 400 naming it.
 *
 * @param id the procurement's id, e.g. {@code p-23310}; the decisions' effects name procurements by it
 */
@Serdeable
public record NewProcurement(@Nullable String id, @Nullable String number, @Nullable String title, @Nullable String caseNumber, @Nullable String leadBuyer,
                             @Nullable List<String> participatingBuyers, @Nullable Procurement.Type type, @Nullable Procedure procedure,
                             @Nullable Category category, @Nullable Money estimatedValuePerYear, @Nullable Money estimatedTotal,
                             @Nullable LocalDate contractStart, @Nullable LocalDate contractEnd, @Nullable List<Integer> extensionYears,
                             @Nullable EvaluationBasis evaluationBasis, @Nullable List<Criterion> criteria,
                             @Nullable Boolean alternativeBidsAllowed, @Nullable List<String> requirements,
                             @Nullable List<String> documents) {

    /** The procurement in planning this asks for (the domain checks it when it is planned). */
    Procurement toDomain() {
        return Procurement.ofPlan(id, number, title, caseNumber, leadBuyer, participatingBuyers, type, procedure, category,
                estimatedValuePerYear, estimatedTotal, contractStart, contractEnd, extensionYears, evaluationBasis, criteria,
                Boolean.TRUE.equals(alternativeBidsAllowed), requirements, documents);
    }
}
