package se.radhus.meetings.domain;

/** How a person takes part in a meeting. */
public enum Role {
    /** Ordförande: chairs and votes. */
    ORDFORANDE,
    /** Vice ordförande. */
    VICE_ORDFORANDE,
    /** Ledamot. */
    LEDAMOT,
    /** Tjänstgörande ersättare: a substitute serving for a named member. */
    TJANSTGORANDE_ERSATTARE,
    /** Ersättare present but not serving: may speak, may not vote. */
    ERSATTARE,
    /** Tjänsteman: an official, often for some paragraphs only. */
    TJANSTEMAN,
    /** Övriga: anyone else present. */
    OVRIG;

    /** True for those who decide and may vote: the chair, members and serving substitutes. */
    public boolean votes() {
        return this == ORDFORANDE || this == VICE_ORDFORANDE || this == LEDAMOT || this == TJANSTGORANDE_ERSATTARE;
    }
}
