package se.radhus.procurement.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.FieldError;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

/**
 * A procurement (upphandling) from planning to contract. Every step returns a new Procurement; a step out
 * of order is refused naming the steps that may come next. Values exclude VAT.
 *
 * @param number              the procurement's own number, e.g. "23310"
 * @param caseNumber          its diarienummer, e.g. "KS-2024/00449"
 * @param leadBuyer           the buying organisation
 * @param leadBuyerOrganisationNumber its organisation number, NNNNNN-NNNN (Umeå kommun: 212000-2627)
 * @param participatingBuyers other buyers of a coordinated procurement (samordnad upphandling)
 * @param purchaseKind        what kind of purchase it is, for adding up direct awards "of the same kind" (LOU 19 kap.
 *                            8 §); the category when not given
 * @param estimatedValuePerYear uppskattad avtalsvolym per year
 * @param estimatedTotal      the whole value, options included; when null, per year × the years with options
 * @param startedOn           the day the procurement began (förfarandet inleds); with the estimate it decides the
 *                            regime until publication (LOU 5 kap. 4 §)
 * @param contractStart       planned first day of the contract
 * @param contractEnd         planned last day, before extensions
 * @param extensionYears      extension options in years, e.g. [1, 1] for "1+1"
 * @param frameworkSpecialReasons the special reasons (särskilda skäl) for a framework agreement of more than four
 *                            years, options included (LOU 7 kap. 2 §), or null
 * @param requirements        e.g. "miljökrav", "sysselsättningskrav"
 * @param documents           tender documents (titles)
 * @param evaluationMethod    how the evaluation was made: by the model, by points per criterion, or a jury's choice
 * @param juryReasons         a jury's reasons for its choice
 * @param callOffs            the call-offs (avrop) under a framework agreement, on its contracts
 * @param cancelledOn         the day it was cancelled
 */
public record Procurement(String id, String number, String title, String caseNumber, String leadBuyer,
                          String leadBuyerOrganisationNumber, List<String> participatingBuyers, Type type, Procedure procedure,
                          Category category, String purchaseKind, Money estimatedValuePerYear, Money estimatedTotal,
                          LocalDate startedOn, LocalDate contractStart, LocalDate contractEnd, List<Integer> extensionYears,
                          String frameworkSpecialReasons, EvaluationBasis evaluationBasis, List<Criterion> criteria,
                          boolean alternativeBidsAllowed, List<String> requirements, List<String> documents,
                          ProcurementState state, DecisionRef tenderDocumentsDecision, LocalDate publishedOn,
                          LocalDate bidDeadline, List<Bid> bids, Evaluation.Method evaluationMethod,
                          List<Evaluation.Result> evaluation, String juryReasons, Award award, List<CallOff> callOffs,
                          String cancelReason, LocalDate cancelledOn) {

    /** Framework agreement (ramavtal) or a single contract. */
    public enum Type { FRAMEWORK_AGREEMENT, CONTRACT }

    /** An organisation number goes with a hidden name: a sole trader's is their personnummer. */
    static String sameOr(java.util.function.UnaryOperator<String> name, String supplier, String organisationNumber) {
        return java.util.Objects.equals(name.apply(supplier), supplier) ? organisationNumber : null;
    }

    public Procurement {
        participatingBuyers = copy(participatingBuyers);
        extensionYears = copy(extensionYears);
        criteria = copy(criteria);
        requirements = copy(requirements);
        documents = copy(documents);
        bids = copy(bids);
        evaluation = copy(evaluation);
        callOffs = copy(callOffs);
    }

    private static <T> List<T> copy(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /** The parts of a procurement, to change one or two in a step. */
    private static final class Parts {
        String id, number, title, caseNumber, leadBuyer, leadBuyerOrganisationNumber, purchaseKind, frameworkSpecialReasons,
                juryReasons, cancelReason;
        List<String> participatingBuyers, requirements, documents;
        Type type;
        Procedure procedure;
        Category category;
        Money estimatedValuePerYear, estimatedTotal;
        LocalDate startedOn, contractStart, contractEnd, publishedOn, bidDeadline, cancelledOn;
        List<Integer> extensionYears;
        EvaluationBasis evaluationBasis;
        List<Criterion> criteria;
        boolean alternativeBidsAllowed;
        ProcurementState state;
        DecisionRef tenderDocumentsDecision;
        List<Bid> bids;
        Evaluation.Method evaluationMethod;
        List<Evaluation.Result> evaluation;
        Award award;
        List<CallOff> callOffs;

        Procurement build() {
            return new Procurement(id, number, title, caseNumber, leadBuyer, leadBuyerOrganisationNumber, participatingBuyers, type,
                    procedure, category, purchaseKind, estimatedValuePerYear, estimatedTotal, startedOn, contractStart, contractEnd,
                    extensionYears, frameworkSpecialReasons, evaluationBasis, criteria, alternativeBidsAllowed, requirements, documents,
                    state, tenderDocumentsDecision, publishedOn, bidDeadline, bids, evaluationMethod, evaluation, juryReasons, award,
                    callOffs, cancelReason, cancelledOn);
        }
    }

    private Parts parts() {
        Parts p = new Parts();
        p.id = id;
        p.number = number;
        p.title = title;
        p.caseNumber = caseNumber;
        p.leadBuyer = leadBuyer;
        p.leadBuyerOrganisationNumber = leadBuyerOrganisationNumber;
        p.participatingBuyers = participatingBuyers;
        p.type = type;
        p.procedure = procedure;
        p.category = category;
        p.purchaseKind = purchaseKind;
        p.estimatedValuePerYear = estimatedValuePerYear;
        p.estimatedTotal = estimatedTotal;
        p.startedOn = startedOn;
        p.contractStart = contractStart;
        p.contractEnd = contractEnd;
        p.extensionYears = extensionYears;
        p.frameworkSpecialReasons = frameworkSpecialReasons;
        p.evaluationBasis = evaluationBasis;
        p.criteria = criteria;
        p.alternativeBidsAllowed = alternativeBidsAllowed;
        p.requirements = requirements;
        p.documents = documents;
        p.state = state;
        p.tenderDocumentsDecision = tenderDocumentsDecision;
        p.publishedOn = publishedOn;
        p.bidDeadline = bidDeadline;
        p.bids = bids;
        p.evaluationMethod = evaluationMethod;
        p.evaluation = evaluation;
        p.juryReasons = juryReasons;
        p.award = award;
        p.callOffs = callOffs;
        p.cancelReason = cancelReason;
        p.cancelledOn = cancelledOn;
        return p;
    }

    /**
     * The same procurement with every name and text passed through the given rules: how it is shown to those
     * not entitled to see protected identities (a supplier who is a person with a protected identity).
     *
     * @param name for a name in a field of its own (a bidder, a supplier)
     * @param text for a free text (the title, requirements, documents, a reason)
     */
    public Procurement shown(java.util.function.UnaryOperator<String> name, java.util.function.UnaryOperator<String> text) {
        Parts p = parts();
        p.title = text.apply(title);
        p.leadBuyer = name.apply(leadBuyer);
        p.participatingBuyers = participatingBuyers.stream().map(name).toList();
        p.purchaseKind = text.apply(purchaseKind);
        p.frameworkSpecialReasons = text.apply(frameworkSpecialReasons);
        p.requirements = requirements.stream().map(text).toList();
        p.documents = documents.stream().map(text).toList();
        p.bids = bids.stream().map(b -> new Bid(b.id(), name.apply(b.supplier()), sameOr(name, b.supplier(), b.organisationNumber()), b.price(), b.alternative(),
                b.qualified(), text.apply(b.reason()), b.scores())).toList();
        p.evaluation = evaluation.stream().map(r -> new Evaluation.Result(r.rank(), r.bidId(), name.apply(r.supplier()),
                r.pricePoints(), r.qualityPoints(), r.total(), r.tied(), r.points())).toList();
        p.juryReasons = text.apply(juryReasons);
        p.award = award == null ? null : award.shown(name, text);
        p.callOffs = callOffs.stream().map(c -> new CallOff(c.id(), c.contractId(), c.value(), c.calledOn(), text.apply(c.description()),
                c.renewedCompetition(), c.noticeSentOn(), c.sentElectronically(), c.standstillEnd())).toList();
        p.cancelReason = text.apply(cancelReason);
        return p.build();
    }

    /** A procurement as planned: its planning facts and no step taken (no state, decisions, bids or award yet). */
    public static Procurement ofPlan(String id, String number, String title, String caseNumber, String leadBuyer,
                                     String leadBuyerOrganisationNumber, List<String> participatingBuyers, Type type,
                                     Procedure procedure, Category category, String purchaseKind, Money estimatedValuePerYear,
                                     Money estimatedTotal, LocalDate startedOn, LocalDate contractStart, LocalDate contractEnd,
                                     List<Integer> extensionYears, String frameworkSpecialReasons, EvaluationBasis evaluationBasis,
                                     List<Criterion> criteria, boolean alternativeBidsAllowed, List<String> requirements,
                                     List<String> documents) {
        return new Procurement(id, number, title, caseNumber, leadBuyer, leadBuyerOrganisationNumber, participatingBuyers, type,
                procedure, category, purchaseKind, estimatedValuePerYear, estimatedTotal, startedOn, contractStart, contractEnd,
                extensionYears, frameworkSpecialReasons, evaluationBasis, criteria, alternativeBidsAllowed, requirements, documents,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A new procurement in planning, begun on {@code startedOn} (or {@code today} when it does not say).
     * A framework agreement runs at most four years with every extension option, unless special reasons are
     * recorded (LOU 7 kap. 2 §).
     */
    public Procurement planned(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,59}")) {
            errors.add(new FieldError("id", "1-60 lower-case letters, digits or dashes, e.g. \"p-23310\""));
        }
        if (number == null || !number.matches("[A-Za-z0-9/-]{1,30}")) {
            errors.add(new FieldError("number", "the procurement number, e.g. \"23310\""));
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            errors.add(new FieldError("title", "required, at most 300 characters"));
        }
        if (type == null) {
            errors.add(new FieldError("type", "FRAMEWORK_AGREEMENT or CONTRACT"));
        }
        if (contractStart != null && contractEnd != null && contractEnd.isBefore(contractStart)) {
            errors.add(new FieldError("contractEnd", "not before contractStart"));
        }
        if (extensionYears.stream().anyMatch(y -> y == null || y < 1 || y > 4)) {
            errors.add(new FieldError("extensionYears", "whole years, 1 to 4 each, e.g. [1, 1]"));
        }
        if (evaluationBasis == EvaluationBasis.BEST_PRICE_QUALITY && !criteria.isEmpty()
                && criteria.stream().mapToInt(Criterion::weight).sum() != 100) {
            errors.add(new FieldError("criteria", "weights that add up to 100"));
        }
        if (startedOn != null && startedOn.isAfter(today)) {
            errors.add(new FieldError("startedOn", "the day the procurement began, not after today (" + today + ")"));
        }
        String org = leadBuyerOrganisationNumber;
        if (org != null) {
            try {
                org = OrganisationNumber.normalise(org);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("leadBuyerOrganisationNumber", e.getMessage()));
            }
        }
        if (caseNumber != null) {
            try {
                se.radhus.common.diarium.Diarienummer.parse(caseNumber);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("caseNumber", e.getMessage()));
            }
        }
        InvalidInput.check(errors);
        Parts p = parts();
        p.leadBuyerOrganisationNumber = org;
        p.startedOn = startedOn != null ? startedOn : today;
        p.state = ProcurementState.PLANNING;
        Procurement planned = p.build();
        Frameworks.checkDuration(planned.type(), planned.contractStart(), planned.latestPossibleEnd(), planned.frameworkSpecialReasons());
        return planned;
    }

    /** The last day with every extension option used, or null when the period is not given. */
    public LocalDate latestPossibleEnd() {
        return contractEnd == null ? null : contractEnd.plusYears(extensionYears.stream().mapToInt(Integer::intValue).sum());
    }

    /**
     * Whether the public may see it: from publication on, and after a cancellation only if it had been
     * published. Before that its existence is not disclosed.
     */
    public boolean visibleToPublic() {
        return state.isPublished() || state == ProcurementState.CANCELLED && publishedOn != null;
    }

    /** The value that decides the regime: the whole estimated value, options included (LOU 5 kap. 3 §). */
    public Money valueForThresholds() {
        if (estimatedTotal != null) {
            return estimatedTotal;
        }
        if (estimatedValuePerYear == null) {
            return null;
        }
        int years = contractYears() + extensionYears.stream().mapToInt(Integer::intValue).sum();
        return new Money(Math.multiplyExact(estimatedValuePerYear.ore(), Math.max(1, years)), estimatedValuePerYear.currency());
    }

    /**
     * The day whose thresholds decide the regime (LOU 5 kap. 4 §: the value is estimated when the notice is
     * sent for publication, or else when the procedure begins): the day of publication, else the day it began.
     */
    public LocalDate regimeDay() {
        return publishedOn != null ? publishedOn : startedOn;
    }

    /** Whole years of the contract period before extensions (at least 1). */
    public int contractYears() {
        if (contractStart == null || contractEnd == null) {
            return 1;
        }
        return Math.max(1, (int) Math.round(java.time.temporal.ChronoUnit.DAYS.between(contractStart, contractEnd.plusDays(1)) / 365.25));
    }

    /** What direct awards of the same kind are added up under (LOU 19 kap. 8 §): the kind given, else the category. */
    public String kindOfPurchase() {
        if (purchaseKind != null && !purchaseKind.isBlank()) {
            return purchaseKind.strip().toLowerCase(java.util.Locale.ROOT);
        }
        return category == null ? "unspecified" : category.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The buyer direct awards are added up for: its organisation number, else its name. */
    public String buyerKey() {
        return leadBuyerOrganisationNumber != null ? leadBuyerOrganisationNumber : String.valueOf(leadBuyer).strip().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isDirectAward() {
        return procedure == Procedure.DIRECT_AWARD;
    }

    private List<ProcurementState> next() {
        List<ProcurementState> n = new ArrayList<>(state.next());
        if (isDirectAward()) {
            // a direct award asks for offers without advertising them: from planning to the offers received,
            // and to the award without a formal evaluation
            if (state == ProcurementState.PLANNING) {
                n.add(0, ProcurementState.BIDS_OPENED);
            }
            if (state == ProcurementState.BIDS_OPENED) {
                n.add(1, ProcurementState.AWARDED);
            }
        }
        return n;
    }

    /** The steps that may come next. */
    public List<ProcurementState> allowedNext() {
        return next();
    }

    private void requireStep(ProcurementState target) {
        if (!next().contains(target)) {
            throw new RuleViolation("procurement-step", "A procurement that is " + state + " cannot go to " + target
                    + "; allowed next: " + (next().isEmpty() ? "none" : next()) + ".");
        }
    }

    public Procurement approveTenderDocuments(DecisionRef decision) {
        if (state == ProcurementState.TENDER_DOCUMENTS_APPROVED && decision.equals(tenderDocumentsDecision)) {
            return this;
        }
        requireStep(ProcurementState.TENDER_DOCUMENTS_APPROVED);
        Parts p = parts();
        p.state = ProcurementState.TENDER_DOCUMENTS_APPROVED;
        p.tenderDocumentsDecision = decision;
        return p.build();
    }

    public Procurement publish(LocalDate on, LocalDate deadline, LocalDate today) {
        requireStep(ProcurementState.PUBLISHED);
        if (on == null || deadline == null || !deadline.isAfter(on)) {
            throw new InvalidInput("bidDeadline", "a deadline for bids after the day of publication");
        }
        if (on.isAfter(today)) {
            throw new InvalidInput("publishedOn", "the day it was published, not after today (" + today + ")");
        }
        Parts p = parts();
        p.state = ProcurementState.PUBLISHED;
        p.publishedOn = on;
        p.bidDeadline = deadline;
        return p.build();
    }

    /** Opens the bids received: each is checked; an alternative bid where none are allowed is refused. */
    public Procurement openBids(List<Bid> received) {
        requireStep(ProcurementState.BIDS_OPENED);
        List<FieldError> errors = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        List<Bid> checked = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            Bid b = received.get(i);
            if (b.id() == null || !ids.add(b.id())) {
                errors.add(new FieldError("bids[" + i + "].id", "a bid id unique in the procurement"));
            }
            // supplier and price may be unknown when a protocol records only that a bid came in
            if (b.price() != null && b.price().ore() <= 0) {
                errors.add(new FieldError("bids[" + i + "].price", "a positive price, or none when unknown"));
            }
            if (b.alternative() && !alternativeBidsAllowed) {
                errors.add(new FieldError("bids[" + i + "].alternative", "alternative bids are not allowed in this procurement"));
            }
            if (!b.qualified() && (b.reason() == null || b.reason().isBlank())) {
                errors.add(new FieldError("bids[" + i + "].reason", "why a bid is not qualified"));
            }
            String org = b.organisationNumber();
            if (org != null) {
                try {
                    org = OrganisationNumber.normalise(org);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("bids[" + i + "].organisationNumber", e.getMessage()));
                }
            }
            checked.add(new Bid(b.id(), b.supplier(), org, b.price(), b.alternative(), b.qualified(), b.reason(), b.scores()));
        }
        InvalidInput.check(errors);
        Parts p = parts();
        p.state = ProcurementState.BIDS_OPENED;
        p.bids = checked;
        return p.build();
    }

    /** Evaluates the bids by the model: lowest price, or the criteria's weights and the bids' scores. */
    public Procurement evaluate() {
        requireStep(ProcurementState.EVALUATED);
        return evaluated(Evaluation.Method.MODEL, Evaluation.evaluate(evaluationBasis == null ? EvaluationBasis.LOWEST_PRICE
                : evaluationBasis, criteria, bids), null);
    }

    /** Records the points an evaluation protocol gave each qualified bid per criterion. */
    public Procurement evaluateByPoints(Map<String, Map<String, BigDecimal>> points) {
        requireStep(ProcurementState.EVALUATED);
        return evaluated(Evaluation.Method.POINTS, Evaluation.recorded(criteria, bids, points), null);
    }

    /** Records a jury's choice of a bid, with its reasons. */
    public Procurement evaluateByJury(String bidId, String reasons) {
        requireStep(ProcurementState.EVALUATED);
        return evaluated(Evaluation.Method.JURY, Evaluation.juryChoice(bids, bidId, reasons), reasons.strip());
    }

    private Procurement evaluated(Evaluation.Method method, List<Evaluation.Result> results, String reasons) {
        Parts p = parts();
        p.state = ProcurementState.EVALUATED;
        p.evaluationMethod = method;
        p.evaluation = results;
        p.juryReasons = reasons;
        return p.build();
    }

    /** Refuses an award out of order (before the award's own rules are looked at); awarded already, a retry may come. */
    public void mayBeAwarded() {
        if (state != ProcurementState.AWARDED && state != ProcurementState.CONTRACTED) {
            requireStep(ProcurementState.AWARDED);
        }
    }

    /**
     * Records the award decision, checked by {@link Awards#decide}. The same award again (a retry) changes
     * nothing.
     */
    public Procurement awarded(Award checked) {
        if ((state == ProcurementState.AWARDED || state == ProcurementState.CONTRACTED) && checked.equals(award)) {
            return this;
        }
        requireStep(ProcurementState.AWARDED);
        Parts p = parts();
        p.state = ProcurementState.AWARDED;
        p.award = checked;
        return p.build();
    }

    /**
     * The contract may be signed once the standstill has ended (LOU 20 kap. 1 §): on the day after its last
     * day at the earliest, never on or before it; a direct award has none, but is signed no earlier than
     * its award. Not a day to come.
     */
    public Procurement contracted(LocalDate signedOn, LocalDate today) {
        requireStep(ProcurementState.CONTRACTED);
        if (signedOn == null) {
            throw new InvalidInput("signedOn", "the day the contract was signed, YYYY-MM-DD");
        }
        if (signedOn.isAfter(today)) {
            throw new RuleViolation("signed-in-future", "A contract is recorded when it is signed; " + signedOn + " is after today, "
                    + today + ".");
        }
        if (award.standstillEnd() != null && !signedOn.isAfter(award.standstillEnd())) {
            throw new RuleViolation("standstill", "The standstill (avtalsspärr) runs to " + award.standstillEnd()
                    + "; the contract may be signed from " + award.standstillEnd().plusDays(1) + ".");
        }
        if (signedOn.isBefore(award.sentOn())) {
            throw new RuleViolation("signed-before-award", "The award was decided on " + award.sentOn() + "; a contract on "
                    + signedOn + " came before it.");
        }
        Parts p = parts();
        p.state = ProcurementState.CONTRACTED;
        return p.build();
    }

    /**
     * A call-off under this framework agreement, on one of its contracts: within the contract's period, its
     * value added to the others against the estimated volume, and after its standstill when it follows a
     * renewed competition (LOU 20 kap. 1 §); without one there is none (LOU 20 kap. 2 §). The same call-off
     * again (a retry) changes nothing; another under the same id is refused.
     *
     * @param contract the contract called off, with its period as it stands
     */
    public Procurement calledOff(CallOff c, Contract contract, LocalDate today) {
        for (CallOff existing : callOffs) {
            if (existing.id().equals(c.id())) {
                if (existing.equals(c)) {
                    return this;
                }
                throw new RuleViolation("call-off-exists", "Call-off " + c.id() + " of " + id + " exists already, with other content.");
            }
        }
        if (type != Type.FRAMEWORK_AGREEMENT) {
            throw new RuleViolation("not-a-framework", "Procurement " + id + " is a single contract; call-offs are made under a"
                    + " framework agreement (LOU 7 kap.).");
        }
        if (state != ProcurementState.CONTRACTED) {
            throw new RuleViolation("procurement-step", "Call-offs are made once the framework agreement is signed; " + id + " is " + state + ".");
        }
        Frameworks.checkCallOff(c, contract, today);
        Money volume = valueForThresholds() != null ? valueForThresholds() : award == null ? null : award.value();
        if (volume != null) {
            long sum = callOffs.stream().mapToLong(x -> x.value().ore()).sum() + c.value().ore();
            if (sum > volume.ore()) {
                throw new RuleViolation("framework-volume-exceeded", "Call-offs of " + id + " would come to "
                        + new Money(sum, volume.currency()).display() + ", above the framework's estimated volume of " + volume.display() + ".");
            }
        }
        Parts p = parts();
        List<CallOff> all = new ArrayList<>(callOffs);
        all.add(c);
        p.callOffs = all;
        return p.build();
    }

    public Procurement cancelled(String reason, LocalDate on) {
        requireStep(ProcurementState.CANCELLED);
        Parts p = parts();
        p.state = ProcurementState.CANCELLED;
        p.cancelReason = reason;
        p.cancelledOn = on;
        return p.build();
    }
}
