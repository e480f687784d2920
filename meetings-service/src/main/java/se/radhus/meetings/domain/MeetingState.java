package se.radhus.meetings.domain;

/** Where a meeting stands: planned → held → protocol draft → adjusted → posted. */
public enum MeetingState {
    PLANNED,
    HELD,
    PROTOCOL_DRAFT,
    ADJUSTED,
    POSTED;

    /** Once adjusted (justerat) the protocol is final: public, and never edited. */
    public boolean isFinal() {
        return this == ADJUSTED || this == POSTED;
    }
}
