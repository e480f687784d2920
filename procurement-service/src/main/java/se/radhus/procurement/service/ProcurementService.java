package se.radhus.procurement.service;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.DecisionRef;
import se.radhus.micronaut.client.DecisionVerifier;
import se.radhus.procurement.domain.Award;
import se.radhus.procurement.domain.Contract;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.Regime;
import se.radhus.procurement.store.ContractStore;
import se.radhus.procurement.store.ProcurementStore;
import se.radhus.procurement.store.ThresholdStore;

/**
 * Procurements through their steps: read, apply the domain step, write by compare-and-set. The steps that
 * rest on a decision — tender documents approved, an award, a contract extended — are checked here with
 * meetings-service ({@link DecisionVerifier}: the § exists, decides and is adjusted) before anything is
 * written, whether they came over HTTP or gRPC: one code path. The same step by the same decision again (a
 * retry) changes nothing and asks nobody.
 */
@Singleton
public class ProcurementService {

    private final ProcurementStore procurements;
    private final ContractStore contracts;
    private final ThresholdStore thresholds;
    private final DecisionVerifier decisions;

    public ProcurementService(ProcurementStore procurements, ContractStore contracts, ThresholdStore thresholds,
                              DecisionVerifier decisions) {
        this.procurements = procurements;
        this.contracts = contracts;
        this.thresholds = thresholds;
        this.decisions = decisions;
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

    /** The tender documents approved by {@code decision}, an adjusted § verified with meetings-service. */
    public Procurement approveTenderDocuments(String id, DecisionRef decision) {
        return decided(id, decision, p -> p.approveTenderDocuments(decision));
    }

    /** The award decision recorded; it rests on its adjusted § ({@link Award#decision()}). */
    public Procurement award(String id, Award award) {
        return decided(id, award.decision(), p -> p.awarded(award));
    }

    /**
     * A step that rests on a decision: done already by it (a retry), it is answered as it stands; else the
     * decision is checked first, then the step's own rules (a step out of order), then it is written.
     */
    private Procurement decided(String id, DecisionRef decision, UnaryOperator<Procurement> step) {
        Procurement current = get(id).procurement();
        if (decision != null) {
            try {
                if (step.apply(current).equals(current)) {
                    return current;
                }
            } catch (se.radhus.common.domain.RuleViolation | se.radhus.common.domain.InvalidInput refused) {
                // the step's refusal comes after the decision's
            }
        }
        decisions.verify(decision, true);
        return change(id, step);
    }

    /** Uses a contract's next extension option, by an adjusted decision; by the same decision again: unchanged. */
    public Contract extend(String contractId, DecisionRef decision) {
        ContractStore.Versioned first = contract(contractId);
        if (first.contract().extendedBy(decision)) {
            return first.contract();
        }
        decisions.verify(decision, true);
        for (int attempt = 0; attempt < 10; attempt++) {
            ContractStore.Versioned v = contract(contractId);
            Contract next = v.contract().extended(decision);
            if (next.equals(v.contract()) || contracts.replace(next, v.version())) {
                return next;
            }
        }
        throw new ProblemException(Problem.conflict("concurrent-change", "Changed concurrently", "Contract " + contractId + " kept changing."));
    }

    public ContractStore.Versioned contract(String id) {
        return contracts.find(id).orElseThrow(() -> new ProblemException(Problem.notFound("No contract has id " + id + ".")));
    }

    /** Signs the contract(s) after the standstill: one per awarded supplier. */
    public Procurement contract(String id, LocalDate signedOn) {
        Procurement p = change(id, x -> x.state() == se.radhus.procurement.domain.ProcurementState.CONTRACTED ? x : x.contracted(signedOn));
        Award a = p.award();
        for (Award.Supplier s : a.suppliers()) {
            contracts.insertIfAbsent(new Contract(p.id() + "-" + s.rank(), p.id(), p.type(), s.name(), s.organisationNumber(),
                    p.estimatedValuePerYear(), a.value(), p.contractStart(), p.contractEnd(), p.extensionYears(), 0, signedOn, List.of()));
        }
        return p;
    }

    public List<Contract> contractsOf(String procurementId) {
        return contracts.ofProcurement(procurementId);
    }
}
