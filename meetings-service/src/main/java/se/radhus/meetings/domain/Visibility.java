package se.radhus.meetings.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import se.radhus.common.domain.ProtectedNames;

/**
 * What a caller may see of a protocol. The public sees adjusted protocols (and paragraphs adjusted at
 * once); a draft does not exist for it. For a caller not entitled (only the diarium and the secretariat
 * are):
 * <ul>
 *   <li>a person with a protected identity (skyddade personuppgifter) is "Skyddad identitet", with no party
 *   and no id, in every field and in every free text ({@link ProtectedNames}); a text that may name them and
 *   cannot be told safe is held back;</li>
 *   <li>what is marked secret (offentlighets- och sekretesslagen 2009:400) shows only "Sekretess enligt …"
 *   with its reference.</li>
 * </ul>
 */
public final class Visibility {

    public static final String PROTECTED = ProtectedNames.SHOWN;

    private Visibility() {
    }

    /** Who is protected, as one meeting needs it. */
    public record Protection(ProtectedNames names, Set<String> protectedIds) {
        public static final Protection NONE = new Protection(ProtectedNames.none(), Set.of());

        boolean isProtected(Attendee a) {
            return a.personId() != null && protectedIds.contains(a.personId()) || names.hides(a.name());
        }
    }

    /**
     * @param seesDrafts staff: drafts are visible
     * @param entitled   entitled to protected identities and to what is secret
     * @return the meeting as the caller may see it, or empty when it may see none of it
     */
    public static Optional<Meeting> view(Meeting m, boolean seesDrafts, boolean entitled, Protection protection) {
        List<Paragraph> visible = seesDrafts ? m.paragraphs() : m.paragraphs().stream().filter(m::isPublic).toList();
        if (!seesDrafts && !m.isPublic() && visible.isEmpty()) {
            return Optional.empty();
        }
        if (entitled) {
            return Optional.of(visible.size() == m.paragraphs().size() ? m : m.withParagraphsShown(visible));
        }
        ProtectedNames names = protection.names();
        UnaryOperator<String> name = names::name;
        List<Attendee> attendance = m.attendance().stream().map(a -> protection.isProtected(a)
                ? new Attendee(null, PROTECTED, null, a.role(), name.apply(a.servingFor()), null, null)
                : new Attendee(a.personId(), a.name(), a.party(), a.role(), name.apply(a.servingFor()), names.publish(a.title()), a.paragraphs()))
                .toList();
        List<Paragraph> paragraphs = visible.stream().map(p -> publicView(p, names)).toList();
        List<String> adjusters = m.adjusters().stream().map(name).toList();
        Meeting.Justering j = m.justering() == null ? null
                : new Meeting.Justering(m.justering().date(), m.justering().signedBy().stream().map(name).toList(), m.justering().late());
        return Optional.of(new Meeting(m.id(), m.bodyId(), m.date(), m.startTime(), m.endTime(), names.publish(m.place()), m.state(),
                attendance, adjusters, paragraphs, j, publicView(m.posting(), names)));
    }

    /**
     * An agenda as one not entitled sees it: each public item with its texts through the protected-persons rules,
     * and an item that is not public by its provision only ("Sekretess enligt OSL 39 kap. 3 §"), with no proposal
     * and no documents. The public sees an agenda only once its kallelse is published: {@link #publicAgenda}.
     */
    public static Agenda agendaView(Agenda a, ProtectedNames names) {
        return new Agenda(a.meetingId(), a.bodyId(), a.meetingDate(), a.items().stream().map(i -> i.isPublic()
                ? new Agenda.AgendaItem(i.number(), i.caseNumber(), names.publish(i.title()),
                        i.proposedDecision().stream().map(names::publish).toList(), i.documents(), null, i.paragraph())
                : new Agenda.AgendaItem(i.number(), i.caseNumber(), new Secrecy(null, i.secrecy()).shown(), List.of(), List.of(),
                        i.secrecy(), i.paragraph())).toList(),
                a.kallelse() == null ? null : new Agenda.Kallelse(a.kallelse().publishedOn(), a.kallelse().due(),
                        a.kallelse().late(), names.publish(a.kallelse().lateReason())));
    }

    /** The agenda as the public sees it: nothing before its kallelse is published, then {@link #agendaView}. */
    public static Optional<Agenda> publicAgenda(Agenda a, ProtectedNames names) {
        return a == null || !a.isPublished() ? Optional.empty() : Optional.of(agendaView(a, names));
    }

    /** The notice as the public sees it: its free texts name no protected person. */
    static Meeting.Posting publicView(Meeting.Posting p, ProtectedNames names) {
        if (p == null || names.isEmpty()) {
            return p;
        }
        return new Meeting.Posting(p.postedOn(), p.appealDeadline(), p.warnings().stream().map(names::publish).toList(), p.appealRecorded(),
                p.due(), p.late(), names.publish(p.lateReason()), names.publish(p.keptAt()), p.downOn());
    }

    /** A § as the public sees it: protected persons removed from every field and text, secret parts replaced. */
    public static Paragraph publicView(Paragraph p, ProtectedNames names) {
        UnaryOperator<String> text = names::publish;
        UnaryOperator<String> name = names::name;
        Optional<Secrecy> whole = p.secrecy().stream().filter(Secrecy::wholeParagraph).findFirst();
        if (whole.isPresent()) {
            String shown = whole.get().shown();
            return new Paragraph(p.number(), p.caseNumber(), shown, List.of(), shown, List.of(), List.of(), List.of(), List.of(),
                    List.of(), null, List.of(), List.of(), List.of(), List.of(), p.adjustedOn(), p.corrects(), List.of(),
                    p.secrecy().stream().map(s -> new Secrecy(s.field(), s.reference())).toList());
        }
        String title = p.secret("title").map(Secrecy::shown).orElseGet(() -> text.apply(p.title()));
        List<DecisionSection> decisions = p.secret("decisions").isPresent()
                ? p.decisions().stream().map(d -> new DecisionSection(d.kind(), d.decidingBody(), List.of(p.secret("decisions").get().shown()))).toList()
                : p.decisions().stream().map(d -> new DecisionSection(d.kind(), d.decidingBody(), d.clauses().stream().map(text).toList())).toList();
        String description = p.description() == null ? null : p.secret("description").map(Secrecy::shown).orElseGet(() -> text.apply(p.description()));
        List<String> basis = new java.util.ArrayList<>();
        for (int i = 0; i < p.basis().size(); i++) {
            int at = i;
            basis.add(p.secrecy().stream().filter(s -> s.coversDocument(at)).findFirst().map(Secrecy::shown)
                    .orElseGet(() -> text.apply(p.basis().get(at))));
        }
        List<Motion> motions = p.secret("motions").isPresent()
                ? List.of(new Motion(null, null, null, p.secret("motions").get().shown()))
                : p.motions().stream().map(mo -> names.hides(mo.by()) ? new Motion(PROTECTED, null, mo.type(), text.apply(mo.text()))
                        : new Motion(mo.by(), mo.party(), mo.type(), text.apply(mo.text()))).toList();
        List<String> votingOrder = p.secret("votingOrder").map(s -> List.of(s.shown())).orElseGet(() -> p.votingOrder().stream().map(text).toList());
        String chairFinding = p.chairFinding() == null ? null : p.secret("chairFinding").map(Secrecy::shown).orElseGet(() -> text.apply(p.chairFinding()));
        // a vote states the propositions and the decision: secret when they are
        Optional<Secrecy> voteSecret = Stream.of("votes", "decisions", "motions", "votingOrder").map(p::secret)
                .flatMap(Optional::stream).findFirst();
        UnaryOperator<String> voteText = voteSecret.isPresent() ? t -> t == null ? null : voteSecret.get().shown() : text;
        List<Vote> votes = p.votes().stream().map(v -> new Vote(voteText.apply(v.ja()), voteText.apply(v.nej()), v.ballots().stream()
                .map(b -> new Vote.Ballot(name.apply(b.member()), b.choice())).toList(), v.election(), v.lot(), v.decided(),
                voteText.apply(v.result()))).toList();
        List<Reservation> reservations = p.secret("reservations").isPresent()
                ? List.of(new Reservation(null, null, p.secret("reservations").get().shown()))
                : p.reservations().stream().map(r -> names.hides(r.by()) ? new Reservation(PROTECTED, null, text.apply(r.text()))
                        : new Reservation(r.by(), r.party(), text.apply(r.text()))).toList();
        List<String> notes = p.secret("notes").map(s -> List.of(s.shown())).orElseGet(() -> p.notes().stream().map(text).toList());
        List<Effect> effects = p.secret("effects").isPresent() ? List.of() : p.effects().stream().map(e -> publicView(e, names)).toList();
        return new Paragraph(p.number(), p.caseNumber(), title, decisions, description, basis,
                p.preparers().stream().map(name).toList(), p.recipients().stream().map(name).toList(), motions, votingOrder,
                chairFinding, votes, reservations, p.recusals().stream().map(name).toList(), notes, p.adjustedOn(), p.corrects(),
                effects, p.secrecy());
    }

    static Effect publicView(Effect e, ProtectedNames names) {
        if (names.isEmpty()) {
            return e;
        }
        return new Effect(e.kind(), e.appropriationId(), names.publish(e.purpose()),
                e.recipients().stream().map(r -> new Effect.Recipient(names.name(r.name()), r.amounts())).toList(),
                names.publish(e.condition()), e.allowPreCommitment(), e.procurementId(),
                e.suppliers() == null ? null : e.suppliers().stream()
                        .map(s -> names.hides(s.name()) ? new Effect.Supplier(PROTECTED, null, s.rank()) : s).toList(),
                e.valueOre(), e.sentOn(), e.sentElectronically());
    }

    /**
     * Where the texts of a § name a protected person: "description", "decisions[0].clauses[1]", … — for the
     * warning a secretary gets when writing them into a draft.
     */
    public static List<String> mentions(Paragraph p, ProtectedNames names) {
        List<String> where = new java.util.ArrayList<>();
        if (names.isEmpty()) {
            return where;
        }
        java.util.function.BiConsumer<String, String> check = (field, value) -> {
            if (value != null && !names.mentions(value).isEmpty()) {
                where.add("§ " + p.number() + " " + field);
            }
        };
        check.accept("title", p.title());
        for (int i = 0; i < p.decisions().size(); i++) {
            List<String> clauses = p.decisions().get(i).clauses();
            for (int c = 0; c < clauses.size(); c++) {
                check.accept("decisions[" + i + "].clauses[" + c + "]", clauses.get(c));
            }
        }
        check.accept("description", p.description());
        each(check, "basis", p.basis());
        each(check, "preparers", p.preparers());
        each(check, "recipients", p.recipients());
        for (int i = 0; i < p.motions().size(); i++) {
            check.accept("motions[" + i + "].by", p.motions().get(i).by());
            check.accept("motions[" + i + "].text", p.motions().get(i).text());
        }
        each(check, "votingOrder", p.votingOrder());
        check.accept("chairFinding", p.chairFinding());
        for (int i = 0; i < p.reservations().size(); i++) {
            check.accept("reservations[" + i + "].by", p.reservations().get(i).by());
            check.accept("reservations[" + i + "].text", p.reservations().get(i).text());
        }
        each(check, "notes", p.notes());
        each(check, "recusals", p.recusals());
        for (int i = 0; i < p.votes().size(); i++) {
            for (int b = 0; b < p.votes().get(i).ballots().size(); b++) {
                check.accept("votes[" + i + "].ballots[" + b + "]", p.votes().get(i).ballots().get(b).member());
            }
        }
        for (int i = 0; i < p.effects().size(); i++) {
            Effect e = p.effects().get(i);
            check.accept("effects[" + i + "].purpose", e.purpose());
            for (int r = 0; r < e.recipients().size(); r++) {
                check.accept("effects[" + i + "].recipients[" + r + "]", e.recipients().get(r).name());
            }
            check.accept("effects[" + i + "].condition", e.condition());
            for (int r = 0; e.suppliers() != null && r < e.suppliers().size(); r++) {
                check.accept("effects[" + i + "].suppliers[" + r + "]", e.suppliers().get(r).name());
            }
        }
        return where;
    }

    private static void each(java.util.function.BiConsumer<String, String> check, String field, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            check.accept(field + "[" + i + "]", values.get(i));
        }
    }
}
