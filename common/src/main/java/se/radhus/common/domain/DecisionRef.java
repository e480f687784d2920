package se.radhus.common.domain;

import java.time.LocalDate;
import se.radhus.common.diarium.Diarienummer;

/**
 * The decision that caused a record: the deciding body, the meeting date, the paragraph (§) and the case.
 * Every ledger entry and procurement change made by a decision carries one.
 */
public record DecisionRef(String bodyId, LocalDate meetingDate, int paragraph, String caseNumber) {

    public DecisionRef {
        if (bodyId == null || bodyId.isBlank()) {
            throw new IllegalArgumentException("a decision reference names the deciding body");
        }
        if (meetingDate == null) {
            throw new IllegalArgumentException("a decision reference names the meeting date");
        }
        if (paragraph < 1) {
            throw new IllegalArgumentException("a decision reference names the paragraph (§), from 1");
        }
        if (caseNumber != null) {
            caseNumber = Diarienummer.parse(caseNumber).toString();
        }
    }

    /** "ks-nau 2024-05-21 § 181 (KS-2024/00361)". */
    @Override
    public String toString() {
        return bodyId + " " + meetingDate + " § " + paragraph + (caseNumber == null ? "" : " (" + caseNumber + ")");
    }
}
