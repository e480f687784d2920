package se.radhus.finance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.radhus.common.money.Money;
import se.radhus.common.store.MongoConnection;
import se.radhus.common.store.MongoSettings;
import se.radhus.finance.domain.Appropriation;
import se.radhus.finance.domain.YearAmount;
import se.radhus.finance.store.AppropriationStore;
import se.radhus.proto.finance.v1.FinanceServiceGrpc;
import se.radhus.proto.finance.v1.GetBalanceRequest;
import se.radhus.proto.finance.v1.GetBalanceResponse;

class FinanceGrpcServiceTest {

    @TempDir
    Path dataDir;
    MongoConnection mongo;
    Server server;
    ManagedChannel channel;
    FinanceServiceGrpc.FinanceServiceBlockingStub stub;
    AppropriationStore store;

    @BeforeEach
    void start() throws Exception {
        mongo = MongoConnection.open(new MongoSettings("", "finance-test", dataDir, 0));
        store = new AppropriationStore(mongo.database());
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(new FinanceGrpcService(store)).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        stub = FinanceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        mongo.close();
    }

    @Test
    void balanceListsTheYearsInOrder() {
        store.insert(new Appropriation("ks-tillvaxt", "Tillväxtanslaget", "ks", List.of(
                new YearAmount(2025, Money.kronor(3_007_400)), new YearAmount(2024, Money.kronor(1_478_200)))));
        GetBalanceResponse r = stub.getBalance(GetBalanceRequest.newBuilder().setAppropriationId("ks-tillvaxt").build());
        assertEquals(2, r.getYearsCount());
        assertEquals(2024, r.getYears(0).getYear());
        assertEquals(147_820_000L, r.getYears(0).getRemaining().getOre());
        assertEquals("SEK", r.getYears(1).getAppropriated().getCurrencyCode());
    }

    @Test
    void anUnknownAppropriationIsNotFound() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> stub.getBalance(GetBalanceRequest.newBuilder().setAppropriationId("none").build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    }

    @Test
    void aMissingIdIsInvalidArgument() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> stub.getBalance(GetBalanceRequest.getDefaultInstance()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    }
}
