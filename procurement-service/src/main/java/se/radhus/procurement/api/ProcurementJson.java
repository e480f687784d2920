package se.radhus.procurement.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.ProcurementState;

/** A procurement in JSON. The state is the service's to set: a client's is ignored on create. */
@Serdeable
public record ProcurementJson(String id, String number, String title, @Nullable String caseNumber,
                              @Nullable ProcurementState state) {

    static ProcurementJson of(Procurement p) {
        return new ProcurementJson(p.id(), p.number(), p.title(), p.caseNumber(), p.state());
    }

    Procurement toNewDomain() {
        return new Procurement(id, number, title, caseNumber, ProcurementState.PLANNING);
    }
}
