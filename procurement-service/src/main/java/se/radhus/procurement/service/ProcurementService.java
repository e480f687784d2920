package se.radhus.procurement.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.RuleViolation;
import se.radhus.micronaut.client.DecisionVerifier;
import se.radhus.procurement.domain.Award;
import se.radhus.procurement.domain.Awards;
import se.radhus.procurement.domain.CallOff;
import se.radhus.procurement.domain.Contract;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.ProcurementState;
import se.radhus.procurement.domain.Regime;
import se.radhus.procurement.domain.Threshold;
import se.radhus.procurement.store.ContractStore;
import se.radhus.procurement.store.DirectPurchaseStore;
import se.radhus.procurement.store.ProcurementStore;
import se.radhus.procurement.store.ThresholdStore;

/**
 * Procurements through their steps: read, apply the domain step, write by compare-and-set. The steps that
 * rest on a decision — tender documents approved, an award, a contract extended — are checked here with
 * meetings-service ({@link DecisionVerifier}: the § exists, decides and is adjusted) before anything is
 * written, whether they came over HTTP or gRPC: one code path. The same step by the same decision again (a
 * retry) changes nothing and asks nobody. Every change that OCDS tells of is written as its own release
 * ({@link OcdsHistory}). "Today" is the injected clock's, in Stockholm.
 */
@Singleton
public class ProcurementService {

    private final ProcurementStore procurements;
    private final ContractStore contracts;
    private final ThresholdStore thresholds;
    private final DecisionVerifier decisions;
    private final DirectPurchaseStore directPurchases;
    private final OcdsHistory history;
    private final Clock clock;

    public ProcurementService(ProcurementStore procurements, ContractStore contracts, ThresholdStore thresholds,
                              DecisionVerifier decisions, DirectPurchaseStore directPurchases, OcdsHistory history, Clock clock) {
        this.procurements = procurements;
        this.contracts = contracts;
        this.thresholds = thresholds;
        this.decisions = decisions;
        this.directPurchases = directPurchases;
        this.history = history;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * A new procurement in planning. With an estimated value its regime must be told from the thresholds of
     * the day it began: a day no threshold row covers is refused naming the row (409 threshold-missing).
     */
    public Procurement create(Procurement p) {
        Procurement planned = p.planned(today());
        regime(planned);
        if (!procurements.insert(planned)) {
            throw new ProblemException(Problem.conflict("exists", "Already exists",
                    "A procurement with id " + p.id() + " or number " + p.number() + " exists already."));
        }
        return planned;
    }

    public ProcurementStore.Versioned get(String id) {
        return procurements.find(id).orElseThrow(() -> new ProblemException(Problem.notFound("No procurement has id " + id + ".")));
    }

    /**
     * The regime its estimate decides, by the thresholds of the day it was published or, before, began
     * (LOU 5 kap. 4 §).
     *
     * @throws Threshold.Missing when no threshold row covers that day
     */
    public Regime regime(Procurement p) {
        LocalDate on = p.regimeDay() != null ? p.regimeDay() : today();
        return Regime.of(p.valueForThresholds(), p.procedure(), p.category(), on, thresholds.all());
    }

    public Procurement change(String id, UnaryOperator<Procurement> step) {
        for (int attempt = 0; attempt < 20; attempt++) {
            ProcurementStore.Versioned v = get(id);
            Procurement next = step.apply(v.procurement());
            if (next.equals(v.procurement()) || procurements.replace(next, v.procurement(), v.version())) {
                history.record(next, contracts.ofProcurement(id));
                return next;
            }
        }
        throw new ProblemException(Problem.conflict("concurrent-change", "Changed concurrently",
                "Procurement " + id + " kept changing; read it again and retry."));
    }

    /** Published on {@code on}: the regime is then decided by the thresholds of that day (a day with none is refused). */
    public Procurement publish(String id, LocalDate on, LocalDate deadline) {
        return change(id, p -> {
            Procurement next = p.publish(on, deadline, today());
            regime(next);
            return next;
        });
    }

    /** Cancelled: a direct award that was made no longer counts against its buyer's limit. */
    public Procurement cancel(String id, String reason) {
        Procurement p = change(id, x -> x.cancelled(reason, today()));
        if (p.isDirectAward() && p.award() != null) {
            directPurchases.remove(directKey(p, p.award().sentOn()), p.id());
        }
        return p;
    }

    /** The tender documents approved by {@code decision}, an adjusted § verified with meetings-service. */
    public Procurement approveTenderDocuments(String id, DecisionRef decision) {
        return decided(id, decision, p -> p.approveTenderDocuments(decision));
    }

    /**
     * The award decision recorded; it rests on its adjusted § ({@link Award#decision()}) and is held to the
     * rules of {@link Awards}. A direct award is entered in its buyer's direct purchases of the kind and year
     * first, by compare-and-set, so two at once cannot both fit under a limit only one fits under.
     */
    public Procurement award(String id, Award proposed) {
        Procurement current = get(id).procurement();
        if (proposed.decision() != null) {
            try {
                if (current.awarded(decide(current, proposed)).equals(current)) {
                    history.record(current, contracts.ofProcurement(id));
                    return current;
                }
            } catch (RuleViolation | se.radhus.common.domain.InvalidInput refused) {
                // the step's refusal comes after the decision's
            }
        }
        decisions.verify(proposed.decision(), true);
        return change(id, p -> {
            Award a = decide(p, proposed);
            Procurement next = p.awarded(a);
            if (!next.equals(p) && p.isDirectAward() && (a.directAward() == null || !a.directAward().hasLegalGround())) {
                Threshold limit = Threshold.require(thresholds.all(), Threshold.Kind.DIRECT_AWARD_LIMIT, a.sentOn());
                if (!directPurchases.enter(directKey(p, a.sentOn()), new DirectPurchaseStore.Purchase(p.id(), a.value(), a.sentOn()),
                        limit.amount())) {
                    // another direct award of the kind was entered meanwhile: counted again, this one does not fit
                    decide(p, proposed);
                    throw new RuleViolation("direct-award-over-limit", "Another direct award of the same kind was made meanwhile;"
                            + " together they reach the limit of " + limit.amount().display() + ".");
                }
            }
            return next;
        });
    }

    private Award decide(Procurement current, Award proposed) {
        current.mayBeAwarded();
        Regime regime;
        try {
            regime = regime(current);
        } catch (Threshold.Missing unknown) {
            regime = null;
        }
        Awards.DirectLimit direct = null;
        if (current.isDirectAward()) {
            if (proposed.sentOn() == null) {
                throw new se.radhus.common.domain.InvalidInput("sentOn", "the day the award decision was sent");
            }
            Threshold limit = Threshold.require(thresholds.all(), Threshold.Kind.DIRECT_AWARD_LIMIT, proposed.sentOn());
            direct = new Awards.DirectLimit(limit.amount(), directPurchases.others(directKey(current, proposed.sentOn()), current.id()),
                    proposed.sentOn().getYear(), current.kindOfPurchase());
        }
        return Awards.decide(current, proposed, regime, direct);
    }

    static String directKey(Procurement p, LocalDate on) {
        return DirectPurchaseStore.key(p.buyerKey(), p.kindOfPurchase(), on.getYear());
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
                    history.record(current, contracts.ofProcurement(id));
                    return current;
                }
            } catch (RuleViolation | se.radhus.common.domain.InvalidInput refused) {
                // the step's refusal comes after the decision's
            }
        }
        decisions.verify(decision, true);
        return change(id, step);
    }

    /**
     * Uses a contract's next extension option on {@code on}, by an adjusted decision; by the same decision
     * again: unchanged.
     */
    public Contract extend(String contractId, DecisionRef decision, LocalDate on) {
        ContractStore.Versioned first = contract(contractId);
        if (first.contract().extendedBy(decision)) {
            return first.contract();
        }
        decisions.verify(decision, true);
        for (int attempt = 0; attempt < 10; attempt++) {
            ContractStore.Versioned v = contract(contractId);
            Contract next = v.contract().extended(decision, on, today());
            if (next.equals(v.contract()) || contracts.replace(next, v.contract(), v.version())) {
                history.record(get(next.procurementId()).procurement(), contracts.ofProcurement(next.procurementId()));
                return next;
            }
        }
        throw new ProblemException(Problem.conflict("concurrent-change", "Changed concurrently", "Contract " + contractId + " kept changing."));
    }

    /** A call-off under the framework agreement the contract belongs to; the same call-off again changes nothing. */
    public Procurement callOff(String contractId, CallOff c) {
        Contract contract = contract(contractId).contract();
        return change(contract.procurementId(), p -> p.calledOff(c, contract, today()));
    }

    public ContractStore.Versioned contract(String id) {
        return contracts.find(id).orElseThrow(() -> new ProblemException(Problem.notFound("No contract has id " + id + ".")));
    }

    /** Signs the contract(s) after the standstill: one per awarded supplier. */
    public Procurement contract(String id, LocalDate signedOn) {
        Procurement p = change(id, x -> x.state() == ProcurementState.CONTRACTED ? x : x.contracted(signedOn, today()));
        Award a = p.award();
        LocalDate signed = signedOn;
        for (Award.Supplier s : a.suppliers()) {
            String contractId = p.id() + "-" + s.rank();
            var existing = contracts.find(contractId);
            if (existing.isPresent()) {
                signed = existing.get().contract().signedOn();
                continue;
            }
            contracts.insertIfAbsent(Contract.signed(contractId, p.id(), p.type(), s.name(), s.organisationNumber(),
                    p.estimatedValuePerYear(), a.value(), p.contractStart(), p.contractEnd(), p.extensionYears(), signed,
                    p.frameworkSpecialReasons()));
        }
        history.record(p, contracts.ofProcurement(id));
        return p;
    }

    public List<Contract> contractsOf(String procurementId) {
        return contracts.ofProcurement(procurementId);
    }

    /** Writes what OCDS should tell of every published procurement and is not written yet (at start: the history back-filled). */
    public void recordHistory() {
        for (Procurement p : procurements.visible()) {
            history.record(p, contracts.ofProcurement(p.id()));
        }
    }
}
