package se.radhus.procurement.domain;

import java.util.List;

/** Where a procurement stands, and which steps may follow. */
public enum ProcurementState {
    PLANNING,
    TENDER_DOCUMENTS_APPROVED,
    PUBLISHED,
    BIDS_OPENED,
    EVALUATED,
    AWARDED,
    CONTRACTED,
    CANCELLED;

    /** The steps allowed from here. */
    public List<ProcurementState> next() {
        return switch (this) {
            case PLANNING -> List.of(TENDER_DOCUMENTS_APPROVED, CANCELLED);
            case TENDER_DOCUMENTS_APPROVED -> List.of(PUBLISHED, CANCELLED);
            case PUBLISHED -> List.of(BIDS_OPENED, CANCELLED);
            case BIDS_OPENED -> List.of(EVALUATED, CANCELLED);
            case EVALUATED -> List.of(AWARDED, CANCELLED);
            case AWARDED -> List.of(CONTRACTED, CANCELLED);
            case CONTRACTED, CANCELLED -> List.of();
        };
    }

    /** Published procurements are public (and in the OCDS feed). */
    public boolean isPublished() {
        return this == PUBLISHED || this == BIDS_OPENED || this == EVALUATED || this == AWARDED || this == CONTRACTED;
    }
}
