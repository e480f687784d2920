package se.radhus.procurement.api;

import io.micronaut.serde.annotation.SerdeImport;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.money.Money;
import se.radhus.procurement.domain.Award;
import se.radhus.procurement.domain.Bid;
import se.radhus.procurement.domain.Contract;
import se.radhus.procurement.domain.Criterion;
import se.radhus.procurement.domain.Evaluation;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.Regime;
import se.radhus.procurement.domain.Threshold;

/** The domain's records, which know nothing of JSON, made serialisable here, at the edge. */
@SerdeImport(Procurement.class)
@SerdeImport(Bid.class)
@SerdeImport(Criterion.class)
@SerdeImport(Award.class)
@SerdeImport(Award.Supplier.class)
@SerdeImport(Award.DirectAward.class)
@SerdeImport(se.radhus.procurement.domain.CallOff.class)
@SerdeImport(Contract.Extension.class)
@SerdeImport(Evaluation.Result.class)
@SerdeImport(Contract.class)
@SerdeImport(Threshold.class)
@SerdeImport(Regime.class)
@SerdeImport(Money.class)
@SerdeImport(DecisionRef.class)
public final class SerdeImports {

    private SerdeImports() {
    }
}
