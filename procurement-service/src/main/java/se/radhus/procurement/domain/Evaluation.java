package se.radhus.procurement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import se.radhus.common.domain.RuleViolation;

/**
 * The evaluation model, deterministic and reproducible from the stored bids. Only qualified bids are
 * ranked.
 * <ul>
 *   <li>Lowest price or lowest cost: ranked by price, lowest first.</li>
 *   <li>Best price–quality ratio: price points = price weight × lowest price / bid price; quality points =
 *   Σ weight × score / 10; total = price + quality points, highest first. Points are exact to 4 decimals.</li>
 * </ul>
 * Bids with the same result share a rank and are marked as tied; among them the lower price, then the
 * supplier's name, gives the order shown.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** How an evaluation was made: computed by the model, points given per criterion, or a jury's choice. */
    public enum Method { MODEL, POINTS, JURY }

    /**
     * One bid's result.
     *
     * @param points per criterion, as the evaluation gave them (POINTS and MODEL); empty for a jury's choice
     */
    public record Result(int rank, String bidId, String supplier, BigDecimal pricePoints, BigDecimal qualityPoints,
                         BigDecimal total, boolean tied, java.util.Map<String, BigDecimal> points) {
        public Result {
            points = points == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(points));
        }

        public Result(int rank, String bidId, String supplier, BigDecimal pricePoints, BigDecimal qualityPoints, BigDecimal total,
                      boolean tied) {
            this(rank, bidId, supplier, pricePoints, qualityPoints, total, tied, java.util.Map.of());
        }
    }

    /**
     * Points given per criterion to each qualified bid, as an evaluation protocol records them (LOU 16 kap.
     * 1 §: the award goes to the economically most advantageous bid by the stated criteria): every qualified
     * bid has points for every criterion of the procurement (when it names criteria, within its weight), the
     * total is their sum, ranked highest first; equal totals share a rank and are marked tied.
     *
     * @param given per bid id, points per criterion name
     */
    public static List<Result> recorded(List<Criterion> criteria, List<Bid> bids, java.util.Map<String, java.util.Map<String, BigDecimal>> given) {
        java.util.Map<String, Bid> qualified = new java.util.LinkedHashMap<>();
        bids.stream().filter(Bid::qualified).forEach(b -> qualified.put(b.id(), b));
        if (qualified.isEmpty()) {
            throw new RuleViolation("no-qualified-bids", "There is no qualified bid to evaluate.");
        }
        for (String id : given.keySet()) {
            if (bids.stream().noneMatch(b -> b.id().equals(id))) {
                throw new se.radhus.common.domain.InvalidInput("points", "points for the bids of this procurement; there is no bid " + id);
            }
            if (!qualified.containsKey(id)) {
                throw new RuleViolation("evaluation-unqualified-bid", "Bid " + id + " is not qualified; only qualified bids are evaluated.");
            }
        }
        java.util.Map<String, Integer> weights = new java.util.LinkedHashMap<>();
        criteria.forEach(c -> weights.put(c.name(), c.weight()));
        List<Result> unranked = new ArrayList<>();
        for (Bid b : qualified.values()) {
            java.util.Map<String, BigDecimal> p = given.get(b.id());
            if (p == null || p.isEmpty()) {
                throw new se.radhus.common.domain.InvalidInput("points", "points for every qualified bid; bid " + b.id() + " has none");
            }
            if (!weights.isEmpty() && !weights.keySet().equals(p.keySet())) {
                throw new se.radhus.common.domain.InvalidInput("points", "bid " + b.id() + ": points for exactly the criteria "
                        + weights.keySet() + ", not " + p.keySet());
            }
            BigDecimal price = BigDecimal.ZERO;
            BigDecimal quality = BigDecimal.ZERO;
            for (var e : p.entrySet()) {
                BigDecimal v = e.getValue();
                Integer max = weights.get(e.getKey());
                if (v == null || v.signum() < 0 || max != null && v.compareTo(BigDecimal.valueOf(max)) > 0) {
                    throw new se.radhus.common.domain.InvalidInput("points", "bid " + b.id() + ", " + e.getKey() + ": points from 0"
                            + (max == null ? "" : " to the weight " + max));
                }
                if (Criterion.PRICE.equalsIgnoreCase(e.getKey())) {
                    price = price.add(v);
                } else {
                    quality = quality.add(v);
                }
            }
            unranked.add(new Result(0, b.id(), b.supplier(), price, quality, price.add(quality), false, p));
        }
        List<Result> sorted = new ArrayList<>(unranked);
        sorted.sort(Comparator.comparing(Result::total).reversed().thenComparing(Result::bidId));
        return ranked(sorted);
    }

    /**
     * A jury's choice (LOU 16 kap. 1 §, best price–quality ratio judged by a jury): the chosen bid, which
     * must be qualified, ranks first for the reasons given; the others are not ranked.
     */
    public static List<Result> juryChoice(List<Bid> bids, String bidId, String reasons) {
        if (reasons == null || reasons.isBlank()) {
            throw new se.radhus.common.domain.InvalidInput("jury.reasons", "the jury's reasons for its choice");
        }
        Bid chosen = bids.stream().filter(b -> b.id().equals(bidId)).findFirst().orElseThrow(() ->
                new se.radhus.common.domain.InvalidInput("jury.bidId", "one of the bids of this procurement; there is no bid " + bidId));
        if (!chosen.qualified()) {
            throw new RuleViolation("evaluation-unqualified-bid", "Bid " + bidId + " is not qualified; a jury chooses among qualified bids.");
        }
        return List.of(new Result(1, chosen.id(), chosen.supplier(), null, null, null, false, java.util.Map.of()));
    }

    private static List<Result> ranked(List<Result> sorted) {
        List<Result> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Result r = sorted.get(i);
            boolean tiedWithPrevious = i > 0 && sorted.get(i - 1).total().compareTo(r.total()) == 0;
            boolean tiedWithNext = i + 1 < sorted.size() && sorted.get(i + 1).total().compareTo(r.total()) == 0;
            int rank = tiedWithPrevious ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Result(rank, r.bidId(), r.supplier(), r.pricePoints(), r.qualityPoints(), r.total(),
                    tiedWithPrevious || tiedWithNext, r.points()));
        }
        return ranked;
    }

    public static List<Result> evaluate(EvaluationBasis basis, List<Criterion> criteria, List<Bid> bids) {
        List<Bid> qualified = bids.stream().filter(Bid::qualified).toList();
        if (qualified.isEmpty()) {
            throw new RuleViolation("no-qualified-bids", "There is no qualified bid to evaluate.");
        }
        for (Bid b : qualified) {
            if (b.price() == null || b.supplier() == null) {
                throw new RuleViolation("bid-unknown", "Bid " + b.id() + " has no supplier or price; record the ranking of the"
                        + " evaluation protocol instead.");
            }
        }
        List<Result> unranked = new ArrayList<>();
        if (basis == EvaluationBasis.BEST_PRICE_QUALITY) {
            int sum = criteria.stream().mapToInt(Criterion::weight).sum();
            if (sum != 100) {
                throw new RuleViolation("criteria-weights", "The criteria's weights add up to " + sum + "; they must add up to 100.");
            }
            long lowest = qualified.stream().mapToLong(b -> b.price().ore()).min().orElseThrow();
            for (Bid b : qualified) {
                BigDecimal price = BigDecimal.ZERO;
                BigDecimal quality = BigDecimal.ZERO;
                for (Criterion c : criteria) {
                    if (c.isPrice()) {
                        price = price.add(BigDecimal.valueOf(c.weight()).multiply(BigDecimal.valueOf(lowest))
                                .divide(BigDecimal.valueOf(b.price().ore()), 4, RoundingMode.HALF_UP));
                    } else {
                        Integer score = b.scores().get(c.name());
                        if (score == null || score < 0 || score > 10) {
                            throw new RuleViolation("bid-score", "Bid " + b.id() + " has no score 0-10 for \"" + c.name() + "\".");
                        }
                        quality = quality.add(BigDecimal.valueOf(c.weight() * (long) score).divide(BigDecimal.TEN, 4, RoundingMode.HALF_UP));
                    }
                }
                java.util.Map<String, BigDecimal> points = new java.util.LinkedHashMap<>();
                for (Criterion c : criteria) {
                    points.put(c.name(), c.isPrice() ? BigDecimal.valueOf(c.weight()).multiply(BigDecimal.valueOf(lowest))
                            .divide(BigDecimal.valueOf(b.price().ore()), 4, RoundingMode.HALF_UP)
                            : BigDecimal.valueOf(c.weight() * (long) b.scores().get(c.name())).divide(BigDecimal.TEN, 4, RoundingMode.HALF_UP));
                }
                unranked.add(new Result(0, b.id(), b.supplier(), price, quality, price.add(quality), false, points));
            }
        } else {
            for (Bid b : qualified) {
                BigDecimal price = BigDecimal.valueOf(b.price().ore()).movePointLeft(2);
                unranked.add(new Result(0, b.id(), b.supplier(), price, BigDecimal.ZERO, price, false));
            }
        }
        Comparator<Result> better = basis == EvaluationBasis.BEST_PRICE_QUALITY
                ? Comparator.comparing(Result::total).reversed() : Comparator.comparing(Result::total);
        java.util.Map<String, Long> prices = new java.util.HashMap<>();
        qualified.forEach(b -> prices.put(b.id(), b.price().ore()));
        List<Result> sorted = new ArrayList<>(unranked);
        sorted.sort(better.thenComparing(r -> prices.get(r.bidId())).thenComparing(Result::supplier).thenComparing(Result::bidId));
        return ranked(sorted);
    }
}
