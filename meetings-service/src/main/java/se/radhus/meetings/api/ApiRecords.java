package se.radhus.meetings.api;

import java.time.LocalDate;
import java.util.List;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.meetings.domain.Body;
import se.radhus.meetings.domain.DecisionSection;
import se.radhus.meetings.domain.Effect;
import se.radhus.meetings.domain.Membership;
import se.radhus.meetings.domain.Motion;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.Person;
import se.radhus.meetings.domain.Reservation;
import se.radhus.meetings.domain.Secrecy;
import se.radhus.meetings.domain.Vote;

/**
 * What clients send to and get from {@code /api/bodies}, {@code /api/persons} and the paragraph
 * endpoints, and the one place they are mapped to the domain records. A renamed domain field changes
 * neither the API nor the stored schema unless it is mapped here on purpose; an unknown field in a request
 * is refused (400, naming it).
 */
final class ApiRecords {

    private ApiRecords() {
    }

    /** POST /api/bodies. */
    record BodyRequest(String id, String name, String shortName, String parentId, String diariumPrefix,
                       List<MemberRequest> members, Integer seats) {
        Body toDomain() {
            return new Body(id, name, shortName, parentId, diariumPrefix,
                    members == null ? List.of() : members.stream().map(m -> m == null ? null : new Membership(m.personId(), m.role(), m.from(), m.to())).toList(),
                    seats);
        }
    }

    /** A seat in a body. */
    record MemberRequest(String personId, se.radhus.meetings.domain.Role role, LocalDate from, LocalDate to) {
    }

    /** A body as the API shows it. */
    record BodyResponse(String id, String name, String shortName, String parentId, String diariumPrefix,
                        List<Responses.MembershipResponse> members, Integer seats) {
        static BodyResponse of(Body b) {
            return new BodyResponse(b.id(), b.name(), b.shortName(), b.parentId(), b.diariumPrefix(),
                    MeetingResponse.all(b.members(), Responses.MembershipResponse::of), b.seats());
        }
    }

    /** POST /api/persons: no id for a protected person (the service assigns one). */
    record PersonRequest(String id, String name, String party, String title, Boolean protectedIdentity) {
        Person toDomain(String assignedId) {
            return new Person(assignedId, name, party, title, Boolean.TRUE.equals(protectedIdentity));
        }

        boolean isProtected() {
            return Boolean.TRUE.equals(protectedIdentity);
        }
    }

    /** A person as the API shows it. */
    record PersonResponse(String id, String name, String party, String title, boolean protectedIdentity) {
        static PersonResponse of(Person p) {
            return new PersonResponse(p.id(), p.name(), p.party(), p.title(), p.protectedIdentity());
        }
    }

    /** POST …/paragraphs and PUT …/paragraphs/{n}: a § as written into a draft. */
    record ParagraphRequest(int number, Diarienummer caseNumber, String title, List<DecisionSection> decisions,
                            String description, List<String> basis, List<String> preparers, List<String> recipients,
                            List<Motion> motions, List<String> votingOrder, String chairFinding, List<Vote> votes,
                            List<Reservation> reservations, List<String> recusals, List<String> notes,
                            LocalDate adjustedOn, String corrects, List<Effect> effects, List<Secrecy> secrecy) {
        Paragraph toDomain() {
            return new Paragraph(number, caseNumber, title, decisions, description, basis, preparers, recipients, motions,
                    votingOrder, chairFinding, votes, reservations, recusals, notes, adjustedOn, corrects, effects, secrecy);
        }
    }

    /**
     * One meeting in {@code GET /api/meetings}: what a list shows, not the protocol (that is
     * {@code GET /api/meetings/{id}}, at {@code href}). Made from the caller's view of the meeting, so its
     * counts and § range are of the paragraphs the caller may see.
     */
    record MeetingSummary(String id, String bodyId, LocalDate date, String startTime, String place,
                          se.radhus.meetings.domain.MeetingState state, Integer firstParagraph, Integer lastParagraph,
                          int paragraphCount, int decisionCount, int attendeeCount, LocalDate adjustedOn,
                          LocalDate postedOn, LocalDate appealDeadline, String href) {

        static MeetingSummary of(se.radhus.meetings.domain.Meeting m) {
            var numbers = m.paragraphs().stream().mapToInt(Paragraph::number).summaryStatistics();
            boolean any = numbers.getCount() > 0;
            int decisions = m.paragraphs().stream().mapToInt(p -> p.decisions().size()).sum();
            return new MeetingSummary(m.id(), m.bodyId(), m.date(), m.startTime(), m.place(), m.state(),
                    any ? numbers.getMin() : null, any ? numbers.getMax() : null, m.paragraphs().size(), decisions,
                    m.attendance().size(), m.justering() == null ? null : m.justering().date(),
                    m.posting() == null ? null : m.posting().postedOn(), m.posting() == null ? null : m.posting().appealDeadline(),
                    "/api/meetings/" + m.id());
        }
    }
}
