package se.radhus.meetings.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.radhus.common.domain.FieldError;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;

/**
 * An appeal of a decision by laglighetsprövning (kommunallagen 13 kap.): received by the court on a day,
 * with the court's case number, and the judgments of each instance as they come.
 *
 * @param id         the appeal's id within its §, e.g. "1"
 * @param received   the day the appeal was received
 * @param court      e.g. "Förvaltningsrätten i Umeå"
 * @param caseNumber the court's case number (målnummer)
 * @param judgments  the judgments, in order: förvaltningsrätt, kammarrätt, Högsta förvaltningsdomstolen
 */
public record Appeal(String id, LocalDate received, String court, String caseNumber, List<Judgment> judgments) {

    public Appeal {
        judgments = judgments == null ? List.of() : List.copyOf(judgments);
    }

    /** How an instance judged: rejected on the merits, dismissed, annulled, or sent back. */
    public enum Outcome {
        /** Avslag: the appeal is rejected; the decision stands. */
        AVSLAG,
        /** Avvisat: the appeal is dismissed (too late, no standing); the decision stands. */
        AVVISAT,
        /** Upphävt: the decision is annulled (13 kap. 8 §). */
        UPPHAVT,
        /** Återförvisat: the decision is annulled and the matter sent back. */
        ATERFORVISAT;

        public boolean decisionStands() {
            return this == AVSLAG || this == AVVISAT;
        }
    }

    /** One instance's judgment, and whether it has become final (vunnit laga kraft). */
    public record Judgment(String court, LocalDate date, Outcome outcome, boolean isFinal) {
    }

    /** A new appeal. */
    public static Appeal register(String id, LocalDate received, String court, String caseNumber, LocalDate postedOn) {
        List<FieldError> errors = new ArrayList<>();
        if (received == null) {
            errors.add(new FieldError("received", "the day the appeal was received, YYYY-MM-DD"));
        }
        if (court == null || court.isBlank() || court.length() > 200) {
            errors.add(new FieldError("court", "the court, e.g. \"Förvaltningsrätten i Umeå\""));
        }
        if (caseNumber != null && caseNumber.length() > 60) {
            errors.add(new FieldError("caseNumber", "the court's case number, at most 60 characters"));
        }
        InvalidInput.check(errors);
        if (postedOn == null) {
            throw new RuleViolation("appeal-not-posted", "The decision's protocol has not been posted; there is nothing to appeal yet.");
        }
        if (received.isBefore(postedOn)) {
            throw new InvalidInput("received", "a day on or after the notice was posted (" + postedOn + ")");
        }
        return new Appeal(id, received, court.strip(), caseNumber, List.of());
    }

    /** This appeal with one more judgment; a final judgment ends it. */
    public Appeal judged(Judgment j) {
        List<FieldError> errors = new ArrayList<>();
        if (j.date() == null) {
            errors.add(new FieldError("date", "the day of the judgment, YYYY-MM-DD"));
        }
        if (j.outcome() == null) {
            errors.add(new FieldError("outcome", "AVSLAG, AVVISAT, UPPHAVT or ATERFORVISAT"));
        }
        if (j.court() == null || j.court().isBlank()) {
            errors.add(new FieldError("court", "the court that judged"));
        }
        InvalidInput.check(errors);
        if (j.date().isBefore(received)) {
            throw new InvalidInput("date", "a day on or after the appeal was received (" + received + ")");
        }
        if (isSettled()) {
            throw new RuleViolation("appeal-settled", "The appeal " + id + " was settled by a final judgment; it takes no more.");
        }
        List<Judgment> js = new ArrayList<>(judgments);
        js.add(j);
        return new Appeal(id, received, court, caseNumber, js);
    }

    /** The judgment that ended it, if one has. */
    public java.util.Optional<Judgment> finalJudgment() {
        return judgments.stream().filter(Judgment::isFinal).findFirst();
    }

    public boolean isSettled() {
        return finalJudgment().isPresent();
    }
}
