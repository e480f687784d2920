package se.radhus.procurement.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.radhus.common.store.MongoConnection;
import se.radhus.common.store.MongoSettings;
import se.radhus.procurement.domain.Procurement;
import se.radhus.procurement.domain.ProcurementState;
import se.radhus.procurement.store.ContractStore;
import se.radhus.procurement.store.ProcurementStore;
import se.radhus.proto.procurement.v1.GetContractRequest;
import se.radhus.proto.procurement.v1.GetProcurementRequest;
import se.radhus.proto.procurement.v1.ProcurementServiceGrpc;

class ProcurementGrpcServiceTest {

    @TempDir
    Path dataDir;
    MongoConnection mongo;
    Server server;
    ManagedChannel channel;
    ProcurementServiceGrpc.ProcurementServiceBlockingStub stub;
    ProcurementStore procurements;

    @BeforeEach
    void start() throws Exception {
        mongo = MongoConnection.open(new MongoSettings("", "procurement-test", dataDir, 0));
        procurements = new ProcurementStore(mongo.database());
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(new ProcurementGrpcService(procurements, new ContractStore(mongo.database()))).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        stub = ProcurementServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        mongo.close();
    }

    @Test
    void getProcurementMapsTheState() {
        procurements.insert(new Procurement("p-24115", "24115", "Serviceavtal telefoniplattform", "KS-2024/00464",
                ProcurementState.PLANNING));
        var p = stub.getProcurement(GetProcurementRequest.newBuilder().setId("p-24115").build()).getProcurement();
        assertEquals("24115", p.getNumber());
        assertEquals(se.radhus.proto.procurement.v1.ProcurementState.PROCUREMENT_STATE_PLANNING, p.getState());
    }

    @Test
    void unknownProcurementsAndContractsAreNotFound() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> stub.getProcurement(GetProcurementRequest.newBuilder().setId("none").build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        StatusRuntimeException c = assertThrows(StatusRuntimeException.class,
                () -> stub.getContract(GetContractRequest.newBuilder().setId("none").build()));
        assertEquals(Status.Code.NOT_FOUND, c.getStatus().getCode());
    }

    @Test
    void everyDomainStateHasAContractState() {
        for (ProcurementState s : ProcurementState.values()) {
            assertEquals("PROCUREMENT_STATE_" + s.name(),
                    se.radhus.proto.procurement.v1.ProcurementState.valueOf("PROCUREMENT_STATE_" + s.name()).name());
        }
    }
}
