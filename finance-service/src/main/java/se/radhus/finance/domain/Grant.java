package se.radhus.finance.domain;

import java.util.ArrayList;
import java.util.List;
import se.radhus.common.domain.FieldError;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

/**
 * A grant (beviljade medel): money per year from an appropriation to one or more recipients (one decision
 * paying many is an utdelning), possibly on a condition.
 *
 * @param condition       the condition in the decision's words, or null
 * @param conditionStatus NONE, CONDITIONAL (not yet met), CONFIRMED or LAPSED
 * @param status          RESERVED (drafted) → COMMITTED (adjusted) → PAID, or CANCELLED
 * @param decision        the decision it rests on: a draft's while RESERVED, the adjusted one that committed it after
 * @param cancellation    the adjusted decision that cancelled it, when its money had been committed
 * @param decided         its money was committed by an adjusted decision (created so, or committed later): only
 *                        then does the public see it; a reserved grant is a draft
 */
public record Grant(String id, String appropriationId, String purpose, List<Recipient> recipients, String condition,
                    ConditionStatus conditionStatus, Status status, DecisionRef decision, DecisionRef cancellation,
                    boolean decided) {

    /** A recipient and its amounts per year. */
    public record Recipient(String name, List<YearAmount> amounts) {
        public Recipient {
            amounts = amounts == null ? List.of() : List.copyOf(amounts);
        }

        public Money total(String currency) {
            return amounts.stream().map(YearAmount::amount).reduce(Money.zero(currency), Money::plus);
        }
    }

    /** Where the grant's condition stands. */
    public enum ConditionStatus { NONE, CONDITIONAL, CONFIRMED, LAPSED }

    /** Where the grant's money stands. */
    public enum Status { RESERVED, COMMITTED, PAID, CANCELLED }

    public Grant {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** A new grant: decided when it is created committed. */
    public Grant(String id, String appropriationId, String purpose, List<Recipient> recipients, String condition,
                 ConditionStatus conditionStatus, Status status, DecisionRef decision) {
        this(id, appropriationId, purpose, recipients, condition, conditionStatus, status, decision, null,
                status == Status.COMMITTED || status == Status.PAID);
    }

    /** Whether the public may see it: once decided. A reserved grant is a draft, and so is one dropped before it was decided. */
    public boolean visibleToPublic() {
        return decided;
    }

    /** The ledger hold of the i-th recipient (from 0). */
    public String holdId(int recipient) {
        return "grant-" + id + "-" + (recipient + 1);
    }

    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,59}")) {
            errors.add(new FieldError("id", "1-60 lower-case letters, digits or dashes"));
        }
        if (appropriationId == null || appropriationId.isBlank()) {
            errors.add(new FieldError("appropriationId", "the appropriation the money comes from"));
        }
        if (recipients.isEmpty()) {
            errors.add(new FieldError("recipients", "at least one recipient with amounts per year"));
        }
        for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            if (r.name() == null || r.name().isBlank() || r.amounts().isEmpty()
                    || r.amounts().stream().anyMatch(a -> a.amount().ore() <= 0)) {
                errors.add(new FieldError("recipients[" + i + "]", "a name and positive amounts per year"));
            }
        }
        return errors;
    }

    private Grant with(ConditionStatus c, Status s) {
        return new Grant(id, appropriationId, purpose, recipients, condition, c, s, decision, cancellation, decided);
    }

    /** The drafted grant's decision is adjusted: its money is committed, resting on {@code by}. */
    public Grant committed(DecisionRef by) {
        if (status != Status.RESERVED) {
            throw new RuleViolation("grant-state", "Only a reserved grant can be committed; " + id + " is " + status + ".");
        }
        return new Grant(id, appropriationId, purpose, recipients, condition, conditionStatus, Status.COMMITTED, by,
                cancellation, true);
    }

    /** The condition is met. */
    public Grant conditionConfirmed() {
        if (conditionStatus != ConditionStatus.CONDITIONAL) {
            throw new RuleViolation("grant-condition", "Grant " + id + " has no open condition (it is " + conditionStatus + ").");
        }
        return with(ConditionStatus.CONFIRMED, status);
    }

    /** The condition is not met: the grant lapses and its unpaid money goes back. */
    public Grant conditionLapsed() {
        if (conditionStatus != ConditionStatus.CONDITIONAL) {
            throw new RuleViolation("grant-condition", "Grant " + id + " has no open condition (it is " + conditionStatus + ").");
        }
        return with(ConditionStatus.LAPSED, Status.CANCELLED);
    }

    /** Cancelled: a committed grant by an adjusted decision ({@code by}), a reserved one (a draft) perhaps by none. */
    public Grant cancelled(DecisionRef by) {
        if (status == Status.CANCELLED || status == Status.PAID) {
            throw new RuleViolation("grant-state", "Grant " + id + " is " + status + " and cannot be cancelled.");
        }
        return new Grant(id, appropriationId, purpose, recipients, condition, conditionStatus, Status.CANCELLED, decision, by,
                decided);
    }

    public Grant paidInFull() {
        return with(conditionStatus, Status.PAID);
    }
}
