package se.radhus.procurement.domain;

/** What is bought: OCDS mainProcurementCategory. */
public enum Category {
    GOODS, SERVICES, WORKS
}
