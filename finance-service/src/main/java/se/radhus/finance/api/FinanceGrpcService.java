package se.radhus.finance.api;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;
import se.radhus.common.store.Pages;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.FundsControl;
import se.radhus.finance.domain.YearAmount;
import se.radhus.finance.domain.YearBalance;
import se.radhus.finance.service.LedgerService;
import se.radhus.proto.GrpcErrors;
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

    private final LedgerService ledger;
    private final se.radhus.finance.service.GrantService grants;
    private final se.radhus.micronaut.client.DecisionVerifier decisions;

    public FinanceGrpcService(LedgerService ledger, se.radhus.finance.service.GrantService grants,
                              se.radhus.micronaut.client.DecisionVerifier decisions) {
        this.ledger = ledger;
        this.grants = grants;
        this.decisions = decisions;
    }

    /** Runs a call, turning refusals into canonical gRPC errors with ErrorInfo. */
    static <T> void answer(StreamObserver<T> response, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RuleViolation e) {
            Map<String, String> meta = new HashMap<>();
            e.details().forEach((k, v) -> meta.put(k, v instanceof Map<?, ?> m && m.get("ore") != null
                    ? String.valueOf(m.get("ore")) : String.valueOf(v)));
            response.onError(GrpcErrors.of(Status.Code.FAILED_PRECONDITION, GrpcErrors.reason(e.rule()), DOMAIN, e.getMessage(), meta));
            return;
        } catch (InvalidInput | IllegalArgumentException e) {
            response.onError(GrpcErrors.of(Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT", DOMAIN, e.getMessage(), Map.of()));
            return;
        } catch (ProblemException e) {
            Status.Code code = switch (e.problem().status()) {
                case 404 -> Status.Code.NOT_FOUND;
                case 503 -> Status.Code.UNAVAILABLE;
                case 409 -> Status.Code.FAILED_PRECONDITION;
                default -> Status.Code.INVALID_ARGUMENT;
            };
            response.onError(GrpcErrors.of(code, GrpcErrors.reason(e.problem().type().substring(e.problem().type().lastIndexOf(':') + 1)),
                    DOMAIN, e.problem().detail(), Map.of()));
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }

    static LocalDate date(Date d, String field) {
        if (d == null || d.getYear() == 0) {
            throw new InvalidInput(field, "a date");
        }
        try {
            return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
        } catch (java.time.DateTimeException e) {
            throw new InvalidInput(field, "a calendar date");
        }
    }

    static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    static DecisionRef decision(se.radhus.proto.common.v1.DecisionRef d) {
        if (d == null || d.getBodyId().isEmpty()) {
            return null;
        }
        String caseNumber = d.hasCaseNumber() && !d.getCaseNumber().getRegistry().isEmpty()
                ? d.getCaseNumber().getRegistry() + "-" + d.getCaseNumber().getYear() + "/" + d.getCaseNumber().getSequence() : null;
        return new DecisionRef(d.getBodyId(), date(d.getMeetingDate(), "decision.meeting_date"), d.getParagraph(), caseNumber);
    }

    static se.radhus.proto.common.v1.DecisionRef decision(DecisionRef d) {
        var b = se.radhus.proto.common.v1.DecisionRef.newBuilder().setBodyId(d.bodyId()).setMeetingDate(date(d.meetingDate()))
                .setParagraph(d.paragraph());
        if (d.caseNumber() != null) {
            var n = se.radhus.common.diarium.Diarienummer.parse(d.caseNumber());
            b.setCaseNumber(se.radhus.proto.common.v1.Diarienummer.newBuilder().setRegistry(n.registry()).setYear(n.year())
                    .setSequence(n.sequence()));
        }
        return b.build();
    }

    static se.radhus.proto.common.v1.Money money(Money m) {
        return se.radhus.proto.common.v1.Money.newBuilder().setOre(m.ore()).setCurrencyCode(m.currency()).build();
    }

    static List<YearAmount> amounts(List<se.radhus.proto.common.v1.YearAmount> amounts) {
        if (amounts.isEmpty()) {
            throw new InvalidInput("amounts", "at least one amount per year");
        }
        return amounts.stream().map(a -> new YearAmount(a.getYear(), new Money(a.getAmount().getOre(),
                a.getAmount().getCurrencyCode().isEmpty() ? Money.SEK : a.getAmount().getCurrencyCode()))).toList();
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
            b.setDecision(decision(e.decision()));
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
            var applied = ledger.apply(requireId(r.getAppropriationId()), req,
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
            var applied = ledger.apply(requireId(r.getAppropriationId()), req,
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
            var applied = ledger.apply(requireId(r.getAppropriationId()), req,
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
            decisions.verify(d, true);
            var g = new se.radhus.finance.domain.Grant(r.getGrantId(), requireId(r.getAppropriationId()),
                    r.getPurpose().isEmpty() ? null : r.getPurpose(),
                    r.getRecipientsList().stream().map(x -> new se.radhus.finance.domain.Grant.Recipient(x.getName(),
                            amounts(x.getAmountsList()))).toList(),
                    r.getCondition().isEmpty() ? null : r.getCondition(),
                    r.getCondition().isEmpty() ? se.radhus.finance.domain.Grant.ConditionStatus.NONE
                            : se.radhus.finance.domain.Grant.ConditionStatus.CONDITIONAL,
                    se.radhus.finance.domain.Grant.Status.COMMITTED, d);
            var created = grants.create(g, date(r.getEffectiveDate(), "effective_date"), r.getAllowPreCommitment(),
                    r.getIdempotencyKey(), r.getReservationId());
            return se.radhus.proto.finance.v1.CreateGrantResponse.newBuilder().setGrantId(created.id())
                    .addAllEntries(grants.entriesOf(created).stream().map(e -> entry(r.getAppropriationId(), e)).toList()).build();
        });
    }

    @Override
    public void listLedgerEntries(ListLedgerEntriesRequest r, StreamObserver<ListLedgerEntriesResponse> response) {
        answer(response, () -> {
            List<Entry> all = ledger.load(requireId(r.getAppropriationId())).entries();
            int size = r.getPageSize() <= 0 ? 100 : Math.min(r.getPageSize(), 1000);
            int from = r.getPageToken().isEmpty() ? 0 : Integer.parseInt(Pages.decodeToken(r.getPageToken()));
            if (from < 0 || from > all.size()) {
                throw new IllegalArgumentException("page_token is not one this list handed out");
            }
            int to = Math.min(all.size(), from + size);
            return ListLedgerEntriesResponse.newBuilder()
                    .addAllEntries(all.subList(from, to).stream().map(e -> entry(r.getAppropriationId(), e)).toList())
                    .setNextPageToken(to < all.size() ? Pages.encodeToken(Integer.toString(to)) : "").build();
        });
    }
}
