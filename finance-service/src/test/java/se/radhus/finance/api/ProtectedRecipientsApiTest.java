package se.radhus.finance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import se.radhus.testsupport.MeetingsPeer;
import se.radhus.testsupport.TestIssuer;

/**
 * A grant to a person with a protected identity: finance learns who is protected from meetings-service
 * (gRPC), hides them from the public in the recipients and the purpose, shows them to registrator,
 * sekreterare and admin, and hides every recipient from the public while meetings-service cannot answer.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProtectedRecipientsApiTest implements TestPropertyProvider {

    static final String EKONOM = TestIssuer.bearerFor("anna", "ekonom");

    @Inject
    EmbeddedServer server;

    @Inject
    FinanceGrpcService grpc;

    MeetingsPeer meetings;
    private final HttpClient http = HttpClient.newHttpClient();
    String grantId;

    @Override
    public Map<String, String> getProperties() {
        try {
            meetings = new MeetingsPeer().decision("ks-nau", 181, true).protectedPerson("Elisabet Lann", "KD");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> props = new HashMap<>(TestAuth.service("finance-protected"));
        props.put("radhus.meetings.grpc", meetings.target());
        props.put("radhus.protected-persons.fresh", "0s"); // ask meetings-service on every read
        return props;
    }

    @AfterAll
    void stopPeer() {
        meetings.close();
    }

    HttpResponse<String> send(String method, String path, String auth, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path));
        if (!method.equals("GET")) {
            b.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
        }
        if (auth != null) {
            b.header("Authorization", auth);
        }
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void aCommittedGrantToAProtectedPerson() throws Exception {
        assertEquals(201, send("POST", "/api/appropriations", EKONOM, """
                {"id":"pr-anslag","name":"Anslag","ownerBodyId":"ks","effectiveDate":"2024-01-01",
                 "amounts":[{"year":2024,"amount":{"ore":100000000}}]}""").statusCode());
        HttpResponse<String> r = send("POST", "/api/grants", EKONOM, """
                {"appropriationId":"pr-anslag","purpose":"Bidrag enligt ansökan från E. Lann",
                 "recipients":[{"name":"Elisabet Lann","amounts":[{"year":2024,"amount":{"ore":500000}}]},
                               {"name":"Föreningen Gläntan","amounts":[{"year":2024,"amount":{"ore":100000}}]}],
                 "status":"COMMITTED","decision":{"bodyId":"ks-nau","meetingDate":"2024-05-21","paragraph":181},"effectiveDate":"2024-05-23"}""");
        assertEquals(201, r.statusCode(), r.body());
        var m = java.util.regex.Pattern.compile("\"id\":\"(g-[0-9a-f]{16})\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        grantId = m.group(1);
    }

    @Test
    @Order(2)
    void thePublicAndStaffNotEntitledSeeNoName() throws Exception {
        for (String who : new String[] {null, EKONOM, TestIssuer.bearerFor("h", "handlaggare")}) {
            for (String path : new String[] {"/api/grants/" + grantId, "/api/grants?appropriationId=pr-anslag"}) {
                HttpResponse<String> r = send("GET", path, who, null);
                assertEquals(200, r.statusCode(), r.body());
                assertFalse(r.body().contains("Lann") || r.body().contains("Elisabet"), path + ": " + r.body());
                assertTrue(r.body().contains("Skyddad identitet") && r.body().contains("Föreningen Gläntan"), r.body());
            }
        }
    }

    @Test
    @Order(2)
    void registratorSekreterareAndAdminSeeIt() throws Exception {
        for (String role : new String[] {"registrator", "sekreterare", "admin"}) {
            HttpResponse<String> r = send("GET", "/api/grants/" + grantId, TestIssuer.bearerFor("x", role), null);
            assertTrue(r.body().contains("Elisabet Lann") && r.body().contains("E. Lann"), role + ": " + r.body());
        }
    }

    @Test
    @Order(3)
    void aGrantOfASecretDecisionShowsThePublicOnlyItsProvision() throws Exception {
        var request = se.radhus.proto.finance.v1.CreateGrantRequest.newBuilder().setIdempotencyKey("ks-nau-2024-05-21-181-9")
                .setGrantId("ks-nau-2024-05-21-181-9").setAppropriationId("pr-anslag").setPurpose("Stöd till familjen Hemligsson")
                .addRecipients(se.radhus.proto.finance.v1.GrantRecipient.newBuilder().setName("Familjen Hemligsson")
                        .addAmounts(se.radhus.proto.common.v1.YearAmount.newBuilder().setYear(2024)
                                .setAmount(se.radhus.proto.common.v1.Money.newBuilder().setOre(10000).setCurrencyCode("SEK"))))
                .setDecision(se.radhus.proto.common.v1.DecisionRef.newBuilder().setBodyId("ks-nau")
                        .setMeetingDate(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(21)).setParagraph(181))
                .setEffectiveDate(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(21))
                .setSecrecyReference("OSL 26 kap. 1 §").build();
        var done = new java.util.concurrent.CompletableFuture<Object>();
        grpc.createGrant(request, new io.grpc.stub.StreamObserver<>() {
            public void onNext(se.radhus.proto.finance.v1.CreateGrantResponse v) { done.complete(v); }
            public void onError(Throwable t) { done.complete(t); }
            public void onCompleted() { }
        });
        assertTrue(done.get() instanceof se.radhus.proto.finance.v1.CreateGrantResponse, String.valueOf(done.get()));
        for (String path : new String[] {"/api/grants/ks-nau-2024-05-21-181-9", "/api/grants?appropriationId=pr-anslag"}) {
            String pub = send("GET", path, null, null).body();
            assertFalse(pub.contains("Hemligsson"), pub);
            assertTrue(pub.contains("Sekretess enligt OSL 26 kap. 1 §"), pub);
        }
        assertTrue(send("GET", "/api/grants/ks-nau-2024-05-21-181-9", TestIssuer.bearerFor("s", "sekreterare"), null).body().contains("Hemligsson"));
    }

    @Test
    @Order(4)
    void whileMeetingsCannotSayEveryRecipientIsHiddenFromThePublic() throws Exception {
        meetings.down = true;
        try {
            HttpResponse<String> r = send("GET", "/api/grants/" + grantId, null, null);
            assertEquals(200, r.statusCode(), r.body());
            assertFalse(r.body().contains("Lann") || r.body().contains("Gläntan"), r.body());
            assertTrue(r.body().contains("Skyddad identitet"), r.body());
        } finally {
            meetings.down = false;
        }
    }
}
