package se.radhus.procurement.domain;

import java.time.LocalDate;
import java.util.List;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.SwedishCalendar;
import se.radhus.common.money.Money;

/**
 * An award decision (tilldelningsbeslut): the ranked suppliers, each a qualified bid, the value, and the
 * standstill (avtalsspärr, LOU 20 kap. 1 §): 10 days from the day the notice was sent electronically, 15
 * days otherwise, the last day moved past weekends and holidays (lag 1930:173). No contract may be signed
 * until the day after {@code standstillEnd}; a direct award has no mandatory standstill (null).
 *
 * @param valueReason   why the value is not the awarded bid's price (null when it is)
 * @param justification why the award goes to another than the evaluation's first-ranked bid (null when it does not)
 * @param directAward   for a direct award: its documentation, and a legal ground when it is above the limit
 * @param warnings      what a person should look at, not a refusal: e.g. a value above the regime's threshold
 */
public record Award(List<Supplier> suppliers, Money value, DecisionRef decision, LocalDate sentOn, boolean sentElectronically,
                    LocalDate standstillEnd, String valueReason, String justification, DirectAward directAward,
                    List<String> warnings) {

    /** An awarded supplier, ranked from 1: the bid it rests on, and the bidder's name and organisation number. */
    public record Supplier(String name, String organisationNumber, int rank, String bidId) {

        /** A supplier as a decision names it, before it is tied to its bid. */
        public Supplier(String name, String organisationNumber, int rank) {
            this(name, organisationNumber, rank, null);
        }
    }

    /**
     * What a direct award records (LOU 19 kap.).
     *
     * @param documentation the reasons and circumstances (LOU 19 kap. 30 §: over 100 000 kr)
     * @param legalGround   the ground for awarding without advertising when the value is above the limit
     *                      (e.g. "LOU 6 kap. 15 §", synnerlig brådska), or null
     * @param groundReason  why the ground applies
     */
    public record DirectAward(String documentation, String legalGround, String groundReason) {

        public boolean hasLegalGround() {
            return legalGround != null && !legalGround.isBlank() && groundReason != null && !groundReason.isBlank();
        }
    }

    public Award {
        suppliers = List.copyOf(suppliers);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** An award as a decision gives it, before it is checked against the procurement. */
    public Award(List<Supplier> suppliers, Money value, DecisionRef decision, LocalDate sentOn, boolean sentElectronically,
                 LocalDate standstillEnd) {
        this(suppliers, value, decision, sentOn, sentElectronically, standstillEnd, null, null, null, List.of());
    }

    /**
     * The last day of the standstill (LOU 20 kap. 1 §): 10 days from the day the award notice was sent
     * electronically, otherwise 15, and when that day is a Saturday, Sunday, public holiday, midsommarafton,
     * julafton or nyårsafton the next weekday (lag 1930:173 om beräkning av lagstadgad tid, 2 §).
     */
    public static LocalDate standstillEnd(LocalDate sentOn, boolean electronically) {
        return SwedishCalendar.lastDayOf(sentOn, electronically ? 10 : 15);
    }

    /** The same award with names and texts passed through the rules (protected identities, for the public). */
    public Award shown(java.util.function.UnaryOperator<String> name, java.util.function.UnaryOperator<String> text) {
        return new Award(suppliers.stream().map(s -> new Supplier(name.apply(s.name()), Procurement.sameOr(name, s.name(), s.organisationNumber()), s.rank(), s.bidId())).toList(),
                value, decision, sentOn, sentElectronically, standstillEnd, text.apply(valueReason), text.apply(justification),
                directAward == null ? null : new DirectAward(text.apply(directAward.documentation()), directAward.legalGround(),
                        text.apply(directAward.groundReason())), warnings.stream().map(text).toList());
    }
}
