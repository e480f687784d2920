package se.radhus.procurement.domain;

/** The procedure (förfarande) under LOU, with its OCDS method. */
public enum Procedure {
    OPEN("open"),
    RESTRICTED("selective"),
    NEGOTIATED("limited"),
    COMPETITIVE_DIALOGUE("selective"),
    SIMPLIFIED("open"),
    SELECTIVE_NATIONAL("selective"),
    DIRECT_AWARD("direct");

    private final String ocdsMethod;

    Procedure(String ocdsMethod) {
        this.ocdsMethod = ocdsMethod;
    }

    public String ocdsMethod() {
        return ocdsMethod;
    }
}
