package se.radhus.procurement.domain;

/** Where a procurement stands; the order of the lifecycle. */
public enum ProcurementState {
    PLANNING,
    TENDER_DOCUMENTS_APPROVED,
    PUBLISHED,
    BIDS_OPENED,
    EVALUATED,
    AWARDED,
    CONTRACTED,
    CANCELLED
}
