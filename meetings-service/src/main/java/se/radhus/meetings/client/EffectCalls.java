package se.radhus.meetings.client;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import se.radhus.meetings.domain.Effect;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.proto.ProtoTypes;
import se.radhus.proto.common.v1.Date;
import se.radhus.proto.common.v1.DecisionRef;
import se.radhus.proto.common.v1.Money;
import se.radhus.proto.common.v1.YearAmount;
import se.radhus.proto.finance.v1.CreateGrantRequest;
import se.radhus.proto.finance.v1.GrantRecipient;
import se.radhus.proto.finance.v1.ReleaseFundsRequest;
import se.radhus.proto.finance.v1.ReserveFundsRequest;
import se.radhus.proto.procurement.v1.ApproveTenderDocumentsRequest;
import se.radhus.proto.procurement.v1.AwardedSupplier;
import se.radhus.proto.procurement.v1.RecordAwardRequest;

/** A paragraph's effects as calls to the services that own them, each with a deadline and its key. */
@Component
public class EffectCalls {

    static final long DEADLINE_SECONDS = 5;
    private final PeerClients peers;

    public EffectCalls(PeerClients peers) {
        this.peers = peers;
    }

    static Date date(LocalDate d) {
        return ProtoTypes.date(d);
    }

    /** The paragraph's decision as the contracts name it. */
    public static DecisionRef ref(Meeting m, Paragraph p) {
        return ProtoTypes.decision(new se.radhus.common.domain.DecisionRef(m.bodyId(), m.date(), p.number(),
                p.caseNumber() == null ? null : p.caseNumber().toString()));
    }

    static Money sek(long ore) {
        return ProtoTypes.money(se.radhus.common.money.Money.sek(ore));
    }

    /** Reserves a drafted grant's money; returns the reservation id. */
    public String reserveDraft(Meeting m, Paragraph p, Effect e, String key) {
        ReserveFundsRequest.Builder r = ReserveFundsRequest.newBuilder().setIdempotencyKey(key).setAppropriationId(e.appropriationId())
                .setDecision(ref(m, p)).setEffectiveDate(date(m.date())).setAllowPreCommitment(e.allowPreCommitment());
        for (Map.Entry<Integer, Long> y : e.totalsPerYear().entrySet()) {
            r.addAmounts(YearAmount.newBuilder().setYear(y.getKey()).setAmount(sek(y.getValue())));
        }
        return peers.finance().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).reserveFunds(r.build()).getReservationId();
    }

    /** Gives a draft's reservation back. */
    public void releaseDraft(String appropriationId, String reservationId, LocalDate on) {
        peers.finance().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).releaseFunds(ReleaseFundsRequest.newBuilder()
                .setIdempotencyKey("release-" + reservationId).setAppropriationId(appropriationId)
                .setReservationId(reservationId).setEffectiveDate(date(on)).build());
    }

    /** Carries out an adjusted effect; the effect id is the idempotency key. */
    public void carryOut(Meeting m, Paragraph p, Effect e, String effectId, String draftReservation) {
        switch (e.kind()) {
            case GRANT -> {
                CreateGrantRequest.Builder r = CreateGrantRequest.newBuilder().setIdempotencyKey(effectId).setGrantId(effectId)
                        .setAppropriationId(e.appropriationId()).setPurpose(e.purpose() == null ? p.title() : e.purpose())
                        .setCondition(e.condition() == null ? "" : e.condition()).setDecision(ref(m, p))
                        .setEffectiveDate(date(m.date())).setAllowPreCommitment(e.allowPreCommitment())
                        .setReservationId(draftReservation == null ? "" : draftReservation)
                        .setSecrecyReference(p.secret("effects").map(se.radhus.meetings.domain.Secrecy::reference).orElse(""));
                for (Effect.Recipient rec : e.recipients()) {
                    GrantRecipient.Builder g = GrantRecipient.newBuilder().setName(rec.name());
                    rec.amounts().forEach(a -> g.addAmounts(YearAmount.newBuilder().setYear(a.year()).setAmount(sek(a.ore()))));
                    r.addRecipients(g);
                }
                peers.finance().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).createGrant(r.build());
            }
            case TENDER_APPROVAL -> peers.procurement().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .approveTenderDocuments(ApproveTenderDocumentsRequest.newBuilder().setIdempotencyKey(effectId)
                            .setProcurementId(e.procurementId()).setDecision(ref(m, p)).build());
            case AWARD -> {
                RecordAwardRequest.Builder r = RecordAwardRequest.newBuilder().setIdempotencyKey(effectId)
                        .setProcurementId(e.procurementId()).setDecision(ref(m, p)).setValue(sek(e.valueOre()))
                        .setSentDate(date(e.sentOn())).setSentElectronically(e.sentElectronically() == null || e.sentElectronically());
                e.suppliers().forEach(s -> r.addSuppliers(AwardedSupplier.newBuilder().setName(s.name())
                        .setOrganisationNumber(s.organisationNumber() == null ? "" : s.organisationNumber()).setRank(s.rank())));
                peers.procurement().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).recordAward(r.build());
            }
        }
    }

    /**
     * Tells the service an effect went to that its decision was annulled, so it marks the record the effect
     * made for review (a grant by the effect's id; the procurement). Marking again changes nothing.
     */
    public void flagForReview(Meeting m, Paragraph p, Effect e, String effectId, String reason) {
        switch (e.kind()) {
            case GRANT -> peers.finance().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).flagForReview(
                    se.radhus.proto.finance.v1.FlagForReviewRequest.newBuilder().addIds(effectId).setDecision(ref(m, p))
                            .setReason(reason).build());
            case TENDER_APPROVAL, AWARD -> peers.procurement().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).flagForReview(
                    se.radhus.proto.procurement.v1.FlagForReviewRequest.newBuilder().addIds(e.procurementId()).setDecision(ref(m, p))
                            .setReason(reason).build());
        }
    }
}
