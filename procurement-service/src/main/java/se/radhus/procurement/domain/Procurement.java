package se.radhus.procurement.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.radhus.common.domain.FieldError;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

/**
 * A procurement (upphandling) from planning to contract. Every step returns a new Procurement; a step out
 * of order is refused naming the steps that may come next.
 *
 * @param number              the procurement's own number, e.g. "23310"
 * @param caseNumber          its diarienummer, e.g. "KS-2024/00449"
 * @param leadBuyer           the buying organisation
 * @param participatingBuyers other buyers of a coordinated procurement (samordnad upphandling)
 * @param estimatedValuePerYear uppskattad avtalsvolym per year
 * @param estimatedTotal      the whole value, options included; when null, per year × the years with options
 * @param contractStart       planned first day of the contract
 * @param contractEnd         planned last day, before extensions
 * @param extensionYears      extension options in years, e.g. [1, 1] for "1+1"
 * @param requirements        e.g. "miljökrav", "sysselsättningskrav"
 * @param documents           tender documents (titles)
 */
public record Procurement(String id, String number, String title, String caseNumber, String leadBuyer,
                          List<String> participatingBuyers, Type type, Procedure procedure, Category category,
                          Money estimatedValuePerYear, Money estimatedTotal, LocalDate contractStart, LocalDate contractEnd,
                          List<Integer> extensionYears, EvaluationBasis evaluationBasis, List<Criterion> criteria,
                          boolean alternativeBidsAllowed, List<String> requirements, List<String> documents,
                          ProcurementState state, DecisionRef tenderDocumentsDecision, LocalDate publishedOn,
                          LocalDate bidDeadline, List<Bid> bids, List<Evaluation.Result> evaluation, Award award,
                          String cancelReason) {

    /** Framework agreement (ramavtal) or a single contract. */
    public enum Type { FRAMEWORK_AGREEMENT, CONTRACT }

    /**
     * The same procurement with every name and text passed through the given rules: how it is shown to those
     * not entitled to see protected identities (a supplier who is a person with a protected identity).
     *
     * @param name for a name in a field of its own (a bidder, a supplier)
     * @param text for a free text (the title, requirements, documents, a reason)
     */
    /** An organisation number goes with a hidden name: a sole trader's is their personnummer. */
    private static String sameOr(java.util.function.UnaryOperator<String> name, String supplier, String organisationNumber) {
        return java.util.Objects.equals(name.apply(supplier), supplier) ? organisationNumber : null;
    }

    public Procurement shown(java.util.function.UnaryOperator<String> name, java.util.function.UnaryOperator<String> text) {
        return new Procurement(id, number, text.apply(title), caseNumber, name.apply(leadBuyer),
                participatingBuyers.stream().map(name).toList(), type, procedure, category, estimatedValuePerYear, estimatedTotal,
                contractStart, contractEnd, extensionYears, evaluationBasis, criteria, alternativeBidsAllowed,
                requirements.stream().map(text).toList(), documents.stream().map(text).toList(), state, tenderDocumentsDecision,
                publishedOn, bidDeadline,
                bids.stream().map(b -> new Bid(b.id(), name.apply(b.supplier()), sameOr(name, b.supplier(), b.organisationNumber()), b.price(), b.alternative(),
                        b.qualified(), text.apply(b.reason()), b.scores())).toList(),
                evaluation == null ? null : evaluation.stream().map(r -> new Evaluation.Result(r.rank(), r.bidId(), name.apply(r.supplier()),
                        r.pricePoints(), r.qualityPoints(), r.total(), r.tied())).toList(),
                award == null ? null : new Award(award.suppliers().stream()
                        .map(su -> new Award.Supplier(name.apply(su.name()), sameOr(name, su.name(), su.organisationNumber()), su.rank())).toList(),
                        award.value(), award.decision(), award.sentOn(), award.sentElectronically(), award.standstillEnd()),
                text.apply(cancelReason));
    }

    public Procurement {
        participatingBuyers = copy(participatingBuyers);
        extensionYears = copy(extensionYears);
        criteria = copy(criteria);
        requirements = copy(requirements);
        documents = copy(documents);
        bids = copy(bids);
        evaluation = copy(evaluation);
    }

    private static <T> List<T> copy(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /** A procurement as planned: its planning facts and no step taken (no state, decisions, bids or award yet). */
    public static Procurement ofPlan(String id, String number, String title, String caseNumber, String leadBuyer,
                                     List<String> participatingBuyers, Type type, Procedure procedure, Category category,
                                     Money estimatedValuePerYear, Money estimatedTotal, LocalDate contractStart,
                                     LocalDate contractEnd, List<Integer> extensionYears, EvaluationBasis evaluationBasis,
                                     List<Criterion> criteria, boolean alternativeBidsAllowed, List<String> requirements,
                                     List<String> documents) {
        return new Procurement(id, number, title, caseNumber, leadBuyer, participatingBuyers, type, procedure, category,
                estimatedValuePerYear, estimatedTotal, contractStart, contractEnd, extensionYears, evaluationBasis, criteria,
                alternativeBidsAllowed, requirements, documents, null, null, null, null, null, null, null, null);
    }

    /** A new procurement in planning. */
    public Procurement planned() {
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
        if (caseNumber != null) {
            try {
                se.radhus.common.diarium.Diarienummer.parse(caseNumber);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("caseNumber", e.getMessage()));
            }
        }
        InvalidInput.check(errors);
        return withState(ProcurementState.PLANNING);
    }

    /**
     * Whether the public may see it: from publication on, and after a cancellation only if it had been
     * published. Before that its existence is not disclosed.
     */
    public boolean visibleToPublic() {
        return state.isPublished() || state == ProcurementState.CANCELLED && publishedOn != null;
    }

    /** The value that decides the regime: the whole estimated value, options included. */
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

    /** Whole years of the contract period before extensions (at least 1). */
    public int contractYears() {
        if (contractStart == null || contractEnd == null) {
            return 1;
        }
        return Math.max(1, (int) Math.round(java.time.temporal.ChronoUnit.DAYS.between(contractStart, contractEnd.plusDays(1)) / 365.25));
    }

    private void requireStep(ProcurementState target) {
        if (!state.next().contains(target)) {
            throw new RuleViolation("procurement-step", "A procurement that is " + state + " cannot go to " + target
                    + "; allowed next: " + (state.next().isEmpty() ? "none" : state.next()) + ".");
        }
    }

    private Procurement withState(ProcurementState s) {
        return new Procurement(id, number, title, caseNumber, leadBuyer, participatingBuyers, type, procedure, category,
                estimatedValuePerYear, estimatedTotal, contractStart, contractEnd, extensionYears, evaluationBasis, criteria,
                alternativeBidsAllowed, requirements, documents, s, tenderDocumentsDecision, publishedOn, bidDeadline, bids,
                evaluation, award, cancelReason);
    }

    public Procurement approveTenderDocuments(DecisionRef decision) {
        if (state == ProcurementState.TENDER_DOCUMENTS_APPROVED && decision.equals(tenderDocumentsDecision)) {
            return this;
        }
        requireStep(ProcurementState.TENDER_DOCUMENTS_APPROVED);
        Procurement p = withState(ProcurementState.TENDER_DOCUMENTS_APPROVED);
        return new Procurement(id, number, title, caseNumber, leadBuyer, participatingBuyers, type, procedure, category,
                estimatedValuePerYear, estimatedTotal, contractStart, contractEnd, extensionYears, evaluationBasis, criteria,
                alternativeBidsAllowed, requirements, documents, p.state(), decision, publishedOn, bidDeadline, bids, evaluation,
                award, cancelReason);
    }

    public Procurement publish(LocalDate on, LocalDate deadline) {
        requireStep(ProcurementState.PUBLISHED);
        if (on == null || deadline == null || !deadline.isAfter(on)) {
            throw new InvalidInput("bidDeadline", "a deadline for bids after the day of publication");
        }
        return new Procurement(id, number, title, caseNumber, leadBuyer, participatingBuyers, type, procedure, category,
                estimatedValuePerYear, estimatedTotal, contractStart, contractEnd, extensionYears, evaluationBasis, criteria,
                alternativeBidsAllowed, requirements, documents, ProcurementState.PUBLISHED, tenderDocumentsDecision, on, deadline,
                bids, evaluation, award, cancelReason);
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
        return new Procurement(id, number, title, caseNumber, leadBuyer, participatingBuyers, type, procedure, category,
                estimatedValuePerYear, estimatedTotal, contractStart, contractEnd, extensionYears, evaluationBasis, criteria,
                alternativeBidsAllowed, requirements, documents, ProcurementState.BIDS_OPENED, tenderDocumentsDecision, publishedOn,
                bidDeadline, checked, evaluation, award, cancelReason);
    }

    /**
     * Evaluates the bids by the model; or, when {@code recorded} is given, records the ranking of an
     * evaluation protocol made elsewhere (each result naming one of the bids).
     */
    public Procurement evaluate(List<Evaluation.Result> recorded) {
        requireStep(ProcurementState.EVALUATED);
        List<Evaluation.Result> results;
        if (recorded != null && !recorded.isEmpty()) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            bids.forEach(b -> ids.add(b.id()));
            for (Evaluation.Result r : recorded) {
                if (!ids.contains(r.bidId()) || r.rank() < 1) {
                    throw new InvalidInput("results", "a rank from 1 for each bid of this procurement; there is no bid " + r.bidId());
                }
            }
            results = recorded;
        } else {
            results = Evaluation.evaluate(evaluationBasis == null ? EvaluationBasis.LOWEST_PRICE : evaluationBasis, criteria, bids);
        }
        return new Procurement(id, number, title, caseNumber, leadBuyer, participatingBuyers, type, procedure, category,
                estimatedValuePerYear, estimatedTotal, contractStart, contractEnd, extensionYears, evaluationBasis, criteria,
                alternativeBidsAllowed, requirements, documents, ProcurementState.EVALUATED, tenderDocumentsDecision, publishedOn,
                bidDeadline, bids, results, award, cancelReason);
    }

    /**
     * Records the award decision. A single contract names one supplier; a framework agreement may rank
     * several. The same award again (a retry) changes nothing.
     */
    public Procurement awarded(Award a) {
        if (state == ProcurementState.AWARDED && a.equals(award)) {
            return this;
        }
        requireStep(ProcurementState.AWARDED);
        if (a.suppliers().isEmpty()) {
            throw new InvalidInput("suppliers", "at least one awarded supplier");
        }
        if (type == Type.CONTRACT && a.suppliers().size() > 1) {
            throw new InvalidInput("suppliers", "one supplier: this is a single contract, not a framework agreement");
        }
        if (a.value() == null || a.value().ore() <= 0) {
            throw new InvalidInput("value", "the awarded value");
        }
        return new Procurement(id, number, title, caseNumber, leadBuyer, participatingBuyers, type, procedure, category,
                estimatedValuePerYear, estimatedTotal, contractStart, contractEnd, extensionYears, evaluationBasis, criteria,
                alternativeBidsAllowed, requirements, documents, ProcurementState.AWARDED, tenderDocumentsDecision, publishedOn,
                bidDeadline, bids, evaluation, a, cancelReason);
    }

    /** The contract may be signed once the standstill has ended. */
    public Procurement contracted(LocalDate signedOn) {
        requireStep(ProcurementState.CONTRACTED);
        if (signedOn == null || !signedOn.isAfter(award.standstillEnd())) {
            throw new RuleViolation("standstill", "The standstill (avtalsspärr) runs to " + award.standstillEnd()
                    + "; the contract may be signed from " + award.standstillEnd().plusDays(1) + ".");
        }
        return withState(ProcurementState.CONTRACTED);
    }

    public Procurement cancelled(String reason) {
        requireStep(ProcurementState.CANCELLED);
        Procurement p = withState(ProcurementState.CANCELLED);
        return new Procurement(id, number, title, caseNumber, leadBuyer, participatingBuyers, type, procedure, category,
                estimatedValuePerYear, estimatedTotal, contractStart, contractEnd, extensionYears, evaluationBasis, criteria,
                alternativeBidsAllowed, requirements, documents, p.state(), tenderDocumentsDecision, publishedOn, bidDeadline,
                bids, evaluation, award, reason);
    }
}
