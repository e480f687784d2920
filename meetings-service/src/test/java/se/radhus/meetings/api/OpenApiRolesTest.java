package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * springdoc's document of meetings-service carries each operation's roles, as the security rules decide
 * them (asked of Spring Security, not copied): reads public, writes with the roles that may make them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
class OpenApiRolesTest extends ApiTestBase {

    JsonNode document() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/openapi/meetings")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static List<String> roles(JsonNode op) {
        List<String> roles = new ArrayList<>();
        op.path("security").forEach(req -> req.path("bearer").forEach(r -> roles.add(r.asString())));
        return roles;
    }

    @Test
    void writesNameTheirRolesAndReadsArePublic() throws Exception {
        JsonNode paths = document().path("paths");
        JsonNode justering = paths.path("/api/meetings/{id}/justering").path("post");
        assertThat(roles(justering)).containsExactlyInAnyOrder("sekreterare", "admin");
        JsonNode draft = paths.path("/api/meetings/{id}/paragraphs").path("post");
        assertThat(roles(draft)).containsExactlyInAnyOrder("sekreterare", "handlaggare", "admin");
        JsonNode body = paths.path("/api/bodies").path("post");
        assertThat(roles(body)).containsExactlyInAnyOrder("registrator", "admin");
        JsonNode audit = paths.path("/api/audit/meetings").path("get");
        assertThat(roles(audit)).containsExactly("admin");

        JsonNode read = paths.path("/api/meetings/{id}").path("get");
        assertThat(read.path("security")).hasSize(1);
        assertThat(read.path("security").get(0).isEmpty()).as("public: an empty requirement").isTrue();
        assertThat(document().path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
    }

    @Test
    void everyOperationHasARequirement() throws Exception {
        List<String> without = new ArrayList<>();
        document().path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!op.getValue().has("security")) {
                without.add(op.getKey() + " " + path.getKey());
            }
        }));
        assertThat(without).isEmpty();
    }
}
