package se.radhus.meetings.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.radhus.common.domain.FieldError;
import se.radhus.common.diarium.Diarienummer;

/**
 * A paragraph (§) of a protocol.
 *
 * @param number          the § number; numbering runs on through the body's calendar year
 * @param caseNumber      the case (diarienummer)
 * @param title           the heading
 * @param decisions       the "… beslutar" sections with their att-clauses, in order
 * @param description     Ärendebeskrivning, as text
 * @param basis           Beslutsunderlag: the documents the decision rests on
 * @param preparers       Beredningsansvariga
 * @param recipients      Beslutet ska skickas till
 * @param motions         Yrkanden
 * @param votingOrder     Propositionsordning: the propositions the chair put, in order
 * @param chairFinding    what the chair found the body decided
 * @param votes           recorded votes
 * @param reservations    dissents
 * @param recusals        members who declared jäv and took no part
 * @param notes           protocol notes (protokollsanteckningar)
 * @param adjustedOn      set when the paragraph was adjusted at once (omedelbar justering)
 * @param corrects        for a correction: the paragraph it corrects, "bodyId/yyyy-mm-dd/§"
 * @param effects         what the decision does in finance and procurement, carried out at justering
 * @param secrecy         secrecy markings (OSL 2009:400) on the § or parts of it: the public sees only their references
 */
public record Paragraph(int number, Diarienummer caseNumber, String title, List<DecisionSection> decisions,
                        String description, List<String> basis, List<String> preparers, List<String> recipients,
                        List<Motion> motions, List<String> votingOrder, String chairFinding, List<Vote> votes,
                        List<Reservation> reservations, List<String> recusals, List<String> notes,
                        LocalDate adjustedOn, String corrects, List<Effect> effects, List<Secrecy> secrecy) {

    public Paragraph {
        decisions = copy(decisions);
        basis = copy(basis);
        preparers = copy(preparers);
        recipients = copy(recipients);
        motions = copy(motions);
        votingOrder = copy(votingOrder);
        votes = copy(votes);
        reservations = copy(reservations);
        recusals = copy(recusals);
        notes = copy(notes);
        effects = copy(effects);
        secrecy = copy(secrecy);
    }

    /** Without secrecy markings. */
    public Paragraph(int number, Diarienummer caseNumber, String title, List<DecisionSection> decisions,
                     String description, List<String> basis, List<String> preparers, List<String> recipients,
                     List<Motion> motions, List<String> votingOrder, String chairFinding, List<Vote> votes,
                     List<Reservation> reservations, List<String> recusals, List<String> notes,
                     LocalDate adjustedOn, String corrects, List<Effect> effects) {
        this(number, caseNumber, title, decisions, description, basis, preparers, recipients, motions, votingOrder,
                chairFinding, votes, reservations, recusals, notes, adjustedOn, corrects, effects, List.of());
    }

    /** The marking that covers this part of the §, if any. */
    public java.util.Optional<Secrecy> secret(String part) {
        return secrecy.stream().filter(s -> s.covers(part)).findFirst();
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The decision kind of the paragraph: Beslut when the body itself decides anything. */
    public DecisionKind kind() {
        return decisions.stream().anyMatch(d -> d.kind() == DecisionKind.BESLUT) || decisions.isEmpty()
                ? DecisionKind.BESLUT : DecisionKind.FORSLAG_TILL_BESLUT;
    }

    public boolean adjustedImmediately() {
        return adjustedOn != null;
    }

    public Paragraph withAdjustedOn(LocalDate day) {
        return new Paragraph(number, caseNumber, title, decisions, description, basis, preparers, recipients, motions,
                votingOrder, chairFinding, votes, reservations, recusals, notes, day, corrects, effects, secrecy);
    }

    /** This § with every vote's result computed and stated (the chair of the § gives the casting vote on a tie). */
    public Paragraph withVoteResults(String chair, String decidingBody) {
        if (votes.isEmpty()) {
            return this;
        }
        String body = decisions.stream().map(DecisionSection::decidingBody).filter(b -> b != null && !b.isBlank()).findFirst()
                .orElse(decidingBody);
        List<Vote> stated = votes.stream().map(v -> v.withResult(VoteResult.of(v, chair), body)).toList();
        return new Paragraph(number, caseNumber, title, decisions, description, basis, preparers, recipients, motions,
                votingOrder, chairFinding, stated, reservations, recusals, notes, adjustedOn, corrects, effects, secrecy);
    }

    /** Form errors of the paragraph on its own. */
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (number < 1 || number > 9999) {
            errors.add(new FieldError("number", "a § number from 1 to 9999"));
        }
        if (title == null || title.isBlank() || title.length() > 500) {
            errors.add(new FieldError("title", "required, at most 500 characters"));
        }
        for (int i = 0; i < decisions.size(); i++) {
            DecisionSection d = decisions.get(i);
            if (d.kind() == null) {
                errors.add(new FieldError("decisions[" + i + "].kind", "BESLUT or FORSLAG_TILL_BESLUT"));
            }
            if (d.clauses().isEmpty() || d.clauses().stream().anyMatch(c -> c == null || c.isBlank())) {
                errors.add(new FieldError("decisions[" + i + "].clauses", "at least one att-clause, none blank"));
            }
        }
        for (int i = 0; i < motions.size(); i++) {
            Motion m = motions.get(i);
            if (m.by() == null || m.by().isBlank() || m.type() == null) {
                errors.add(new FieldError("motions[" + i + "]", "who made the motion (by) and its type"));
            }
        }
        for (int i = 0; i < effects.size(); i++) {
            errors.addAll(effects.get(i).validate("effects[" + i + "]"));
        }
        for (int i = 0; i < secrecy.size(); i++) {
            errors.addAll(secrecy.get(i) == null ? List.of(new FieldError("secrecy[" + i + "]", "a marking: field and reference"))
                    : secrecy.get(i).validate("secrecy[" + i + "]"));
        }
        for (int i = 0; i < votes.size(); i++) {
            if (votes.get(i).ballots().isEmpty()) {
                errors.add(new FieldError("votes[" + i + "].ballots", "one ballot per voting member"));
            }
        }
        return errors;
    }
}
