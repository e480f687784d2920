package se.radhus.procurement.api;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.store.ContractStore;
import se.radhus.procurement.store.ProcurementStore;
import se.radhus.proto.procurement.v1.GetContractRequest;
import se.radhus.proto.procurement.v1.GetContractResponse;
import se.radhus.proto.procurement.v1.GetProcurementRequest;
import se.radhus.proto.procurement.v1.GetProcurementResponse;
import se.radhus.proto.procurement.v1.ProcurementServiceGrpc;
import se.radhus.proto.procurement.v1.ProcurementState;

/**
 * The procurement contract. The walking suite reads procurements and contracts; approving tender
 * documents and recording awards arrive with the procurement lifecycle and answer UNIMPLEMENTED until then.
 */
@Singleton
public class ProcurementGrpcService extends ProcurementServiceGrpc.ProcurementServiceImplBase {

    private final ProcurementStore procurements;
    private final ContractStore contracts;

    public ProcurementGrpcService(ProcurementStore procurements, ContractStore contracts) {
        this.procurements = procurements;
        this.contracts = contracts;
    }

    @Override
    public void getProcurement(GetProcurementRequest request, StreamObserver<GetProcurementResponse> response) {
        var found = procurements.find(request.getId());
        if (found.isEmpty()) {
            response.onError(Status.NOT_FOUND.withDescription("no procurement " + request.getId()).asRuntimeException());
            return;
        }
        Procurement p = found.get();
        response.onNext(GetProcurementResponse.newBuilder().setProcurement(
                se.radhus.proto.procurement.v1.Procurement.newBuilder()
                        .setId(p.id()).setNumber(p.number()).setTitle(p.title())
                        .setState(ProcurementState.valueOf("PROCUREMENT_STATE_" + p.state().name())))
                .build());
        response.onCompleted();
    }

    @Override
    public void getContract(GetContractRequest request, StreamObserver<GetContractResponse> response) {
        if (contracts.find(request.getId()).isEmpty()) {
            response.onError(Status.NOT_FOUND.withDescription("no contract " + request.getId()).asRuntimeException());
            return;
        }
        response.onError(Status.UNIMPLEMENTED.withDescription("contracts arrive with the procurement lifecycle")
                .asRuntimeException());
    }
}
