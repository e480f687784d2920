package se.radhus.procurement.service;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.procurement.domain.Award;
import se.radhus.procurement.domain.Contract;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.Regime;
import se.radhus.procurement.store.ContractStore;
import se.radhus.procurement.store.ProcurementStore;
import se.radhus.procurement.store.ThresholdStore;

/** Procurements through their steps: read, apply the domain step, write by compare-and-set. */
@Singleton
public class ProcurementService {

    private final ProcurementStore procurements;
    private final ContractStore contracts;
    private final ThresholdStore thresholds;

    public ProcurementService(ProcurementStore procurements, ContractStore contracts, ThresholdStore thresholds) {
        this.procurements = procurements;
        this.contracts = contracts;
        this.thresholds = thresholds;
    }

    public Procurement create(Procurement p) {
        Procurement planned = p.planned();
        if (!procurements.insert(planned)) {
            throw new ProblemException(Problem.conflict("exists", "Already exists",
                    "A procurement with id " + p.id() + " or number " + p.number() + " exists already."));
        }
        return planned;
    }

    public ProcurementStore.Versioned get(String id) {
        return procurements.find(id).orElseThrow(() -> new ProblemException(Problem.notFound("No procurement has id " + id + ".")));
    }

    public Regime regime(Procurement p) {
        LocalDate on = p.publishedOn() != null ? p.publishedOn() : p.contractStart() != null ? p.contractStart() : LocalDate.now();
        return Regime.of(p.valueForThresholds(), p.procedure(), p.category(), on, thresholds.all());
    }

    public Procurement change(String id, UnaryOperator<Procurement> step) {
        for (int attempt = 0; attempt < 20; attempt++) {
            ProcurementStore.Versioned v = get(id);
            Procurement next = step.apply(v.procurement());
            if (next.equals(v.procurement()) || procurements.replace(next, v.version())) {
                return next;
            }
        }
        throw new ProblemException(Problem.conflict("concurrent-change", "Changed concurrently",
                "Procurement " + id + " kept changing; read it again and retry."));
    }

    /** Signs the contract(s) after the standstill: one per awarded supplier. */
    public Procurement contract(String id, LocalDate signedOn) {
        Procurement p = change(id, x -> x.state() == se.radhus.procurement.domain.ProcurementState.CONTRACTED ? x : x.contracted(signedOn));
        Award a = p.award();
        for (Award.Supplier s : a.suppliers()) {
            contracts.insertIfAbsent(new Contract(p.id() + "-" + s.rank(), p.id(), p.type(), s.name(), s.organisationNumber(),
                    p.estimatedValuePerYear(), a.value(), p.contractStart(), p.contractEnd(), p.extensionYears(), 0, signedOn));
        }
        return p;
    }

    public List<Contract> contractsOf(String procurementId) {
        return contracts.ofProcurement(procurementId);
    }
}
