package se.radhus.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The seed's examples go into the operations they name, as Example Objects, and the document stays valid. */
class SeedExamplesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theKeptExamplesAreTheSeeds() {
        JsonNode examples = SeedExamples.load();
        JsonNode grant = examples.path("get /api/grants/{id}").path("response");
        assertThat(grant.path("x-source").asString()).isEqualTo("/api/grants/" + grant.path("value").path("id").asString());
        assertThat(grant.path("value").path("decision").path("paragraph").asInt()).isEqualTo(181);
        JsonNode award = examples.path("post /api/procurements/{id}/award").path("request").path("value");
        assertThat(award.path("decision").path("paragraph").asInt()).isEqualTo(179);
        assertThat(award.path("suppliers").get(0).path("name").asString()).isEqualTo("Input Interiör AB");
    }

    @Test
    void requestAndResponseExamplesLandOnTheirOperations() throws IOException {
        ObjectNode doc = (ObjectNode) ApiDocumentTest.merged();
        var absent = SeedExamples.addTo(doc, SeedExamples.load());
        // the test's two small documents have the grant paths only
        assertThat(absent).containsExactlyInAnyOrder("get /api/procurements/{id}", "post /api/procurements/{id}/award");
        JsonNode get = doc.path("paths").path("/api/grants/{id}").path("get").path("responses").path("200")
                .path("content").path("application/json").path("examples").path("seed");
        assertThat(get.path("value").path("id").asString()).isEqualTo("ks-nau-2024-05-21-181-1");
        assertThat(get.path("summary").asString()).contains("§ 181");
        JsonNode post = doc.path("paths").path("/api/grants").path("post").path("requestBody")
                .path("content").path("application/json").path("examples").path("seed");
        assertThat(post.path("value").path("appropriationId").asString()).isEqualTo("ks-tillvaxt");

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(JSON.writeValueAsString(doc));
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths().get("/api/grants/{id}").getGet().getResponses().get("200")
                .getContent().get("application/json").getExamples()).containsKey("seed");
    }

    @Test
    void anOperationWithoutAJsonBodyGetsNothingAndNothingBreaks() {
        ObjectNode doc = JSON.createObjectNode();
        doc.putObject("paths").putObject("/api/grants").putObject("post").putObject("responses").putObject("204");
        var absent = SeedExamples.addTo(doc, SeedExamples.load());
        assertThat(absent).doesNotContain("post /api/grants");
        assertThat(doc.path("paths").path("/api/grants").path("post").has("requestBody")).isFalse();
    }
}
