package se.radhus.procurement.domain;

import java.util.Map;
import se.radhus.common.money.Money;

/**
 * A bid (anbud).
 *
 * @param id                 bid id in its procurement, e.g. "1"
 * @param supplier           the bidder's name
 * @param organisationNumber NNNNNN-NNNN, checksum-validated
 * @param price              evaluated price
 * @param alternative        an alternative bid (where allowed)
 * @param qualified          meets the qualification requirements
 * @param reason             why not qualified
 * @param scores             quality scores 0-10 per criterion name
 */
public record Bid(String id, String supplier, String organisationNumber, Money price, boolean alternative, boolean qualified,
                  String reason, Map<String, Integer> scores) {

    public Bid {
        scores = scores == null ? Map.of() : Map.copyOf(scores);
    }
}
