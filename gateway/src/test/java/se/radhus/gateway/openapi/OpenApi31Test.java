package se.radhus.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a service's schema says after normalising, shape by shape (micronaut-openapi's @Nullable output among them). */
class OpenApi31Test {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode normalised(String schema) {
        return OpenApi31.normalise(JSON.readTree(schema));
    }

    @Test
    void nullableOfOpenApi30BecomesANullType() {
        assertThat(normalised("{\"type\":\"string\",\"nullable\":true}").toString()).isEqualTo("{\"type\":[\"string\",\"null\"]}");
        assertThat(normalised("{\"type\":\"string\",\"nullable\":false}").toString()).isEqualTo("{\"type\":\"string\"}");
    }

    @Test
    void aNullableScalarDoesNotLetAnyObjectIn() {
        assertThat(normalised("{\"type\":[\"string\",\"null\",\"object\"]}").toString()).isEqualTo("{\"type\":[\"string\",\"null\"]}");
        assertThat(normalised("{\"type\":[\"boolean\",\"null\",\"object\"]}").toString()).isEqualTo("{\"type\":[\"boolean\",\"null\"]}");
    }

    @Test
    void aNullableObjectWithPropertiesKeepsItsObjectType() {
        String schema = "{\"type\":[\"object\",\"null\"],\"properties\":{\"a\":{\"type\":\"string\"}}}";
        assertThat(normalised(schema)).isEqualTo(JSON.readTree(schema));
        String withThree = "{\"type\":[\"string\",\"null\",\"object\"],\"properties\":{\"a\":{\"type\":\"string\"}}}";
        assertThat(normalised(withThree)).as("with properties it may mean an object").isEqualTo(JSON.readTree(withThree));
    }

    @Test
    void aNullableRecordIsTheRecordOrNull() {
        JsonNode mended = normalised("{\"properties\":{\"decision\":{\"type\":\"null\",\"description\":\"d\","
                + "\"allOf\":[{\"$ref\":\"#/components/schemas/Json.Decision\"}]}}}");
        assertThat(mended.path("properties").path("decision").toString()).isEqualTo(
                "{\"description\":\"d\",\"anyOf\":[{\"$ref\":\"#/components/schemas/Json.Decision\"},{\"type\":\"null\"}]}");
    }

    @Test
    void anAllOfOfSeveralOrWithoutTheNullTypeIsLeftAlone() {
        String two = "{\"type\":\"null\",\"allOf\":[{\"$ref\":\"#/a\"},{\"$ref\":\"#/b\"}]}";
        assertThat(normalised(two)).isEqualTo(JSON.readTree(two));
        String plain = "{\"allOf\":[{\"$ref\":\"#/a\"}]}";
        assertThat(normalised(plain)).isEqualTo(JSON.readTree(plain));
    }

    @Test
    void aNullableMapOrListIsTheMapOrListOrNull() {
        assertThat(normalised("{\"type\":\"null\",\"additionalProperties\":{\"type\":\"integer\"}}").toString())
                .isEqualTo("{\"type\":[\"object\",\"null\"],\"additionalProperties\":{\"type\":\"integer\"}}");
        assertThat(normalised("{\"type\":\"null\",\"items\":{\"type\":\"string\"}}").toString())
                .isEqualTo("{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\"}}");
        assertThat(normalised("{\"type\":\"null\"}").toString()).as("null alone stays").isEqualTo("{\"type\":\"null\"}");
    }
}
