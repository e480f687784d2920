package se.radhus.finance.api;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import se.radhus.finance.store.AppropriationStore;
import se.radhus.proto.common.v1.Money;
import se.radhus.proto.finance.v1.FinanceServiceGrpc;
import se.radhus.proto.finance.v1.GetBalanceRequest;
import se.radhus.proto.finance.v1.GetBalanceResponse;
import se.radhus.proto.finance.v1.YearBalance;

/**
 * The finance contract. The walking suite answers balances from the appropriated amounts; reserve,
 * commit, release and the ledger arrive with funds control (the ledger) and answer UNIMPLEMENTED until
 * then.
 */
@Singleton
public class FinanceGrpcService extends FinanceServiceGrpc.FinanceServiceImplBase {

    private final AppropriationStore appropriations;

    public FinanceGrpcService(AppropriationStore appropriations) {
        this.appropriations = appropriations;
    }

    @Override
    public void getBalance(GetBalanceRequest request, StreamObserver<GetBalanceResponse> response) {
        if (request.getAppropriationId().isEmpty()) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("appropriation_id is required").asRuntimeException());
            return;
        }
        var found = appropriations.find(request.getAppropriationId());
        if (found.isEmpty()) {
            response.onError(Status.NOT_FOUND
                    .withDescription("no appropriation " + request.getAppropriationId()).asRuntimeException());
            return;
        }
        GetBalanceResponse.Builder answer = GetBalanceResponse.newBuilder().setAppropriationId(found.get().id());
        found.get().amounts().stream().sorted(java.util.Comparator.comparingInt(y -> y.year())).forEach(y -> {
            Money amount = Money.newBuilder().setOre(y.amount().ore()).setCurrencyCode(y.amount().currency()).build();
            Money zero = Money.newBuilder().setCurrencyCode(y.amount().currency()).build();
            answer.addYears(YearBalance.newBuilder().setYear(y.year()).setAppropriated(amount)
                    .setReserved(zero).setCommitted(zero).setRemaining(amount).setPreCommitted(zero));
        });
        response.onNext(answer.build());
        response.onCompleted();
    }
}
