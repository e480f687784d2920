package se.radhus.procurement.domain;

/**
 * An award criterion and its weight in percent; the criterion named "pris" (price) is scored from the
 * prices, the others from the evaluators' 0-10 scores.
 */
public record Criterion(String name, int weight) {

    public static final String PRICE = "pris";

    public boolean isPrice() {
        return PRICE.equalsIgnoreCase(name);
    }
}
