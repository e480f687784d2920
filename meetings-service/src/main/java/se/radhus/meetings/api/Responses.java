package se.radhus.meetings.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import se.radhus.meetings.domain.Agenda;
import se.radhus.meetings.domain.Anslagstavla;
import se.radhus.meetings.domain.Appeal;
import se.radhus.meetings.domain.CaseFile;
import se.radhus.meetings.domain.Membership;
import se.radhus.meetings.domain.ProtocolExtract;
import se.radhus.meetings.domain.Role;

/**
 * The API's answers for the smaller domain records (appeals, case files, memberships, the kallelse, the
 * anslagstavla's notices, a protocol extract), mapped from the domain here; the meeting's own are in
 * {@link MeetingResponse}. Schema names are the API's, as they were.
 */
final class Responses {

    private Responses() {
    }

    /** An appeal (överklagande) of a §, and the courts' judgments on it. */
    @Schema(name = "Appeal")
    record AppealResponse(String id, LocalDate received, String court, String caseNumber, List<JudgmentResponse> judgments,
                          boolean settled) {
        static AppealResponse of(Appeal a) {
            return new AppealResponse(a.id(), a.received(), a.court(), a.caseNumber(),
                    MeetingResponse.all(a.judgments(), JudgmentResponse::of), a.isSettled());
        }
    }

    /** A court's judgment, and whether it has gained legal force. */
    @Schema(name = "Judgment")
    record JudgmentResponse(String court, LocalDate date, Appeal.Outcome outcome, boolean isFinal) {
        static JudgmentResponse of(Appeal.Judgment j) {
            return new JudgmentResponse(j.court(), j.date(), j.outcome(), j.isFinal());
        }
    }

    /** A case (ärende) in the diarium and its documents. */
    @Schema(name = "CaseFile")
    record CaseFileResponse(String number, String bodyId, String title, LocalDate registeredOn, List<CaseDocumentResponse> documents) {
        static CaseFileResponse of(CaseFile c) {
            return new CaseFileResponse(c.number() == null ? null : c.number().toString(), c.bodyId(), c.title(), c.registeredOn(),
                    MeetingResponse.all(c.documents(), CaseDocumentResponse::of));
        }
    }

    /** A document of a case. */
    @Schema(name = "CaseDocument")
    record CaseDocumentResponse(String title, String kind, LocalDate date) {
        static CaseDocumentResponse of(CaseFile.CaseDocument d) {
            return new CaseDocumentResponse(d.title(), d.kind(), d.date());
        }
    }

    /** A member's seat in a body: the person, the role, and the period. */
    @Schema(name = "Membership")
    record MembershipResponse(String personId, Role role, LocalDate from, LocalDate to) {
        static MembershipResponse of(Membership m) {
            return m == null ? null : new MembershipResponse(m.personId(), m.role(), m.from(), m.to());
        }
    }

    /** The kallelse's publication: the day, and whether (and why) it came late. */
    @Schema(name = "Kallelse")
    record KallelseResponse(LocalDate publishedOn, LocalDate due, boolean late, String lateReason) {
        static KallelseResponse of(Agenda.Kallelse k) {
            return k == null ? null : new KallelseResponse(k.publishedOn(), k.due(), k.late(), k.lateReason());
        }
    }

    /** A notice on the anslagstavla: a protocol's justering, or a meeting to come. */
    @Schema(name = "Notice")
    record NoticeResponse(String id, Anslagstavla.Kind kind, String bodyId, String bodyName, String meetingId, LocalDate meetingDate,
                          String title, LocalDate postedOn, LocalDate takenDownOn, LocalDate lastDayToAppeal,
                          String protocolKeptAt, String protocolUrl, String startsAt, String place, List<NoticeCaseResponse> cases,
                          boolean late) {
        static NoticeResponse of(Anslagstavla.Notice n) {
            return new NoticeResponse(n.id(), n.kind(), n.bodyId(), n.bodyName(), n.meetingId(), n.meetingDate(), n.title(),
                    n.postedOn(), n.takenDownOn(), n.lastDayToAppeal(), n.protocolKeptAt(), n.protocolUrl(), n.startsAt(),
                    n.place(), MeetingResponse.all(n.cases(), NoticeCaseResponse::of), n.late());
        }
    }

    /** A case on a notice: its title and diarienummer. */
    @Schema(name = "NoticeCase")
    record NoticeCaseResponse(String title, String diarienummer) {
        static NoticeCaseResponse of(Anslagstavla.NoticeCase c) {
            return new NoticeCaseResponse(c.title(), c.diarienummer());
        }
    }

    /** The fixed text on how to appeal. */
    @Schema(name = "HowToAppeal")
    record HowToAppealResponse(String title, String text) {
        static HowToAppealResponse of(Anslagstavla.HowToAppeal h) {
            return new HowToAppealResponse(h.title(), h.text());
        }
    }

    /** A protocol extract (protokollsutdrag) of one §, certified once the § is adjusted. */
    @Schema(name = "ProtocolExtract")
    record ExtractResponse(String meetingId, String bodyId, LocalDate meetingDate, int paragraph, String caseNumber, String title,
                           List<MeetingResponse.DecisionSectionResponse> decisions, List<String> recipients, boolean certified,
                           LocalDate adjustedOn, List<String> signedBy, String text) {
        static ExtractResponse of(ProtocolExtract e) {
            return new ExtractResponse(e.meetingId(), e.bodyId(), e.meetingDate(), e.paragraph(), e.caseNumber(), e.title(),
                    MeetingResponse.all(e.decisions(), MeetingResponse.DecisionSectionResponse::of), e.recipients(), e.certified(),
                    e.adjustedOn(), e.signedBy(), e.text());
        }
    }
}
