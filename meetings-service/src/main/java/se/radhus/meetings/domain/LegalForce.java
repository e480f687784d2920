package se.radhus.meetings.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a decision stands (kommunallagen 13 kap.): open to appeal for three weeks from the posting of the
 * justering (13 kap. 5 §), with legal force (laga kraft) after that if nobody appealed, or once every
 * appeal ended in a final judgment that let it stand; appealed while an appeal is pending in any
 * instance; annulled when a final judgment annulled it (13 kap. 8 and 14 §§).
 */
public final class LegalForce {

    private LegalForce() {
    }

    /** The states, in the protocol's words. */
    public enum State {
        /** The protocol is not yet posted: the appeal period has not begun. */
        EJ_ANSLAGEN,
        /** Överklagbar: within the appeal period. */
        OVERKLAGBAR,
        /** Laga kraft. */
        LAGA_KRAFT,
        /** Överklagad: an appeal is pending. */
        OVERKLAGAD,
        /** Upphävd: annulled by a final judgment. */
        UPPHAVD
    }

    /**
     * @param appealDeadline the last day to appeal, or null when not posted
     * @param appeals        the appeals registered against the §
     * @param today          today in Europe/Stockholm
     */
    public static State of(LocalDate appealDeadline, List<Appeal> appeals, LocalDate today) {
        if (appealDeadline == null) {
            return State.EJ_ANSLAGEN;
        }
        boolean pending = false;
        for (Appeal a : appeals) {
            var ended = a.finalJudgment();
            if (ended.isEmpty()) {
                pending = true;
            } else if (!ended.get().outcome().decisionStands()) {
                return State.UPPHAVD;
            }
        }
        if (pending) {
            return State.OVERKLAGAD;
        }
        return today.isAfter(appealDeadline) ? State.LAGA_KRAFT : State.OVERKLAGBAR;
    }

    /** The day the decision gained legal force, when it has: the day after the deadline, or the last final judgment's day. */
    public static LocalDate since(LocalDate appealDeadline, List<Appeal> appeals, LocalDate today) {
        if (of(appealDeadline, appeals, today) != State.LAGA_KRAFT) {
            return null;
        }
        LocalDate day = appealDeadline.plusDays(1);
        for (Appeal a : appeals) {
            LocalDate judged = a.finalJudgment().map(Appeal.Judgment::date).orElse(day);
            if (judged.isAfter(day)) {
                day = judged;
            }
        }
        return day;
    }
}
