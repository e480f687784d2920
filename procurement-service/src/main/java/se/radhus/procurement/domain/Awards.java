package se.radhus.procurement.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

/**
 * The rules an award decision is held to before it is recorded: it goes to qualified bids that exist, in
 * the order of the evaluation unless a justification is recorded, at the bid's price unless another value
 * is stated with a reason; a direct award stays below its limit together with the buyer's other direct
 * purchases of the same kind in the financial year, or records the legal ground for awarding without
 * advertising, and documents itself above 100 000 kr. Values exclude VAT.
 */
public final class Awards {

    /** Above this a direct award documents its reasons and circumstances (LOU 19 kap. 30 §). */
    public static final Money DOCUMENTATION_LIMIT = Money.kronor(100_000);

    private Awards() {
    }

    /**
     * What a direct award is counted against (LOU 19 kap. 8 §).
     *
     * @param limit   the direct award limit in force on the day of the award
     * @param earlier what the same buyer has awarded directly, of the same kind, earlier in the financial year
     *                (the others, not this procurement)
     * @param year    the financial year (the calendar year for a municipality, kommunallagen 11 kap. 1 §)
     */
    public record DirectLimit(Money limit, Money earlier, int year, String kind) {
    }

    /**
     * The award as it is recorded: each supplier tied to its bid, the value settled, the standstill's last
     * day (none for a direct award), and the warnings (a value above the regime's threshold is flagged, not
     * refused: the estimate at the start decided the regime, LOU 5 kap. 4 §).
     *
     * @param regime the procurement's regime, or null when it cannot be told
     * @param direct for a direct award, what it is counted against; null otherwise
     */
    public static Award decide(Procurement p, Award a, Regime regime, DirectLimit direct) {
        p.mayBeAwarded();
        if (a.sentOn() == null) {
            throw new InvalidInput("sentOn", "the day the award decision was sent to the bidders");
        }
        if (a.suppliers().isEmpty()) {
            throw new InvalidInput("suppliers", "at least one awarded supplier");
        }
        if (p.type() == Procurement.Type.CONTRACT && a.suppliers().size() > 1) {
            throw new InvalidInput("suppliers", "one supplier: this is a single contract, not a framework agreement");
        }
        List<Award.Supplier> ranked = new ArrayList<>(a.suppliers());
        ranked.sort(Comparator.comparingInt(Award.Supplier::rank));
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).rank() != i + 1) {
                throw new InvalidInput("suppliers", "ranks 1 to " + ranked.size() + ", each once");
            }
        }
        List<Award.Supplier> tied = new ArrayList<>();
        List<Bid> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Award.Supplier s : ranked) {
            Bid b = bidOf(p, s);
            if (!seen.add(b.id())) {
                throw new InvalidInput("suppliers", "each supplier once; bid " + b.id() + " is named twice");
            }
            if (!b.qualified()) {
                throw new RuleViolation("award-bid-not-qualified", "Bid " + b.id() + (b.supplier() == null ? "" : " by " + b.supplier())
                        + " is not qualified (" + b.reason() + "); an award goes to a qualified bid (LOU 16 kap. 1 §).");
            }
            chosen.add(b);
            tied.add(new Award.Supplier(b.supplier() != null ? b.supplier() : s.name(),
                    b.organisationNumber() != null ? b.organisationNumber() : s.organisationNumber(), s.rank(), b.id()));
        }
        String justification = blankToNull(a.justification());
        if (!p.evaluation().isEmpty() && justification == null) {
            for (int i = 0; i < chosen.size(); i++) {
                int rank = i + 1;
                List<Evaluation.Result> atRank = p.evaluation().stream().filter(r -> r.rank() == rank).toList();
                if (atRank.isEmpty() && i > 0) {
                    continue; // a jury chose the first; the evaluation says nothing of the others
                }
                String bidId = chosen.get(i).id();
                if (atRank.stream().noneMatch(r -> r.bidId().equals(bidId))) {
                    String first = p.evaluation().stream().filter(r -> r.rank() == 1).map(r -> r.bidId()
                            + (r.supplier() == null ? "" : " (" + r.supplier() + ")")).toList().toString();
                    throw new RuleViolation("award-not-first-ranked", "The evaluation ranks " + (rank == 1 ? first
                            : atRank.stream().map(Evaluation.Result::bidId).toList().toString()) + " at " + rank + "; the award"
                            + " names bid " + bidId + ". An award follows the evaluation (LOU 16 kap. 1 §) unless the reason it does"
                            + " not is recorded as justification.");
                }
            }
        }
        String valueReason = blankToNull(a.valueReason());
        if (a.value() != null && a.value().ore() <= 0) {
            throw new InvalidInput("value", "a positive awarded value");
        }
        Money value;
        if (chosen.size() == 1) {
            Money price = chosen.get(0).price();
            if (a.value() == null) {
                if (price == null) {
                    throw new InvalidInput("value", "the awarded value: bid " + chosen.get(0).id() + " records no price");
                }
                value = price;
            } else {
                value = a.value();
                if (price != null && !price.equals(value) && valueReason == null) {
                    throw new RuleViolation("award-value-differs", "Bid " + chosen.get(0).id() + " was priced " + price.display()
                            + "; an award of " + value.display() + " states why (valueReason).");
                }
            }
        } else {
            if (a.value() == null) {
                throw new InvalidInput("value", "the value of a framework agreement with several suppliers");
            }
            value = a.value();
            if (valueReason == null) {
                throw new RuleViolation("award-value-differs", "An award to several suppliers has no single bid price; state where its"
                        + " value " + value.display() + " comes from (valueReason).");
            }
        }
        Award.DirectAward directAward = a.directAward();
        java.time.LocalDate standstillEnd;
        if (p.isDirectAward()) {
            // no mandatory standstill for a direct award (LOU 20 kap. 2 §)
            standstillEnd = null;
            checkDirect(p, value, directAward, direct);
        } else {
            standstillEnd = Award.standstillEnd(a.sentOn(), a.sentElectronically());
        }
        List<String> warnings = new ArrayList<>();
        if (regime != null && regime.threshold() != null && regime.regime() != Regime.Kind.EU && value.compareTo(regime.threshold()) >= 0) {
            warnings.add("The awarded value " + value.display() + " is at or above " + regime.threshold().display() + ", the threshold"
                    + " of the " + regime.regime() + " regime its estimate decided on " + regime.on() + " (LOU 5 kap. 4 §): look at the"
                    + " estimate and the procedure.");
        }
        return new Award(tied, value, a.decision(), a.sentOn(), a.sentElectronically(), standstillEnd, valueReason, justification,
                directAward, warnings);
    }

    /**
     * LOU 19 kap. 8 §: a direct award is allowed below the limit, counting the buyer's direct purchases of the
     * same kind in the financial year; above it, only on a recorded legal ground for awarding without
     * advertising (LOU 6 kap. 12–19 §§). LOU 19 kap. 30 §: over 100 000 kr the reasons and circumstances are
     * documented.
     */
    static void checkDirect(Procurement p, Money value, Award.DirectAward d, DirectLimit limit) {
        if (limit == null) {
            throw new IllegalStateException("a direct award is counted against its limit");
        }
        Money total = limit.earlier().plus(value);
        if (total.compareTo(limit.limit()) >= 0 && (d == null || !d.hasLegalGround())) {
            throw new RuleViolation("direct-award-over-limit", "A direct award is allowed below " + limit.limit().display()
                    + " (LOU 19 kap. 8 §); " + p.id() + " awards " + value.display() + (limit.earlier().isZero() ? "" : ", and "
                    + limit.earlier().display() + " of the same kind (" + limit.kind() + ") was awarded directly earlier in " + limit.year())
                    + ": " + total.display() + ". Advertise it, or record the legal ground for awarding without advertising"
                    + " (directAward.legalGround and groundReason, LOU 6 kap.)") {
                @Override
                public Map<String, Object> details() {
                    return Map.of("limit", limit.limit().ore(), "earlier", limit.earlier().ore(), "total", total.ore(), "year", limit.year());
                }
            };
        }
        if (value.compareTo(DOCUMENTATION_LIMIT) > 0 && (d == null || blankToNull(d.documentation()) == null)) {
            throw new RuleViolation("direct-award-undocumented", "A direct award over " + DOCUMENTATION_LIMIT.display()
                    + " documents its reasons and circumstances (LOU 19 kap. 30 §): give directAward.documentation.");
        }
    }

    /** The bid an awarded supplier rests on: named by its id, else by organisation number, else by the bidder's name. */
    static Bid bidOf(Procurement p, Award.Supplier s) {
        if (s.bidId() != null) {
            return p.bids().stream().filter(b -> b.id().equals(s.bidId())).findFirst().orElseThrow(() ->
                    new RuleViolation("award-not-a-bid", "Procurement " + p.id() + " has no bid " + s.bidId()
                            + "; an award goes to a bid that was made."));
        }
        List<Bid> matches = List.of();
        if (s.organisationNumber() != null) {
            String org;
            try {
                org = OrganisationNumber.normalise(s.organisationNumber());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("suppliers.organisationNumber", e.getMessage());
            }
            matches = p.bids().stream().filter(b -> org.equals(b.organisationNumber())).toList();
        }
        if (matches.isEmpty() && s.name() != null && !s.name().isBlank()) {
            String name = s.name().strip();
            matches = p.bids().stream().filter(b -> b.supplier() != null && b.supplier().strip().equalsIgnoreCase(name)).toList();
        }
        if (matches.isEmpty()) {
            throw new RuleViolation("award-not-a-bid", (s.name() == null ? "The supplier" : s.name()) + " made no bid in " + p.id()
                    + "; an award goes to a qualified bid that was made (LOU 16 kap. 1 §).");
        }
        if (matches.size() > 1) {
            throw new RuleViolation("award-bid-ambiguous", s.name() + " made " + matches.size() + " bids in " + p.id() + " ("
                    + matches.stream().map(Bid::id).toList() + "); name the awarded one by its bidId.");
        }
        return matches.get(0);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
