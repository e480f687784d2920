package se.radhus.finance.api;

import se.radhus.testsupport.MeetingsPeer;
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
    se.radhus.finance.service.LedgerService ledger;
    MeetingsPeer peer;

    @BeforeEach
    void start() throws Exception {
        mongo = MongoConnection.open(new MongoSettings("", "finance-test", dataDir, 0));
        store = new AppropriationStore(mongo.database());
        ledger = new se.radhus.finance.service.LedgerService(store);
        peer = new MeetingsPeer().decision("ks-nau", 181, true);
        var verifier = new se.radhus.micronaut.client.DecisionVerifier(peer.channel);
        var grants = new se.radhus.finance.service.GrantService(new se.radhus.finance.store.GrantStore(mongo.database()), ledger, verifier);
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(new FinanceGrpcService(ledger, grants, verifier,
                        new se.radhus.micronaut.Reviews(mongo.database()))).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        stub = FinanceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        peer.close();
        mongo.close();
    }

    void tillvaxt() {
        var a = new se.radhus.finance.domain.Appropriation("ks-tillvaxt", "Tillväxtanslaget", "ks", "SEK");
        java.util.List<se.radhus.finance.domain.Entry> opening = new java.util.ArrayList<>();
        int[] years = {2024, 2025, 2026};
        long[] kronor = {1_478_200, 3_007_400, 9_296_200};
        for (int i = 0; i < 3; i++) {
            var p = new se.radhus.finance.domain.FundsControl.Posting("open-" + i, "create", java.time.Instant.now(),
                    java.time.LocalDate.of(2024, 1, 1), null, "SEK");
            opening.addAll(se.radhus.finance.domain.FundsControl.allocate(opening, p, years[i], Money.kronor(kronor[i])));
        }
        store.insert(a, opening);
    }

    static se.radhus.proto.common.v1.YearAmount amount(int year, long kronor) {
        return se.radhus.proto.common.v1.YearAmount.newBuilder().setYear(year).setAmount(
                se.radhus.proto.common.v1.Money.newBuilder().setOre(kronor * 100).setCurrencyCode("SEK")).build();
    }

    static final se.radhus.proto.common.v1.DecisionRef NSSO = se.radhus.proto.common.v1.DecisionRef.newBuilder()
            .setBodyId("ks-nau").setMeetingDate(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(21))
            .setParagraph(181).setCaseNumber(se.radhus.proto.common.v1.Diarienummer.newBuilder().setRegistry("KS").setYear(2024).setSequence(361))
            .build();

    static se.radhus.proto.finance.v1.CommitFundsRequest commit(String key, long kronor2024) {
        return se.radhus.proto.finance.v1.CommitFundsRequest.newBuilder().setIdempotencyKey(key).setAppropriationId("ks-tillvaxt")
                .addAmounts(amount(2024, kronor2024)).setDecision(NSSO)
                .setEffectiveDate(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(21)).build();
    }

    @Test
    void balanceListsTheYearsInOrder() {
        tillvaxt();
        GetBalanceResponse r = stub.getBalance(GetBalanceRequest.newBuilder().setAppropriationId("ks-tillvaxt").build());
        assertEquals(3, r.getYearsCount());
        assertEquals(2024, r.getYears(0).getYear());
        assertEquals(147_820_000L, r.getYears(0).getRemaining().getOre());
        assertEquals("SEK", r.getYears(1).getAppropriated().getCurrencyCode());
    }

    @Test
    void theNssoCommitmentWithItsPreCommitmentAndAsOfDates() {
        tillvaxt();
        var request = se.radhus.proto.finance.v1.CommitFundsRequest.newBuilder().setIdempotencyKey("effect-181-1")
                .setAppropriationId("ks-tillvaxt").addAmounts(amount(2024, 20_000)).addAmounts(amount(2025, 100_000))
                .addAmounts(amount(2026, 100_000)).addAmounts(amount(2027, 80_000)).setAllowPreCommitment(true)
                .setDecision(NSSO).setEffectiveDate(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(21)).build();
        var committed = stub.commitFunds(request);
        assertEquals(4, committed.getEntriesCount());
        assertEquals(181, committed.getEntries(0).getDecision().getParagraph());
        var before = stub.getBalance(GetBalanceRequest.newBuilder().setAppropriationId("ks-tillvaxt")
                .setAsOf(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(20)).build());
        assertEquals(147_820_000L, before.getYears(0).getRemaining().getOre());
        var after = stub.getBalance(GetBalanceRequest.newBuilder().setAppropriationId("ks-tillvaxt")
                .setAsOf(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(21)).build());
        assertEquals(145_820_000L, after.getYears(0).getRemaining().getOre());
        assertEquals(290_740_000L, after.getYears(1).getRemaining().getOre());
        assertEquals(919_620_000L, after.getYears(2).getRemaining().getOre());
        assertEquals(8_000_000L, after.getYears(3).getPreCommitted().getOre());
        // the retry of the same request writes nothing and answers the same
        var again = stub.commitFunds(request);
        assertEquals(committed.getEntriesList(), again.getEntriesList());
        assertEquals(7, stub.listLedgerEntries(se.radhus.proto.finance.v1.ListLedgerEntriesRequest.newBuilder()
                .setAppropriationId("ks-tillvaxt").build()).getEntriesCount());
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        tillvaxt();
        stub.commitFunds(commit("k-1", 1_000));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.commitFunds(commit("k-1", 2_000)));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", se.radhus.proto.GrpcErrors.info(e).orElseThrow().getReason());
    }

    @Test
    void overcommittingIsFailedPreconditionNamingYearRemainingAndShortfall() {
        tillvaxt();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.commitFunds(commit("big", 1_500_000)));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        var info = se.radhus.proto.GrpcErrors.info(e).orElseThrow();
        assertEquals("INSUFFICIENT_FUNDS", info.getReason());
        assertEquals("finance.radhus", info.getDomain());
        assertEquals("2024", info.getMetadataOrThrow("year"));
        assertEquals("147820000", info.getMetadataOrThrow("remaining"));
        assertEquals("2180000", info.getMetadataOrThrow("shortfall"));
    }

    @Test
    void sixtyFourConcurrentCallersNeverOvercommit() throws Exception {
        tillvaxt();
        // 64 callers each commit 30 000 kr of 2024's 1 478 200 kr: at most 49 can succeed
        var pool = java.util.concurrent.Executors.newFixedThreadPool(64);
        var ok = new java.util.concurrent.atomic.AtomicInteger();
        var refused = new java.util.concurrent.atomic.AtomicInteger();
        var start = new java.util.concurrent.CountDownLatch(1);
        var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < 64; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    FinanceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS).commitFunds(commit("c-" + n, 30_000));
                    ok.incrementAndGet();
                } catch (StatusRuntimeException e) {
                    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        assertEquals(49, ok.get());
        assertEquals(15, refused.get());
        // a deadline of its own: the stub's (set at setup) may have run out while the 64 calls ran on a busy machine
        var balance = FinanceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS).getBalance(GetBalanceRequest.newBuilder().setAppropriationId("ks-tillvaxt").build());
        assertEquals(147_820_000L - 49 * 3_000_000L, balance.getYears(0).getRemaining().getOre());
        assertEquals(49 * 3_000_000L, balance.getYears(0).getCommitted().getOre());
    }

    @Test
    void aReservationIsCommittedAndAnotherReleased() {
        tillvaxt();
        var date = se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(14).build();
        var reserved = stub.reserveFunds(se.radhus.proto.finance.v1.ReserveFundsRequest.newBuilder().setIdempotencyKey("draft-181")
                .setAppropriationId("ks-tillvaxt").addAmounts(amount(2024, 20_000)).setDecision(NSSO).setEffectiveDate(date).build());
        var other = stub.reserveFunds(se.radhus.proto.finance.v1.ReserveFundsRequest.newBuilder().setIdempotencyKey("draft-x")
                .setAppropriationId("ks-tillvaxt").addAmounts(amount(2024, 5_000)).setDecision(NSSO).setEffectiveDate(date).build());
        stub.commitFunds(commit("adjusted-181", 20_000).toBuilder().setReservationId(reserved.getReservationId()).build());
        stub.releaseFunds(se.radhus.proto.finance.v1.ReleaseFundsRequest.newBuilder().setIdempotencyKey("drop-x")
                .setAppropriationId("ks-tillvaxt").setReservationId(other.getReservationId()).setEffectiveDate(date).build());
        var y2024 = stub.getBalance(GetBalanceRequest.newBuilder().setAppropriationId("ks-tillvaxt").build()).getYears(0);
        assertEquals(0, y2024.getReserved().getOre());
        assertEquals(2_000_000L, y2024.getCommitted().getOre());
        assertEquals(145_820_000L, y2024.getRemaining().getOre());
    }

    @Test
    void moneyMovesOnlyOnAnAdjustedDecisionThatMeetingsConfirms() {
        tillvaxt();
        peer.decision("ks-nau", 181, false);
        StatusRuntimeException draft = assertThrows(StatusRuntimeException.class, () -> stub.commitFunds(commit("d-1", 1_000)));
        assertEquals("DECISION_NOT_ADJUSTED", se.radhus.proto.GrpcErrors.info(draft).orElseThrow().getReason());
        peer.adjusted.clear();
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> stub.commitFunds(commit("d-2", 1_000)));
        assertEquals("DECISION_UNKNOWN", se.radhus.proto.GrpcErrors.info(unknown).orElseThrow().getReason());
        peer.down = true;
        StatusRuntimeException down = assertThrows(StatusRuntimeException.class, () -> stub.commitFunds(commit("d-3", 1_000)));
        assertEquals(Status.Code.UNAVAILABLE, down.getStatus().getCode());
        peer.down = false;
        peer.decision("ks-nau", 181, true);
        stub.commitFunds(commit("d-3", 1_000));
        assertEquals(1, stub.listLedgerEntries(se.radhus.proto.finance.v1.ListLedgerEntriesRequest.newBuilder()
                .setAppropriationId("ks-tillvaxt").build()).getEntriesCount() - 3);
    }

    @Test
    void aGrantFromADecisionReleasesTheDraftsReservationAndCommitsOnce() {
        tillvaxt();
        var date = se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(21).build();
        var draft = stub.reserveFunds(se.radhus.proto.finance.v1.ReserveFundsRequest.newBuilder().setIdempotencyKey("draft-181")
                .setAppropriationId("ks-tillvaxt").addAmounts(amount(2024, 20_000)).addAmounts(amount(2027, 80_000))
                .setAllowPreCommitment(true).setDecision(NSSO).setEffectiveDate(date).build());
        var request = se.radhus.proto.finance.v1.CreateGrantRequest.newBuilder().setIdempotencyKey("ks-nau-2024-05-21-181-1")
                .setGrantId("ks-nau-2024-05-21-181-1").setAppropriationId("ks-tillvaxt").setPurpose("NSSO")
                .addRecipients(se.radhus.proto.finance.v1.GrantRecipient.newBuilder().setName("North Sweden Stockholm Office")
                        .addAmounts(amount(2024, 20_000)).addAmounts(amount(2027, 80_000)))
                .setCondition("under förutsättning att övrig sökt medfinansiering beviljas").setDecision(NSSO)
                .setEffectiveDate(date).setAllowPreCommitment(true).setReservationId(draft.getReservationId()).build();
        var first = stub.createGrant(request);
        var again = stub.createGrant(request);
        assertEquals(first.getEntriesList(), again.getEntriesList());
        var y = stub.getBalance(GetBalanceRequest.newBuilder().setAppropriationId("ks-tillvaxt").build());
        assertEquals(0, y.getYears(0).getReserved().getOre());
        assertEquals(2_000_000L, y.getYears(0).getCommitted().getOre());
        assertEquals(8_000_000L, y.getYears(3).getPreCommitted().getOre());

        // kommunallagen 13 kap.: the decision is annulled; the grant is marked for review, nothing is undone
        var flag = se.radhus.proto.finance.v1.FlagForReviewRequest.newBuilder().addIds("ks-nau-2024-05-21-181-1").addIds("no-such-grant")
                .setDecision(NSSO).setReason("upphävt av Förvaltningsrätten i Umeå").build();
        assertEquals(java.util.List.of("ks-nau-2024-05-21-181-1"), stub.flagForReview(flag).getFlaggedList());
        assertEquals(java.util.List.of("ks-nau-2024-05-21-181-1"), stub.flagForReview(flag).getFlaggedList());
        var after = stub.getBalance(GetBalanceRequest.newBuilder().setAppropriationId("ks-tillvaxt").build());
        assertEquals(2_000_000L, after.getYears(0).getCommitted().getOre());
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
