package se.radhus.procurement.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.function.Supplier;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.money.Money;
import se.radhus.micronaut.GrpcCalls;
import se.radhus.procurement.domain.Award;
import se.radhus.procurement.domain.Contract;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.service.ProcurementService;
import se.radhus.procurement.store.ContractStore;
import se.radhus.proto.ProtoTypes;
import se.radhus.proto.common.v1.Date;
import se.radhus.proto.procurement.v1.ApproveTenderDocumentsRequest;
import se.radhus.proto.procurement.v1.ApproveTenderDocumentsResponse;
import se.radhus.proto.procurement.v1.AwardedSupplier;
import se.radhus.proto.procurement.v1.GetContractRequest;
import se.radhus.proto.procurement.v1.GetContractResponse;
import se.radhus.proto.procurement.v1.GetProcurementRequest;
import se.radhus.proto.procurement.v1.GetProcurementResponse;
import se.radhus.proto.procurement.v1.ProcurementServiceGrpc;
import se.radhus.proto.procurement.v1.ProcurementState;
import se.radhus.proto.procurement.v1.RecordAwardRequest;
import se.radhus.proto.procurement.v1.RecordAwardResponse;

/**
 * The procurement contract: other services read procurements and contracts, and decisions approve tender
 * documents and record awards. Both writes are idempotent: the same decision again changes nothing.
 */
@Singleton
public class ProcurementGrpcService extends ProcurementServiceGrpc.ProcurementServiceImplBase {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProcurementGrpcService.class);

    static final String DOMAIN = "procurement.radhus";

    private final ProcurementService service;
    private final ContractStore contracts;
    private final se.radhus.micronaut.Reviews reviews;

    public ProcurementGrpcService(ProcurementService service, ContractStore contracts, se.radhus.micronaut.Reviews reviews) {
        this.reviews = reviews;
        this.service = service;
        this.contracts = contracts;
    }

    static <T> void answer(StreamObserver<T> response, Supplier<T> call) {
        GrpcCalls.answer(response, DOMAIN, call);
    }

    static LocalDate date(Date d) {
        return ProtoTypes.date(d, "date");
    }

    static Date date(LocalDate d) {
        return ProtoTypes.date(d);
    }

    static DecisionRef decision(se.radhus.proto.common.v1.DecisionRef d) {
        DecisionRef ref = ProtoTypes.decision(d);
        if (ref == null) {
            throw new InvalidInput("decision", "the decision's body, meeting date and §");
        }
        return ref;
    }

    static se.radhus.proto.common.v1.DecisionRef decision(DecisionRef d) {
        return ProtoTypes.decision(d);
    }

    static se.radhus.proto.common.v1.Money money(Money m) {
        return ProtoTypes.money(m);
    }

    static se.radhus.proto.procurement.v1.Procurement proto(Procurement p) {
        var b = se.radhus.proto.procurement.v1.Procurement.newBuilder().setId(p.id()).setNumber(p.number()).setTitle(p.title())
                .setState(ProcurementState.valueOf("PROCUREMENT_STATE_" + p.state().name()));
        if (p.caseNumber() != null) {
            b.setCaseNumber(ProtoTypes.diarienummer(p.caseNumber()));
        }
        if (p.tenderDocumentsDecision() != null) {
            b.setTenderDocumentsDecision(decision(p.tenderDocumentsDecision()));
        }
        Award a = p.award();
        if (a != null) {
            if (a.decision() != null) {
                b.setAwardDecision(decision(a.decision()));
            }
            a.suppliers().forEach(s -> b.addAwardedSuppliers(AwardedSupplier.newBuilder().setName(s.name() == null ? "" : s.name())
                    .setOrganisationNumber(s.organisationNumber() == null ? "" : s.organisationNumber()).setRank(s.rank())
                    .setBidId(s.bidId() == null ? "" : s.bidId())));
            b.setAwardValue(money(a.value()));
            if (a.standstillEnd() != null) {
                b.setStandstillEnd(date(a.standstillEnd()));
            }
        }
        return b.build();
    }

    @Override
    public void getProcurement(GetProcurementRequest r, StreamObserver<GetProcurementResponse> response) {
        answer(response, () -> GetProcurementResponse.newBuilder().setProcurement(proto(service.get(r.getId()).procurement())).build());
    }

    @Override
    public void approveTenderDocuments(ApproveTenderDocumentsRequest r, StreamObserver<ApproveTenderDocumentsResponse> response) {
        answer(response, () -> {
            // the approval rests on an adjusted decision: ProcurementService checks it, as for one made over HTTP
            DecisionRef d = decision(r.getDecision());
            var approved = proto(service.approveTenderDocuments(r.getProcurementId(), d));
            log.info("ApproveTenderDocuments {} from {}: procurement {}", r.getIdempotencyKey(), d, r.getProcurementId());
            return ApproveTenderDocumentsResponse.newBuilder().setProcurement(approved).build();
        });
    }

    @Override
    public void recordAward(RecordAwardRequest r, StreamObserver<RecordAwardResponse> response) {
        answer(response, () -> {
            DecisionRef d = decision(r.getDecision());
            if (!r.hasSentDate()) {
                throw new InvalidInput("sent_date", "the day the award decision was sent");
            }
            LocalDate sent = date(r.getSentDate());
            // tied to its bid, checked against the evaluation and the limits as one made over HTTP (ProcurementService)
            Award a = new Award(r.getSuppliersList().stream().map(s -> new Award.Supplier(s.getName().isEmpty() ? null : s.getName(),
                    s.getOrganisationNumber().isEmpty() ? null : organisationNumber(s.getOrganisationNumber()),
                    s.getRank() == 0 ? 1 : s.getRank(), s.getBidId().isEmpty() ? null : s.getBidId())).toList(),
                    r.hasValue() ? ProtoTypes.money(r.getValue()) : null,
                    d, sent, r.getSentElectronically(), null, r.getValueReason().isEmpty() ? null : r.getValueReason(),
                    r.getJustification().isEmpty() ? null : r.getJustification(), null, java.util.List.of());
            var awarded = proto(service.award(r.getProcurementId(), a));
            log.info("RecordAward {} from {}: procurement {}", r.getIdempotencyKey(), d, r.getProcurementId());
            return RecordAwardResponse.newBuilder().setProcurement(awarded).build();
        });
    }

    static String organisationNumber(String text) {
        try {
            return se.radhus.procurement.domain.OrganisationNumber.normalise(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("suppliers.organisation_number", e.getMessage());
        }
    }

    @Override
    public void getContract(GetContractRequest r, StreamObserver<GetContractResponse> response) {
        answer(response, () -> {
            Contract c = contracts.find(r.getId()).orElseThrow(() -> new ProblemException(
                    se.radhus.common.api.Problem.notFound("no contract " + r.getId()))).contract();
            return GetContractResponse.newBuilder().setContract(se.radhus.proto.procurement.v1.Contract.newBuilder()
                    .setId(c.id()).setProcurementId(c.procurementId())
                    .setSupplier(AwardedSupplier.newBuilder().setName(c.supplier())
                            .setOrganisationNumber(c.organisationNumber() == null ? "" : c.organisationNumber()).setRank(1))
                    .setValue(money(c.totalValue()))
                    .setStartDate(c.start() == null ? Date.getDefaultInstance() : date(c.start()))
                    .setEndDate(c.currentEnd() == null ? Date.getDefaultInstance() : date(c.currentEnd()))).build();
        });
    }

    /** Marks what an annulled decision made here for review; nothing is undone. */
    @Override
    public void flagForReview(se.radhus.proto.procurement.v1.FlagForReviewRequest r, StreamObserver<se.radhus.proto.procurement.v1.FlagForReviewResponse> response) {
        answer(response, () -> {
            var decision = r.hasDecision() ? se.radhus.proto.ProtoTypes.decision(r.getDecision()) : null;
            java.util.function.Predicate<String> held = id -> { try { service.get(id); return true; } catch (se.radhus.common.api.ProblemException e) { return false; } };
            return se.radhus.proto.procurement.v1.FlagForReviewResponse.newBuilder()
                    .addAllFlagged(reviews.flag(r.getIdsList(), held, decision, r.getReason())).build();
        });
    }
}
