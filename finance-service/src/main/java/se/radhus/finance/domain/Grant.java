package se.radhus.finance.domain;

import java.time.LocalDate;
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
 * @param decisionAdjustedOn the day the committing decision's protocol was adjusted (justerat): no payment before it;
 *                        null for a draft, and for grants committed before the day was kept
 * @param conditionConfirmedOn the day its condition was confirmed: no payment before it
 */
public record Grant(String id, String appropriationId, String purpose, List<Recipient> recipients, String condition,
                    ConditionStatus conditionStatus, Status status, DecisionRef decision, DecisionRef cancellation,
                    boolean decided, LocalDate decisionAdjustedOn, LocalDate conditionConfirmedOn) {

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
                status == Status.COMMITTED || status == Status.PAID, null, null);
    }

    /** The same grant, its committing decision adjusted on {@code day}. */
    public Grant adjustedOn(LocalDate day) {
        return new Grant(id, appropriationId, purpose, recipients, condition, conditionStatus, status, decision, cancellation,
                decided, day, conditionConfirmedOn);
    }

    /** Every ledger hold of the grant: each recipient's reservation and, once committed from it, commitment. */
    public java.util.Set<String> holds() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (int i = 0; i < recipients.size(); i++) {
            out.add(holdId(i));
            out.add(holdId(i) + "-c");
        }
        return out;
    }

    /**
     * The grant a ledger hold belongs to, read exactly: {@code grant-<id>-<n>} or {@code grant-<id>-<n>-c}
     * with {@code n} a number, so a grant whose id extends another's ({@code a-pp}, {@code a-pp-1}) is never
     * taken for it.
     */
    public static java.util.Optional<String> idOfHold(String hold) {
        if (hold == null || !hold.startsWith("grant-")) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher m = HOLD.matcher(hold);
        return m.matches() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /** What the entries say is paid of this grant: its payments less reversed ones, on its own holds (matched exactly). */
    public long paidFrom(java.util.Collection<Entry> entries) {
        java.util.Set<String> own = holds();
        long sum = 0;
        for (Entry e : entries) {
            if (e.holdId() == null || !own.contains(e.holdId())) {
                continue;
            }
            if (e.kind() == EntryKind.PAYMENT) {
                sum += e.amount().ore();
            } else if (e.kind() == EntryKind.REVERSAL && e.releases() == EntryKind.PAYMENT) {
                sum -= e.amount().ore();
            }
        }
        return sum;
    }

    private static final java.util.regex.Pattern HOLD = java.util.regex.Pattern.compile("grant-([a-z0-9][a-z0-9-]*)-[1-9][0-9]*(-c)?");

    /**
     * Whether a payment may be dated {@code paidOn}: not after {@code today}, not before the committing
     * decision's justering (kommunallagen 2017:725, 5 kap. 69 §: the protocol is final once adjusted; only
     * then is there a decision to carry out), and not before its condition was confirmed.
     *
     * @throws RuleViolation naming the rule: {@code payment-in-future}, {@code payment-before-decision},
     *                       {@code payment-before-condition}
     */
    public void checkPaymentDate(LocalDate paidOn, LocalDate today) {
        if (paidOn.isAfter(today)) {
            throw new RuleViolation("payment-in-future", "A payment is recorded when it is made; " + paidOn + " is after today, "
                    + today + ".");
        }
        if (decisionAdjustedOn != null && paidOn.isBefore(decisionAdjustedOn)) {
            throw new RuleViolation("payment-before-decision", "Grant " + id + " rests on " + decision + ", adjusted on "
                    + decisionAdjustedOn + "; it cannot be paid on " + paidOn + ", before there was a decision to pay it.");
        }
        if (conditionConfirmedOn != null && paidOn.isBefore(conditionConfirmedOn)) {
            throw new RuleViolation("payment-before-condition", "The condition of grant " + id + " was confirmed on "
                    + conditionConfirmedOn + "; a payment on " + paidOn + " came before it: \"" + condition + "\"");
        }
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
        return new Grant(id, appropriationId, purpose, recipients, condition, c, s, decision, cancellation, decided,
                decisionAdjustedOn, conditionConfirmedOn);
    }

    /** The drafted grant's decision is adjusted (on {@code adjustedOn}): its money is committed, resting on {@code by}. */
    public Grant committed(DecisionRef by, LocalDate adjustedOn) {
        if (status != Status.RESERVED) {
            throw new RuleViolation("grant-state", "Only a reserved grant can be committed; " + id + " is " + status + ".");
        }
        return new Grant(id, appropriationId, purpose, recipients, condition, conditionStatus, Status.COMMITTED, by,
                cancellation, true, adjustedOn, conditionConfirmedOn);
    }

    /** The condition is met, on {@code on}: from then on it may be paid. */
    public Grant conditionConfirmed(LocalDate on) {
        if (conditionStatus != ConditionStatus.CONDITIONAL) {
            throw new RuleViolation("grant-condition", "Grant " + id + " has no open condition (it is " + conditionStatus + ").");
        }
        return new Grant(id, appropriationId, purpose, recipients, condition, ConditionStatus.CONFIRMED, status, decision,
                cancellation, decided, decisionAdjustedOn, on);
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
                decided, decisionAdjustedOn, conditionConfirmedOn);
    }

    public Grant paidInFull() {
        return with(conditionStatus, Status.PAID);
    }

    /**
     * Where the grant stands once its payments add up to {@code paid} (after a payment, or after a payment was
     * reversed): a committed grant paid in full is PAID; a paid grant whose payment was reversed is committed
     * again; any other stays as it is.
     */
    public Grant withPaid(long paid) {
        long committed = recipients.stream().flatMap(r -> r.amounts().stream()).mapToLong(a -> a.amount().ore()).sum();
        if (status == Status.COMMITTED && paid >= committed) {
            return with(conditionStatus, Status.PAID);
        }
        if (status == Status.PAID && paid < committed) {
            return with(conditionStatus, Status.COMMITTED);
        }
        return this;
    }
}
