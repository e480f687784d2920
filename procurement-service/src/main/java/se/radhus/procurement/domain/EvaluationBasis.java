package se.radhus.procurement.domain;

/** How bids are compared (tilldelningsgrund), with the OCDS awardCriteria code. */
public enum EvaluationBasis {
    LOWEST_PRICE("priceOnly"),
    LOWEST_COST("costOnly"),
    BEST_PRICE_QUALITY("ratedCriteria");

    private final String ocds;

    EvaluationBasis(String ocds) {
        this.ocds = ocds;
    }

    public String ocds() {
        return ocds;
    }
}
