package se.radhus.procurement.api;

import se.radhus.testsupport.MeetingsPeer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import se.radhus.proto.procurement.v1.ApproveTenderDocumentsRequest;
import se.radhus.proto.procurement.v1.GetContractRequest;
import se.radhus.proto.procurement.v1.GetProcurementRequest;
import se.radhus.proto.procurement.v1.ProcurementServiceGrpc;
import se.radhus.proto.procurement.v1.ProcurementState;

/**
 * The seed's three procurements through the API with every fact the seed gives, the lifecycle to a
 * contract, and every OCDS package produced validated against the shared OCDS 1.1.5 schema.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcurementApiTest implements TestPropertyProvider {

    static final Path OCDS = Path.of("../testdata/schemas/ocds-1.1.5");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Inject
    ProcurementGrpcService grpc;

    private final HttpClient http = HttpClient.newHttpClient();
    private JsonSchema ocdsSchema;

    MeetingsPeer meetings;

    @org.junit.jupiter.api.AfterAll
    void stopPeer() {
        meetings.close();
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            // the seed's § 178-180, and the earlier decisions the steps before them rest on (ks § 50, ks-nau § 10, § 40)
            meetings = new MeetingsPeer().decision("ks-nau", 180, true).decision("ks-nau", 179, true).decision("ks-nau", 178, true)
                    .decision("ks", 50, true).decision("ks-nau", 10, true).decision("ks-nau", 40, true);
            var props = new java.util.HashMap<String, String>(TestAuth.properties());
            props.putAll(Map.of("radhus.data-dir", Files.createTempDirectory("procurement-test").toString(),
                    "grpc.server.port", "0", "micronaut.server.port", "-1", "radhus.meetings.grpc", meetings.target()));
            return props;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Authorization", TestAuth.bearer("admin"));
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(HttpResponse<String> r) throws Exception {
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    void assertValidOcds() throws Exception {
        if (ocdsSchema == null) {
            String base = "https://standard.open-contracting.org/schema/1__1__5/";
            Map<String, String> schemas = Map.of(
                    base + "release-package-schema.json", Files.readString(OCDS.resolve("release-package-schema.json")),
                    base + "release-schema.json", Files.readString(OCDS.resolve("release-schema.json")));
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                    b -> b.schemaLoaders(l -> l.schemas(schemas)));
            ocdsSchema = factory.getSchema(SchemaLocation.of(base + "release-package-schema.json"));
        }
        JsonNode pkg = ok(send("GET", "/api/ocds/releases", null));
        Set<ValidationMessage> errors = ocdsSchema.validate(pkg);
        assertTrue(errors.isEmpty(), errors + "\n" + pkg.toPrettyString());
    }

    static final String LAB = """
            {"id":"laboratorietjanster-2024","number":"LAB-2024","title":"Laboratorietjänster 2024","caseNumber":"KS-2023/00728",
             "leadBuyer":"Umeå kommun","participatingBuyers":["Kommuner och kommunala bolag i Västerbotten och Ångermanland"],
             "type":"FRAMEWORK_AGREEMENT","procedure":"OPEN","category":"SERVICES","startedOn":"2024-01-10",
             "estimatedValuePerYear":{"ore":1000000000,"currency":"SEK"},
             "contractStart":"2024-06-01","contractEnd":"2026-05-31","extensionYears":[1,1],
             "evaluationBasis":"BEST_PRICE_QUALITY","alternativeBidsAllowed":false,"requirements":[],"documents":[]}""";

    static final String CHAIRS = """
            {"id":"p-23310","number":"23310","title":"Stolar Aula Maja Beskowskolan","caseNumber":"KS-2024/00449",
             "leadBuyer":"Umeå kommun","leadBuyerOrganisationNumber":"212000-2627","type":"CONTRACT","procedure":"OPEN","category":"GOODS",
             "evaluationBasis":"BEST_PRICE_QUALITY","alternativeBidsAllowed":true,
             "requirements":["miljökrav","sysselsättningskrav"],"documents":[]}""";

    static final String TELEPHONY = """
            {"id":"p-24115","number":"24115","title":"Serviceavtal telefoniplattform","caseNumber":"KS-2024/00464",
             "leadBuyer":"Umeå kommun","leadBuyerOrganisationNumber":"212000-2627","type":"CONTRACT","procedure":"OPEN",
             "category":"SERVICES","startedOn":"2024-05-21","estimatedValuePerYear":{"ore":300000000,"currency":"SEK"},
             "contractStart":"2024-10-01","contractEnd":"2027-09-30","extensionYears":[1,1],
             "evaluationBasis":"BEST_PRICE_QUALITY","requirements":[],"documents":["Avtalet","Ska krav, Utvärdering","Upphandlingsförskrifter"]}""";

    @Test
    @Order(1)
    void theSeedsThreeProcurementsHoldEveryFactTheSeedGives() throws Exception {
        JsonNode lab = ok(send("POST", "/api/procurements", LAB));
        assertEquals("FRAMEWORK_AGREEMENT", lab.at("/procurement/type").asText());
        assertEquals("EU", lab.at("/regime/regime").asText(), "10 MSEK a year is above the EU threshold");
        assertEquals(1000000000L, lab.at("/procurement/estimatedValuePerYear/ore").asLong());
        assertEquals("2026-05-31", lab.at("/procurement/contractEnd").asText());
        JsonNode chairs = ok(send("POST", "/api/procurements", CHAIRS));
        assertTrue(chairs.at("/procurement/alternativeBidsAllowed").asBoolean());
        assertEquals("[\"miljökrav\",\"sysselsättningskrav\"]", chairs.at("/procurement/requirements").toString());
        JsonNode phone = ok(send("POST", "/api/procurements", TELEPHONY));
        assertEquals("[\"TENDER_DOCUMENTS_APPROVED\",\"CANCELLED\"]", phone.at("/allowedNextSteps").toString());

        // § 180: the tender documents of 24115 approved
        JsonNode approved = ok(send("POST", "/api/procurements/p-24115/tender-documents/approval",
                "{\"decision\":{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2024-05-21\",\"paragraph\":180,\"caseNumber\":\"KS-2024/00464\"}}"));
        assertEquals("TENDER_DOCUMENTS_APPROVED", approved.at("/procurement/state").asText());
        assertEquals(180, approved.at("/procurement/tenderDocumentsDecision/paragraph").asInt());

        // § 179: 23310 through its steps to the award to Input Interiör AB for 1 452 384 kr
        ok(send("POST", "/api/procurements/p-23310/tender-documents/approval",
                "{\"decision\":{\"bodyId\":\"ks\",\"meetingDate\":\"2024-02-13\",\"paragraph\":50}}"));
        ok(send("POST", "/api/procurements/p-23310/publication", "{\"publishedOn\":\"2024-02-20\",\"bidDeadline\":\"2024-03-25\"}"));
        StringBuilder bids = new StringBuilder("{\"bids\":[");
        for (int i = 1; i <= 5; i++) {
            bids.append("{\"id\":\"").append(i).append("\",\"alternative\":false,\"qualified\":true},");
        }
        bids.append("{\"id\":\"6\",\"supplier\":\"Input Interiör AB\",\"price\":{\"ore\":145238400,\"currency\":\"SEK\"},")
                .append("\"alternative\":true,\"qualified\":true}]}");
        JsonNode opened = ok(send("POST", "/api/procurements/p-23310/bids", bids.toString()));
        assertEquals(6, opened.at("/procurement/bids").size());
        HttpResponse<String> computed = send("POST", "/api/procurements/p-23310/evaluation", null);
        assertEquals(409, computed.statusCode(), "bids with no price cannot be scored by the model");
        assertTrue(computed.body().contains("bid-unknown"));
        // § 179: "Juryn föreslår att alternativ 2 (omklädning av befintliga stolar) tilldelas kontraktet, med hänvisning till
        // miljöperspektivet och en lägre kostnad." A jury's choice with its reasons, no points
        JsonNode jury = ok(send("POST", "/api/procurements/p-23310/evaluation", """
                {"jury":{"bidId":"6","reasons":"Alternativ 2 (omklädning av befintliga stolar), med hänvisning till miljöperspektivet och en lägre kostnad."}}"""));
        assertEquals("JURY", jury.at("/procurement/evaluationMethod").asText());
        assertEquals("6", jury.at("/procurement/evaluation/0/bidId").asText());
        assertTrue(jury.at("/procurement/evaluation/0/total").isMissingNode() || jury.at("/procurement/evaluation/0/total").isNull());
        JsonNode awarded = ok(send("POST", "/api/procurements/p-23310/award", """
                {"suppliers":[{"name":"Input Interiör AB","rank":1}],"value":{"ore":145238400,"currency":"SEK"},
                 "decision":{"bodyId":"ks-nau","meetingDate":"2024-05-21","paragraph":179,"caseNumber":"KS-2024/00449"},
                 "sentOn":"2024-05-23","sentElectronically":true}"""));
        assertEquals("AWARDED", awarded.at("/procurement/state").asText());
        assertEquals("Input Interiör AB", awarded.at("/procurement/award/suppliers/0/name").asText());
        assertEquals(145238400L, awarded.at("/procurement/award/value/ore").asLong());
        // LOU 20 kap. 1 §: ten days from Thu 2024-05-23 is Sun 06-02; lag 1930:173 moves the last day to Mon 06-03
        assertEquals("2024-06-03", awarded.at("/procurement/award/standstillEnd").asText());
        assertEquals("6", awarded.at("/procurement/award/suppliers/0/bidId").asText());
        assertEquals(179, awarded.at("/procurement/award/decision/paragraph").asInt());
        assertValidOcds();
    }

    @Test
    @Order(2)
    void aStepOutOfOrderIs409NamingTheAllowedSteps() throws Exception {
        HttpResponse<String> r = send("POST", "/api/procurements/laboratorietjanster-2024/award", """
                {"suppliers":[{"name":"X","rank":1}],"value":{"ore":1,"currency":"SEK"},"decision":{"bodyId":"ks-nau","meetingDate":"2024-05-21","paragraph":178},
                 "sentOn":"2024-05-23"}""");
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("procurement-step") && r.body().contains("TENDER_DOCUMENTS_APPROVED"), r.body());
        HttpResponse<String> early = send("POST", "/api/procurements/p-23310/contract", "{\"signedOn\":\"2024-06-02\"}");
        assertEquals(409, early.statusCode());
        assertTrue(early.body().contains("standstill") && early.body().contains("2024-06-03"), early.body());
    }

    @Test
    @Order(3)
    void signingMakesAContractWithItsPeriodAndItIsInTheExpiryRegister() throws Exception {
        HttpResponse<String> lastDay = send("POST", "/api/procurements/p-23310/contract", "{\"signedOn\":\"2024-06-03\"}");
        assertEquals(409, lastDay.statusCode(), "signed on the standstill's last day: " + lastDay.body());
        JsonNode signed = ok(send("POST", "/api/procurements/p-23310/contract", "{\"signedOn\":\"2024-06-04\"}"));
        assertEquals("CONTRACTED", signed.at("/procurement/state").asText());
        assertEquals(1, signed.at("/contracts").size());
        JsonNode contract = ok(send("GET", "/api/contracts/p-23310-1", null));
        assertEquals("Input Interiör AB", contract.at("/contract/supplier").asText());
        assertValidOcds();
        // the framework agreement for laboratory services, contracted and extended
        ok(send("POST", "/api/procurements/laboratorietjanster-2024/tender-documents/approval",
                "{\"decision\":{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2024-01-16\",\"paragraph\":10}}"));
        ok(send("POST", "/api/procurements/laboratorietjanster-2024/publication", "{\"publishedOn\":\"2024-02-01\",\"bidDeadline\":\"2024-03-01\"}"));
        ok(send("POST", "/api/procurements/laboratorietjanster-2024/bids", """
                {"bids":[{"id":"1","supplier":"Lab Ett AB","organisationNumber":"556036-0793","price":{"ore":900000000,"currency":"SEK"},"qualified":true,
                          "scores":{"kvalitet":8}},
                         {"id":"2","supplier":"Lab Två AB","price":{"ore":1000000000,"currency":"SEK"},"qualified":false,"reason":"krav ej uppfyllda"}]}"""));
        ok(send("POST", "/api/procurements/laboratorietjanster-2024/evaluation", "{\"points\":[{\"bidId\":\"1\",\"points\":{\"pris\":60,\"kvalitet\":32}}]}"));
        ok(send("POST", "/api/procurements/laboratorietjanster-2024/award", """
                {"suppliers":[{"name":"Lab Ett AB","organisationNumber":"5560360793","rank":1}],"value":{"ore":4000000000,"currency":"SEK"},
                 "valueReason":"Ramavtalets uppskattade volym, ca 10 miljoner per avtalsår i fyra år.",
                 "decision":{"bodyId":"ks-nau","meetingDate":"2024-05-21","paragraph":178,"caseNumber":"KS-2023/00728"},
                 "sentOn":"2024-05-22","sentElectronically":false}"""));
        // 15 days from Wed 2024-05-22 is the national day, so the standstill runs to Fri 06-07
        assertEquals(409, send("POST", "/api/procurements/laboratorietjanster-2024/contract", "{\"signedOn\":\"2024-06-07\"}").statusCode());
        ok(send("POST", "/api/procurements/laboratorietjanster-2024/contract", "{\"signedOn\":\"2024-06-10\"}"));
        JsonNode lab = ok(send("GET", "/api/contracts/laboratorietjanster-2024-1", null));
        assertEquals("2028-05-31", lab.at("/latestPossibleEnd").asText());
        assertEquals(2, lab.at("/extensionsLeft").asInt());
        assertTrue(!lab.at("/frameworkOverFourYears").asBoolean());
        JsonNode expiring = ok(send("GET", "/api/contracts?expiringFrom=2026-01-01&expiringTo=2026-12-31", null));
        assertEquals(1, expiring.at("/items").size());
        JsonNode extended = ok(send("POST", "/api/contracts/laboratorietjanster-2024-1/extensions",
                "{\"decision\":{\"bodyId\":\"ks-nau\",\"meetingDate\":\"2026-03-03\",\"paragraph\":40},\"date\":\"2026-03-10\"}"));
        assertEquals("2027-05-31", extended.at("/currentEnd").asText());
        assertEquals(40, extended.at("/contract/extensionDecisions/0/paragraph").asInt());
        assertEquals("2026-03-10", extended.at("/contract/extensions/0/on").asText());
        assertEquals(1, extended.at("/extensionsLeft").asInt());
        assertValidOcds();
    }

    @Test
    @Order(4)
    void theGrpcContractApprovesIdempotentlyAndReadsContracts() throws Exception {
        String name = InProcessServerBuilder.generateName();
        Server s = InProcessServerBuilder.forName(name).directExecutor().addService(grpc).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        try {
            var stub = ProcurementServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
            var d = se.radhus.proto.common.v1.DecisionRef.newBuilder().setBodyId("ks-nau")
                    .setMeetingDate(se.radhus.proto.common.v1.Date.newBuilder().setYear(2024).setMonth(5).setDay(21)).setParagraph(180).build();
            // the HTTP test approved 24115 with § 180 and its case number; the same decision without it is another decision
            StatusRuntimeException other = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                    () -> stub.approveTenderDocuments(ApproveTenderDocumentsRequest.newBuilder().setIdempotencyKey("x")
                            .setProcurementId("p-24115").setDecision(d).build()));
            assertEquals(Status.Code.FAILED_PRECONDITION, other.getStatus().getCode());
            StatusRuntimeException unknown = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                    () -> stub.approveTenderDocuments(ApproveTenderDocumentsRequest.newBuilder().setIdempotencyKey("y")
                            .setProcurementId("p-24115").setDecision(d.toBuilder().setParagraph(999)).build()));
            assertEquals("DECISION_UNKNOWN", se.radhus.proto.GrpcErrors.info(unknown).orElseThrow().getReason());
            var same = d.toBuilder().setCaseNumber(se.radhus.proto.common.v1.Diarienummer.newBuilder().setRegistry("KS").setYear(2024).setSequence(464)).build();
            for (int i = 0; i < 2; i++) {
                var p = stub.approveTenderDocuments(ApproveTenderDocumentsRequest.newBuilder().setIdempotencyKey("e-180")
                        .setProcurementId("p-24115").setDecision(same).build()).getProcurement();
                assertEquals(ProcurementState.PROCUREMENT_STATE_TENDER_DOCUMENTS_APPROVED, p.getState());
            }
            // an award on a decision that is not adjusted is refused; with meetings down, unavailable
            meetings.decision("ks-nau", 178, false);
            var award = se.radhus.proto.procurement.v1.RecordAwardRequest.newBuilder().setIdempotencyKey("a").setProcurementId("laboratorietjanster-2024")
                    .setDecision(d.toBuilder().setParagraph(178)).setSentDate(d.getMeetingDate()).build();
            StatusRuntimeException draft = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class, () -> stub.recordAward(award));
            assertEquals("DECISION_NOT_ADJUSTED", se.radhus.proto.GrpcErrors.info(draft).orElseThrow().getReason());
            meetings.down = true;
            StatusRuntimeException down = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class, () -> stub.recordAward(award));
            assertEquals(Status.Code.UNAVAILABLE, down.getStatus().getCode());
            meetings.down = false;
            var chairs = stub.getProcurement(GetProcurementRequest.newBuilder().setId("p-23310").build()).getProcurement();
            assertEquals("Input Interiör AB", chairs.getAwardedSuppliers(0).getName());
            assertEquals(145238400L, chairs.getAwardValue().getOre());
            assertEquals("Input Interiör AB", stub.getContract(GetContractRequest.newBuilder().setId("p-23310-1").build()).getContract().getSupplier().getName());
            StatusRuntimeException missing = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                    () -> stub.getProcurement(GetProcurementRequest.newBuilder().setId("none").build()));
            assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
        } finally {
            channel.shutdownNow();
            s.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(5)
    void badInputIsNamed() throws Exception {
        HttpResponse<String> bad = send("POST", "/api/procurements", "{\"id\":\"\",\"number\":\"\",\"title\":\"\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"field\":\"number\"") && bad.body().contains("\"field\":\"type\""), bad.body());
        HttpResponse<String> unknown = send("POST", "/api/procurements/p-23310/cancellation", "{\"reason\":\"x\",\"urgent\":true}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"field\":\"urgent\""), unknown.body());
        assertEquals(409, send("POST", "/api/procurements", TELEPHONY).statusCode());
        assertEquals(404, send("GET", "/api/procurements/none", null).statusCode());
        HttpResponse<String> thresholds = send("GET", "/api/thresholds", null);
        assertTrue(thresholds.body().contains("DIRECT_AWARD_LIMIT"), thresholds.body());
    }
}
