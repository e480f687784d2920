package se.radhus.finance.api;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.money.Money;
import se.radhus.common.store.Pages;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.FundsControl;
import se.radhus.finance.domain.YearAmount;
import se.radhus.finance.domain.YearBalance;
import se.radhus.finance.service.LedgerService;
import se.radhus.micronaut.GrpcCalls;
import se.radhus.proto.ProtoTypes;
import se.radhus.proto.common.v1.Date;
import se.radhus.proto.finance.v1.CommitFundsRequest;
import se.radhus.proto.finance.v1.CommitFundsResponse;
import se.radhus.proto.finance.v1.EntryKind;
import se.radhus.proto.finance.v1.FinanceServiceGrpc;
import se.radhus.proto.finance.v1.GetBalanceRequest;
import se.radhus.proto.finance.v1.GetBalanceResponse;
import se.radhus.proto.finance.v1.LedgerEntry;
import se.radhus.proto.finance.v1.ListLedgerEntriesRequest;
import se.radhus.proto.finance.v1.ListLedgerEntriesResponse;
import se.radhus.proto.finance.v1.ReleaseFundsRequest;
import se.radhus.proto.finance.v1.ReleaseFundsResponse;
import se.radhus.proto.finance.v1.ReserveFundsRequest;
import se.radhus.proto.finance.v1.ReserveFundsResponse;

/** The finance contract: balances and funds control for other services, by idempotency key. */
@Singleton
public class FinanceGrpcService extends FinanceServiceGrpc.FinanceServiceImplBase {

    static final String DOMAIN = "finance.radhus";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FinanceGrpcService.class);

    private final LedgerService ledger;
    private final se.radhus.finance.service.GrantService grants;
    private final se.radhus.micronaut.client.DecisionVerifier decisions;

    private final se.radhus.micronaut.Reviews reviews;
    private se.radhus.micronaut.SecrecyMarks secrecy;

    /** Where a grant from a secret decision is marked. */
    @jakarta.inject.Inject
    void secrecy(se.radhus.micronaut.SecrecyMarks secrecy) {
        this.secrecy = secrecy;
    }

    public FinanceGrpcService(LedgerService ledger, se.radhus.finance.service.GrantService grants,
                              se.radhus.micronaut.client.DecisionVerifier decisions, se.radhus.micronaut.Reviews reviews) {
        this.reviews = reviews;
        this.ledger = ledger;
        this.grants = grants;
        this.decisions = decisions;
    }

    static <T> void answer(StreamObserver<T> response, java.util.function.Supplier<T> call) {
        GrpcCalls.answer(response, DOMAIN, call);
    }

    static LocalDate date(Date d, String field) {
        return ProtoTypes.date(d, field);
    }

    static Date date(LocalDate d) {
        return ProtoTypes.date(d);
    }

    static DecisionRef decision(se.radhus.proto.common.v1.DecisionRef d) {
        return ProtoTypes.decision(d);
    }

    static se.radhus.proto.common.v1.Money money(Money m) {
        return ProtoTypes.money(m);
    }

    static List<YearAmount> amounts(List<se.radhus.proto.common.v1.YearAmount> amounts) {
        if (amounts.isEmpty()) {
            throw new InvalidInput("amounts", "at least one amount per year");
        }
        return amounts.stream().map(a -> new YearAmount(a.getYear(), ProtoTypes.money(a.getAmount()))).toList();
    }

    static LedgerEntry entry(String appropriationId, Entry e) {
        var b = LedgerEntry.newBuilder().setId(e.id()).setAppropriationId(appropriationId)
                .setKind(EntryKind.valueOf("ENTRY_KIND_" + e.kind().name())).setYear(e.year()).setAmount(money(e.amount()))
                .setEffectiveDate(date(e.effectiveDate()))
                .setRecordedTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(e.recordedAt().getEpochSecond())
                        .setNanos(e.recordedAt().getNano()))
                .setIdempotencyKey(e.idempotencyKey() == null ? "" : e.idempotencyKey())
                .setReservationId(e.holdId() == null ? "" : e.holdId()).setPreCommitment(e.preCommitment());
        if (e.decision() != null) {
            b.setDecision(ProtoTypes.decision(e.decision()));
        }
        return b.build();
    }

    static String requireId(String id) {
        if (id == null || id.isEmpty()) {
            throw new InvalidInput("appropriation_id", "the appropriation's id");
        }
        return id;
    }

    @Override
    public void getBalance(GetBalanceRequest request, StreamObserver<GetBalanceResponse> response) {
        answer(response, () -> {
            LocalDate asOf = request.hasAsOf() ? date(request.getAsOf(), "as_of") : null;
            GetBalanceResponse.Builder b = GetBalanceResponse.newBuilder().setAppropriationId(requireId(request.getAppropriationId()));
            for (YearBalance y : ledger.balance(request.getAppropriationId(), asOf)) {
                b.addYears(se.radhus.proto.finance.v1.YearBalance.newBuilder().setYear(y.year())
                        .setAppropriated(money(y.appropriated())).setReserved(money(y.reserved()))
                        .setCommitted(money(y.committed())).setRemaining(money(y.remaining()))
                        .setPreCommitted(money(y.preCommitted())));
            }
            return b.build();
        });
    }

    @Override
    public void reserveFunds(ReserveFundsRequest r, StreamObserver<ReserveFundsResponse> response) {
        answer(response, () -> {
            // a draft's reservation: the paragraph is being written, so there is no decision to verify yet
            String hold = "res-" + r.getIdempotencyKey();
            var req = new LedgerService.Request(r.getIdempotencyKey(), LedgerService.fingerprint("reserve", java.util.Base64.getEncoder().encodeToString(r.toByteArray())),
                    date(r.getEffectiveDate(), "effective_date"), decision(r.getDecision()));
            var applied = ledger.apply(requireId(r.getAppropriationId()), req, LedgerService.Scope.holds(hold),
                    p -> entries -> FundsControl.reserve(entries, p, hold, amounts(r.getAmountsList()), r.getAllowPreCommitment()));
            return ReserveFundsResponse.newBuilder().setReservationId(hold)
                    .addAllEntries(applied.entries().stream().map(e -> entry(r.getAppropriationId(), e)).toList()).build();
        });
    }

    @Override
    public void commitFunds(CommitFundsRequest r, StreamObserver<CommitFundsResponse> response) {
        answer(response, () -> {
            String hold = "com-" + r.getIdempotencyKey();
            decisions.verify(decision(r.getDecision()), true);
            var req = new LedgerService.Request(r.getIdempotencyKey(), LedgerService.fingerprint("commit", java.util.Base64.getEncoder().encodeToString(r.toByteArray())),
                    date(r.getEffectiveDate(), "effective_date"), decision(r.getDecision()));
            var applied = ledger.apply(requireId(r.getAppropriationId()), req, LedgerService.Scope.holds(hold, r.getReservationId()),
                    p -> entries -> FundsControl.commit(entries, p, hold, amounts(r.getAmountsList()), r.getReservationId(),
                            r.getAllowPreCommitment()));
            return CommitFundsResponse.newBuilder().setCommitmentId(hold)
                    .addAllEntries(applied.entries().stream().map(e -> entry(r.getAppropriationId(), e)).toList()).build();
        });
    }

    @Override
    public void releaseFunds(ReleaseFundsRequest r, StreamObserver<ReleaseFundsResponse> response) {
        answer(response, () -> {
            if (r.getReservationId().isEmpty()) {
                throw new InvalidInput("reservation_id", "the reservation or commitment to release");
            }
            var req = new LedgerService.Request(r.getIdempotencyKey(), LedgerService.fingerprint("release", java.util.Base64.getEncoder().encodeToString(r.toByteArray())),
                    date(r.getEffectiveDate(), "effective_date"), decision(r.getDecision()));
            var applied = ledger.apply(requireId(r.getAppropriationId()), req, LedgerService.Scope.holds(r.getReservationId()),
                    p -> entries -> FundsControl.release(entries, p, r.getReservationId()));
            return ReleaseFundsResponse.newBuilder()
                    .addAllEntries(applied.entries().stream().map(e -> entry(r.getAppropriationId(), e)).toList()).build();
        });
    }

    @Override
    public void createGrant(se.radhus.proto.finance.v1.CreateGrantRequest r,
                            StreamObserver<se.radhus.proto.finance.v1.CreateGrantResponse> response) {
        answer(response, () -> {
            DecisionRef d = decision(r.getDecision());
            if (GrantController.HTTP_ID.matcher(r.getGrantId()).matches()) {
                throw new InvalidInput("grant_id", "an effect's id; g- and 16 hex digits name grants created over HTTP");
            }
            // the grant rests on an adjusted decision: GrantService checks it, as for a grant made over HTTP
            var g = new se.radhus.finance.domain.Grant(r.getGrantId(), requireId(r.getAppropriationId()),
                    r.getPurpose().isEmpty() ? null : r.getPurpose(),
                    r.getRecipientsList().stream().map(x -> new se.radhus.finance.domain.Grant.Recipient(x.getName(),
                            amounts(x.getAmountsList()))).toList(),
                    r.getCondition().isEmpty() ? null : r.getCondition(),
                    r.getCondition().isEmpty() ? se.radhus.finance.domain.Grant.ConditionStatus.NONE
                            : se.radhus.finance.domain.Grant.ConditionStatus.CONDITIONAL,
                    se.radhus.finance.domain.Grant.Status.COMMITTED, d);
            if (!r.getSecrecyReference().isBlank() && secrecy != null) {
                secrecy.mark(r.getGrantId(), r.getSecrecyReference()); // before the grant: never public unmarked
            }
            var created = grants.create(g, date(r.getEffectiveDate(), "effective_date"), r.getAllowPreCommitment(),
                    r.getReservationId());
            log.info("CreateGrant {} from {}: grant {} on {}", r.getIdempotencyKey(), d, created.id(), r.getAppropriationId());
            return se.radhus.proto.finance.v1.CreateGrantResponse.newBuilder().setGrantId(created.id())
                    .addAllEntries(grants.entriesOf(created).stream().map(e -> entry(r.getAppropriationId(), e)).toList()).build();
        });
    }

    @Override
    public void listLedgerEntries(ListLedgerEntriesRequest r, StreamObserver<ListLedgerEntriesResponse> response) {
        answer(response, () -> {
            long count = ledger.load(requireId(r.getAppropriationId())).entryCount();
            int size = r.getPageSize() <= 0 ? 100 : Math.min(r.getPageSize(), 1000);
            long from = r.getPageToken().isEmpty() ? 0 : AppropriationController.offset(r.getPageToken());
            if (from < 0 || from > count) {
                throw new IllegalArgumentException("page_token is not one this list handed out");
            }
            long to = Math.min(count, from + size);
            return ListLedgerEntriesResponse.newBuilder()
                    .addAllEntries(ledger.ledger(r.getAppropriationId(), from, (int) (to - from)).stream()
                            .map(e -> entry(r.getAppropriationId(), e)).toList())
                    .setNextPageToken(to < count ? Pages.encodeToken(Long.toString(to)) : "").build();
        });
    }

    /** Marks what an annulled decision made here for review; nothing is undone. */
    @Override
    public void flagForReview(se.radhus.proto.finance.v1.FlagForReviewRequest r, StreamObserver<se.radhus.proto.finance.v1.FlagForReviewResponse> response) {
        answer(response, () -> {
            var decision = r.hasDecision() ? se.radhus.proto.ProtoTypes.decision(r.getDecision()) : null;
            java.util.function.Predicate<String> held = id -> { try { grants.get(id); return true; } catch (se.radhus.common.api.ProblemException e) { return false; } };
            return se.radhus.proto.finance.v1.FlagForReviewResponse.newBuilder()
                    .addAllFlagged(reviews.flag(r.getIdsList(), held, decision, r.getReason())).build();
        });
    }
}
