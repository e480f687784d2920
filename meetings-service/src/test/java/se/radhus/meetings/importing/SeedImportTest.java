package se.radhus.meetings.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.radhus.meetings.domain.Attendee;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.json.RadhusJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seed protocol's text imports to the seed meeting: every paragraph and field the seed data holds. */
class SeedImportTest {

    static final Path TEXT = Path.of("../testdata/seed/ks-nau-2024-05-21.txt");
    static final Path SEED = Path.of("../seed/ks-nau-2024-05-21.json");
    static final JsonMapper JSON = RadhusJson.storeMapper();

    @Test
    void theSeedTextImportsToTheSeedMeeting() throws Exception {
        ProtocolImporter.Imported imported = new ProtocolImporter().read(Files.readString(TEXT));
        JsonNode seed = JSON.readTree(Files.readString(SEED));
        assertThat(imported.date()).hasToString("2024-05-21");
        assertThat(imported.bodyName()).isEqualTo("Kommunstyrelsens näringslivs- och arbetsutskott");
        List<String> mismatches = new ArrayList<>();
        // the officials and their paragraphs
        for (JsonNode a : seed.get("meeting").get("attendance")) {
            if (!a.get("role").asString().equals("TJANSTEMAN")) {
                continue;
            }
            Attendee got = imported.attendance().stream().filter(o -> o.name().equals(a.get("name").asString())).findFirst().orElse(null);
            if (got == null || !got.title().equals(a.get("title").asString())
                    || (a.get("paragraphs") == null) != (got.paragraphs() == null)
                    || (got.paragraphs() != null && got.paragraphs().from() != a.get("paragraphs").get("from").asInt())) {
                mismatches.add("official " + a + " read as " + got);
            }
        }
        assertThat(imported.paragraphs()).hasSize(14);
        for (int i = 0; i < 14; i++) {
            JsonNode expected = seed.get("paragraphs").get(i);
            JsonNode actual = JSON.valueToTree(imported.paragraphs().get(i));
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (field.getKey().equals("effects")) {
                    continue;
                }
                JsonNode got = actual.get(field.getKey());
                if (!field.getValue().equals(got)) {
                    mismatches.add("§ " + expected.get("number") + " " + field.getKey() + ":\n  expected " + field.getValue() + "\n  read     " + got);
                }
            }
        }
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
        assertThat(imported.warnings()).as("warnings").isEmpty();
    }
}
