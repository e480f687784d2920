package se.radhus.meetings.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a caller may see of a protocol. The public sees adjusted protocols (and paragraphs adjusted at
 * once); a draft does not exist for it. A person with a protected identity (skyddade personuppgifter)
 * appears to those not entitled as "Skyddad identitet", wherever the name stands.
 */
public final class Visibility {

    public static final String PROTECTED = "Skyddad identitet";

    private Visibility() {
    }

    /**
     * @param seesDrafts       staff: drafts are visible
     * @param seesProtected    entitled to protected identities
     * @param protectedNames   the names of persons with protected identity
     * @return the meeting as the caller may see it, or empty when it may see none of it
     */
    public static Optional<Meeting> view(Meeting m, boolean seesDrafts, boolean seesProtected, Set<String> protectedNames) {
        List<Paragraph> visible = seesDrafts ? m.paragraphs() : m.paragraphs().stream().filter(m::isPublic).toList();
        if (!seesDrafts && !m.isPublic() && visible.isEmpty()) {
            return Optional.empty();
        }
        UnaryOperator<String> name = n -> !seesProtected && n != null && protectedNames.contains(n) ? PROTECTED : n;
        List<Attendee> attendance = m.attendance().stream().map(a -> !seesProtected && protectedNames.contains(a.name())
                ? new Attendee(null, PROTECTED, null, a.role(), name.apply(a.servingFor()), a.title(), a.paragraphs())
                : new Attendee(a.personId(), a.name(), a.party(), a.role(), name.apply(a.servingFor()), a.title(), a.paragraphs()))
                .toList();
        List<Paragraph> paragraphs = visible.stream().map(p -> redact(p, name)).toList();
        List<String> adjusters = m.adjusters().stream().map(name).toList();
        Meeting.Justering j = m.justering() == null ? null
                : new Meeting.Justering(m.justering().date(), m.justering().signedBy().stream().map(name).toList());
        return Optional.of(new Meeting(m.id(), m.bodyId(), m.date(), m.startTime(), m.endTime(), m.place(), m.state(),
                attendance, adjusters, paragraphs, j, m.posting()));
    }

    static Paragraph redact(Paragraph p, UnaryOperator<String> name) {
        return new Paragraph(p.number(), p.caseNumber(), p.title(), p.decisions(), p.description(), p.basis(),
                p.preparers().stream().map(name).toList(), p.recipients().stream().map(name).toList(),
                p.motions().stream().map(mo -> new Motion(name.apply(mo.by()), mo.party(), mo.type(), mo.text())).toList(),
                p.votingOrder(), p.chairFinding(),
                p.votes().stream().map(v -> new Vote(v.ja(), v.nej(), v.ballots().stream()
                        .map(b -> new Vote.Ballot(name.apply(b.member()), b.choice())).toList(), v.election(), v.lot(), v.decided(),
                        v.result())).toList(),
                p.reservations().stream().map(r -> new Reservation(name.apply(r.by()), r.party(), r.text())).toList(),
                p.recusals().stream().map(name).toList(), p.notes(), p.adjustedOn(), p.corrects(), p.effects());
    }
}
