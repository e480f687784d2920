package se.radhus.meetings.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.MeetingState;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.importing.ProtocolImporter;

class ParagraphIndexTest {

    @TempDir
    Path dir;

    static Meeting adjusted(String body, LocalDate date, List<Paragraph> ps) {
        return new Meeting(Meeting.idFor(body, date), body, date, null, null, null, MeetingState.ADJUSTED, List.of(), List.of(), ps,
                new Meeting.Justering(date, List.of("A B")), null);
    }

    @Test
    void facetsCountEveryMatchNotJustThePageAndAnEmptyIndexNeedsBuilding() throws Exception {
        List<Paragraph> seed = new ProtocolImporter().read(Files.readString(Path.of("../testdata/seed/ks-nau-2024-05-21.txt"))).paragraphs();
        try (ParagraphIndex index = new ParagraphIndex(dir)) {
            assertThat(index.needsRebuild()).isTrue();
            List<Meeting> meetings = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                meetings.add(adjusted(i % 3 == 0 ? "kf" : "ks-nau", LocalDate.of(2023 + i % 2, 1, 1).plusDays(i), seed));
            }
            meetings.forEach(m -> index.index(m));
            assertThat(index.needsRebuild()).isFalse();
            ParagraphIndex.Result r = index.search("upphandling", null, null, 0, 5);
            assertThat(r.hits()).hasSize(5);
            long perMeeting = seed.stream().filter(p -> p.title().toLowerCase().contains("upphandling")).count();
            assertThat(r.total()).isGreaterThanOrEqualTo(30 * perMeeting);
            assertThat(r.facets().get("body")).containsEntry("kf", (int) r.total() / 3).containsEntry("ks-nau", (int) r.total() * 2 / 3);
            assertThat(r.facets().get("year").values().stream().mapToInt(Integer::intValue).sum()).isEqualTo((int) r.total());
            assertThat(r.facets().get("kind").values().stream().mapToInt(Integer::intValue).sum()).isEqualTo((int) r.total());
            ParagraphIndex.Result kf2023 = index.search("upphandling", "kf", 2023, 0, 50);
            assertThat(kf2023.facets().get("body")).containsOnlyKeys("kf");
            assertThat(kf2023.facets().get("year")).containsOnlyKeys("2023");
            index.clear();
            assertThat(index.needsRebuild()).isTrue();
        }
    }
}
