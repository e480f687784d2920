package se.radhus.meetings.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import se.radhus.meetings.domain.Attendee;
import se.radhus.meetings.domain.DecisionKind;
import se.radhus.meetings.domain.DecisionSection;
import se.radhus.meetings.domain.Effect;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.MeetingState;
import se.radhus.meetings.domain.Motion;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.ParagraphRange;
import se.radhus.meetings.domain.Reservation;
import se.radhus.meetings.domain.Role;
import se.radhus.meetings.domain.Secrecy;
import se.radhus.meetings.domain.Vote;

/**
 * A meeting (sammanträde) and its protocol as the HTTP API answers it, apart from the domain's
 * {@link Meeting} and mapped from it here, in one place: a field renamed in the domain does not rename it in
 * the API. The schema names are the API's own (Meeting, Paragraph, …), kept as they were when the domain
 * records were answered as they are, so that clients generated from the API document keep theirs. Each record
 * is mapped from the view the caller may see (after {@code Visibility}), never from the stored meeting.
 */
@Schema(name = "Meeting")
public record MeetingResponse(String id, String bodyId, LocalDate date, String startTime, String endTime, String place,
                              MeetingState state, List<AttendeeResponse> attendance, List<String> adjusters,
                              List<ParagraphResponse> paragraphs, JusteringResponse justering, PostingResponse posting,
                              @JsonProperty("public") boolean isPublic) {

    public static MeetingResponse of(Meeting m) {
        return new MeetingResponse(m.id(), m.bodyId(), m.date(), m.startTime(), m.endTime(), m.place(), m.state(),
                all(m.attendance(), AttendeeResponse::of), m.adjusters(), all(m.paragraphs(), ParagraphResponse::of),
                m.justering() == null ? null : JusteringResponse.of(m.justering()),
                m.posting() == null ? null : PostingResponse.of(m.posting()), m.isPublic());
    }

    /** Who attended, in which role, for whom, and for which §§ (null: the whole meeting). */
    @Schema(name = "Attendee")
    public record AttendeeResponse(String personId, String name, String party, Role role, String servingFor, String title,
                                   RangeResponse paragraphs) {
        static AttendeeResponse of(Attendee a) {
            return new AttendeeResponse(a.personId(), a.name(), a.party(), a.role(), a.servingFor(), a.title(),
                    a.paragraphs() == null ? null : RangeResponse.of(a.paragraphs()));
        }
    }

    /** §§ from and to, both included. */
    @Schema(name = "ParagraphRange")
    public record RangeResponse(int from, int to) {
        static RangeResponse of(ParagraphRange r) {
            return new RangeResponse(r.from(), r.to());
        }
    }

    /** The justering: the day, who signed, and whether it came later than 14 days after the meeting. */
    @Schema(name = "Justering")
    public record JusteringResponse(LocalDate date, List<String> signedBy, boolean late) {
        static JusteringResponse of(Meeting.Justering j) {
            return new JusteringResponse(j.date(), j.signedBy(), j.late());
        }
    }

    /** The notice on the anslagstavla: posted, the appeal deadline, where the protocol is kept, when it comes down. */
    @Schema(name = "Posting")
    public record PostingResponse(LocalDate postedOn, LocalDate appealDeadline, List<String> warnings, boolean appealRecorded,
                                  LocalDate due, boolean late, String lateReason, String keptAt, LocalDate downOn) {
        static PostingResponse of(Meeting.Posting p) {
            return new PostingResponse(p.postedOn(), p.appealDeadline(), p.warnings(), p.appealRecorded(), p.due(), p.late(),
                    p.lateReason(), p.keptAt(), p.downOn());
        }
    }

    /** A paragraph (§): its case, the decision in clauses, motions, votes, reservations and the effects it has. */
    @Schema(name = "Paragraph")
    public record ParagraphResponse(int number, String caseNumber, String title, List<DecisionSectionResponse> decisions,
                                    String description, List<String> basis, List<String> preparers, List<String> recipients,
                                    List<MotionResponse> motions, List<String> votingOrder, String chairFinding,
                                    List<VoteResponse> votes, List<ReservationResponse> reservations, List<String> recusals,
                                    List<String> notes, LocalDate adjustedOn, String corrects, List<EffectResponse> effects,
                                    List<SecrecyResponse> secrecy) {
        static ParagraphResponse of(Paragraph p) {
            return new ParagraphResponse(p.number(), p.caseNumber() == null ? null : p.caseNumber().toString(), p.title(),
                    all(p.decisions(), DecisionSectionResponse::of), p.description(), p.basis(), p.preparers(), p.recipients(),
                    all(p.motions(), MotionResponse::of), p.votingOrder(), p.chairFinding(), all(p.votes(), VoteResponse::of),
                    all(p.reservations(), ReservationResponse::of), p.recusals(), p.notes(), p.adjustedOn(), p.corrects(),
                    all(p.effects(), EffectResponse::of), all(p.secrecy(), SecrecyResponse::of));
        }
    }

    /** One section of the decision: its kind, the body deciding (for a proposal to another), and its clauses. */
    @Schema(name = "DecisionSection")
    public record DecisionSectionResponse(DecisionKind kind, String decidingBody, List<String> clauses) {
        static DecisionSectionResponse of(DecisionSection d) {
            return new DecisionSectionResponse(d.kind(), d.decidingBody(), d.clauses());
        }
    }

    /** A motion (yrkande). */
    @Schema(name = "Motion")
    public record MotionResponse(String by, String party, Motion.MotionType type, String text) {
        static MotionResponse of(Motion m) {
            return new MotionResponse(m.by(), m.party(), m.type(), m.text());
        }
    }

    /** A vote (omröstning): the propositions, each member's ballot, a lot, and what was decided. */
    @Schema(name = "Vote")
    public record VoteResponse(String ja, String nej, List<BallotResponse> ballots, boolean election, Vote.Choice lot,
                               Vote.Choice decided, String result) {
        static VoteResponse of(Vote v) {
            return new VoteResponse(v.ja(), v.nej(), all(v.ballots(), BallotResponse::of), v.election(), v.lot(), v.decided(),
                    v.result());
        }
    }

    /** One member's ballot. */
    @Schema(name = "Ballot")
    public record BallotResponse(String member, Vote.Choice choice) {
        static BallotResponse of(Vote.Ballot b) {
            return new BallotResponse(b.member(), b.choice());
        }
    }

    /** A reservation against the decision. */
    @Schema(name = "Reservation")
    public record ReservationResponse(String by, String party, String text) {
        static ReservationResponse of(Reservation r) {
            return new ReservationResponse(r.by(), r.party(), r.text());
        }
    }

    /** A part of the § marked secret, and the OSL provision it rests on. */
    @Schema(name = "Secrecy")
    public record SecrecyResponse(String field, String reference) {
        static SecrecyResponse of(Secrecy s) {
            return new SecrecyResponse(s.field(), s.reference());
        }
    }

    /** What the decision does once it is adjusted: a grant, an approval of tender documents, an award. */
    @Schema(name = "Effect")
    public record EffectResponse(Effect.Kind kind, String appropriationId, String purpose, List<RecipientResponse> recipients,
                                 String condition, boolean allowPreCommitment, String procurementId,
                                 List<SupplierResponse> suppliers, Long valueOre, LocalDate sentOn, Boolean sentElectronically) {
        static EffectResponse of(Effect e) {
            return new EffectResponse(e.kind(), e.appropriationId(), e.purpose(), all(e.recipients(), RecipientResponse::of),
                    e.condition(), e.allowPreCommitment(), e.procurementId(), all(e.suppliers(), SupplierResponse::of),
                    e.valueOre(), e.sentOn(), e.sentElectronically());
        }
    }

    /** A grant's recipient and the amounts per year. */
    @Schema(name = "Recipient")
    public record RecipientResponse(String name, List<YearOreResponse> amounts) {
        static RecipientResponse of(Effect.Recipient r) {
            return new RecipientResponse(r.name(), all(r.amounts(), YearOreResponse::of));
        }
    }

    /** An amount for a year, in öre. */
    @Schema(name = "YearOre")
    public record YearOreResponse(int year, long ore) {
        static YearOreResponse of(Effect.YearOre y) {
            return new YearOreResponse(y.year(), y.ore());
        }
    }

    /** A supplier an award names, with its rank. */
    @Schema(name = "Supplier")
    public record SupplierResponse(String name, String organisationNumber, int rank) {
        static SupplierResponse of(Effect.Supplier s) {
            return new SupplierResponse(s.name(), s.organisationNumber(), s.rank());
        }
    }

    static <D, R> List<R> all(List<D> values, Function<D, R> map) {
        return values == null ? null : values.stream().map(map).toList();
    }
}
