package se.radhus.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The merge on two small service documents (one JSON 3.1, one YAML 3.0) and the gateway's routes. */
class ApiDocumentTest {

    static final List<String> ROUTES = List.of("/api/meetings", "/api/meetings/**", "/api/grants", "/api/grants/**",
            "/api/openapi/meetings", "/api/openapi/finance/**", "/feeds/**", "/");

    static String resource(String name) throws IOException {
        try (InputStream in = ApiDocumentTest.class.getResourceAsStream("/openapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonNode merged() throws IOException {
        return new ApiDocument(ROUTES).merge(List.of(
                new ApiDocument.Source("meetings", "/api/openapi/meetings", ApiDocsController.parse(resource("meetings.json"))),
                new ApiDocument.Source("finance", "/api/openapi/finance/finance.yml", ApiDocsController.parse(resource("finance.yml")))),
                "1.2.3", "https://radhus.example.se");
    }

    @Test
    void validatesAsOpenApi31() throws IOException {
        String json = JsonMapper.builder().build().writeValueAsString(merged());
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getInfo().getTitle()).isEqualTo("Rådhus API");
        assertThat(result.getOpenAPI().getInfo().getVersion()).isEqualTo("1.2.3");
        assertThat(result.getOpenAPI().getServers()).singleElement()
                .satisfies(s -> assertThat(s.getUrl()).isEqualTo("https://radhus.example.se"));
    }

    @Test
    void onlyRoutedPathsAndEveryApiRouteDocumented() throws IOException {
        JsonNode doc = merged();
        assertThat(doc.path("paths").propertyNames()).containsExactly("/api/grants", "/api/grants/{id}",
                "/api/meetings", "/api/meetings/{id}", "/api/meetings/{id}/paragraphs/{n}",
                "/api/openapi/finance/finance.yml", "/api/openapi/meetings");
        assertThat(ApiDocument.undocumentedRoutes(doc, ROUTES)).isEmpty();
        assertThat(ApiDocument.undocumentedRoutes(doc, List.of("/api/procurements/**", "/feeds/**")))
                .containsExactly("/api/procurements/**");
    }

    @Test
    void schemasOfTheSameNameButAnotherShapeAreKeptApart() throws IOException {
        JsonNode doc = merged();
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(schemas.has("Page")).isTrue();
        assertThat(schemas.has("FinancePage")).isTrue();
        assertThat(schemas.has("FinanceMeeting")).as("the same shape is one schema").isFalse();
        assertThat(doc.path("paths").path("/api/grants/{id}").path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/FinancePage");
        assertThat(schemas.path("FinancePage").path("properties").path("nextPageToken").path("type").toString())
                .as("3.0's nullable as 3.1's type list").isEqualTo("[\"string\",\"null\"]");
    }

    @Test
    void rolesProblemsAndSharedHeaders() throws IOException {
        JsonNode paths = merged().path("paths");
        JsonNode create = paths.path("/api/grants").path("post");
        assertThat(create.path("operationId").asString()).isEqualTo("postGrants");
        assertThat(create.path("x-roles").toString()).isEqualTo("[\"ekonom\",\"admin\"]");
        assertThat(create.path("security").get(0).path("bearer").toString()).isEqualTo("[\"ekonom\",\"admin\"]");
        assertThat(create.path("responses").path("409").path("$ref").asString()).isEqualTo("#/components/responses/Problem409");
        assertThat(create.path("responses").path("403").path("$ref").asString()).isEqualTo("#/components/responses/Problem403");
        assertThat(create.path("parameters").get(0).path("description").asString()).contains("same key");

        JsonNode read = paths.path("/api/meetings/{id}").path("get");
        assertThat(read.path("security").get(0).isEmpty()).as("public").isTrue();
        assertThat(read.path("responses").has("403")).isFalse();
        assertThat(read.path("responses").path("404").path("$ref").asString()).isEqualTo("#/components/responses/Problem404");

        JsonNode paragraph = paths.path("/api/meetings/{id}/paragraphs/{n}");
        assertThat(paragraph.path("put").path("responses").path("412").path("$ref").asString())
                .isEqualTo("#/components/responses/Problem412");
        assertThat(paragraph.path("get").path("responses").path("200").path("headers").has("ETag")).isTrue();
        assertThat(paragraph.path("get").path("operationId").asString()).isEqualTo("getMeetingsByIdParagraphsByN");
        assertThat(paths.path("/api/meetings/{id}").path("get").path("operationId").asString()).isEqualTo("getMeetingsById");
        assertThat(ApiDocument.operationId("get", "/api/appropriations/{id}/balance.csv")).isEqualTo("getAppropriationsByIdBalanceCsv");

        JsonNode list = paths.path("/api/meetings").path("get");
        List<String> required = new ArrayList<>();
        list.path("parameters").forEach(p -> required.add(p.path("name").asString() + "=" + p.path("required").asBoolean()));
        assertThat(required).containsExactly("pageSize=false", "pageToken=false");
        assertThat(list.path("responses").path("200").path("content").propertyNames()).containsExactly("application/json");
    }

    @Test
    void problemResponsesNameTheirTypes() throws IOException {
        JsonNode responses = merged().path("components").path("responses");
        assertThat(responses.path("Problem400").path("description").asString()).contains("urn:radhus:problem:validation");
        assertThat(responses.path("Problem409").path("content").has("application/problem+json")).isTrue();
    }
}
