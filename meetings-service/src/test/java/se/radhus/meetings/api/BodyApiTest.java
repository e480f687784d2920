package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
class BodyApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestContext.register(registry);
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.web.server.context.WebServerApplicationContext server;

    private final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestAuth.bearer("admin"))
                .header("X-Request-Id", "test-1");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createsReadsAndListsBodiesAsATree() throws Exception {
        assertThat(send("POST", "/api/bodies", """
                {"id":"kf","name":"Kommunfullmäktige","shortName":"KF","diariumPrefix":"KF"}""").statusCode()).isEqualTo(201);
        HttpResponse<String> ks = send("POST", "/api/bodies", """
                {"id":"ks","name":"Kommunstyrelsen","shortName":"KS","parentId":"kf","diariumPrefix":"KS"}""");
        assertThat(ks.statusCode()).isEqualTo(201);
        assertThat(ks.headers().firstValue("Location")).hasValue("/api/bodies/ks");

        HttpResponse<String> got = send("GET", "/api/bodies/ks", null);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).contains("\"parentId\":\"kf\"").contains("Kommunstyrelsen");
        assertThat(got.headers().firstValue("X-Request-Id")).hasValue("test-1");

        HttpResponse<String> page = send("GET", "/api/bodies?pageSize=1", null);
        assertThat(page.body()).contains("\"id\":\"kf\"").doesNotContain("\"id\":\"ks\"")
                .doesNotContain("\"nextPageToken\":\"\"");
    }

    @Test
    void tomcatWritesThroughTheLargerSocketBuffer() {
        // a 30-§ protocol (86 KB) leaves in two writes, not eleven of Tomcat's default 8 KB (TomcatWrites)
        var tomcat = ((org.springframework.boot.tomcat.TomcatWebServer) server.getWebServer()).getTomcat();
        assertThat(String.valueOf(tomcat.getConnector().getProperty("socket.appWriteBufSize")))
                .isEqualTo(String.valueOf(TomcatWrites.WRITE_BUFFER));
    }

    @Test
    void unknownBodyIs404ProblemJson() throws Exception {
        HttpResponse<String> r = send("GET", "/api/bodies/no-such", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"type\":\"urn:radhus:problem:not-found\"").contains("no-such");
    }

    @Test
    void aFieldTheRequestDoesNotTakeIsRefusedNamingIt() throws Exception {
        HttpResponse<String> r = send("POST", "/api/bodies", """
                {"id":"tn","name":"Tekniska nämnden","shortName":"TN","diariumPrefix":"TN","colour":"blue"}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"field\":\"colour\"");
        assertThat(send("GET", "/api/bodies/tn", null).statusCode()).isEqualTo(404);

        HttpResponse<String> nested = send("POST", "/api/bodies", """
                {"id":"tn","name":"Tekniska nämnden","shortName":"TN","diariumPrefix":"TN",
                 "members":[{"personId":"p1","role":"LEDAMOT","from":"2023-01-01","seat":3}]}""");
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(nested.body()).contains("\"field\":\"members[0].seat\"");
    }

    @Test
    void invalidBodyNamesTheFields() throws Exception {
        HttpResponse<String> r = send("POST", "/api/bodies", """
                {"id":"Not Valid","name":"","diariumPrefix":"ks"}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"id\"").contains("\"field\":\"name\"").contains("\"field\":\"diariumPrefix\"");
    }

    @Test
    void unknownFieldsInTheRequestRecordsAreRefusedByName() throws Exception {
        HttpResponse<String> body = send("POST", "/api/bodies", """
                {"id":"uf","name":"Nämnd","chairman":"x"}""");
        assertThat(body.statusCode()).isEqualTo(400);
        assertThat(body.body()).contains("chairman");
        HttpResponse<String> member = send("POST", "/api/bodies", """
                {"id":"uf","name":"Nämnd","members":[{"personId":"a","role":"LEDAMOT","vote":1}]}""");
        assertThat(member.statusCode()).isEqualTo(400);
        assertThat(member.body()).contains("vote");
        assertThat(send("GET", "/api/bodies/uf", null).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownParentIsRefused() throws Exception {
        HttpResponse<String> r = send("POST", "/api/bodies", """
                {"id":"orphan","name":"Föräldralös nämnd","parentId":"nowhere"}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("parentId").contains("nowhere");
    }

    @Test
    void duplicateIdIs409() throws Exception {
        send("POST", "/api/bodies", """
                {"id":"bn","name":"Byggnadsnämnden"}""");
        HttpResponse<String> r = send("POST", "/api/bodies", """
                {"id":"bn","name":"Byggnadsnämnden igen"}""");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("urn:radhus:problem:exists");
    }

    @Test
    void malformedJsonAndBadTokensAre400WithoutInternals() throws Exception {
        HttpResponse<String> r = send("POST", "/api/bodies", "{\"id\":");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("problem").doesNotContain("Exception").doesNotContain("at se.");
        HttpResponse<String> t = send("GET", "/api/bodies?pageToken=not-a-token", null);
        assertThat(t.statusCode()).isEqualTo(400);
    }

    @Test
    void unknownPathIsDeniedByDefaultAsProblemJson() throws Exception {
        // no rule names it, so not even admin reaches it (deny by default), and nobody learns whether it exists
        HttpResponse<String> r = send("GET", "/api/nothing-here", null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("urn:radhus:problem:forbidden");
    }

    @Test
    void healthProbesAnswer() throws Exception {
        assertThat(send("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", null).body()).contains("jvm_memory");
    }
}
