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

    /** One bid's result. */
    public record Result(int rank, String bidId, String supplier, BigDecimal pricePoints, BigDecimal qualityPoints,
                         BigDecimal total, boolean tied) {
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
                unranked.add(new Result(0, b.id(), b.supplier(), price, quality, price.add(quality), false));
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
        List<Result> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Result r = sorted.get(i);
            boolean tiedWithPrevious = i > 0 && sorted.get(i - 1).total().compareTo(r.total()) == 0;
            boolean tiedWithNext = i + 1 < sorted.size() && sorted.get(i + 1).total().compareTo(r.total()) == 0;
            int rank = tiedWithPrevious ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Result(rank, r.bidId(), r.supplier(), r.pricePoints(), r.qualityPoints(), r.total(),
                    tiedWithPrevious || tiedWithNext));
        }
        return ranked;
    }
}
