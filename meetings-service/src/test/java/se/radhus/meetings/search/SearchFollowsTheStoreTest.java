package se.radhus.meetings.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.radhus.common.store.MongoConnection;
import se.radhus.common.store.MongoSettings;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.MeetingState;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.Person;
import se.radhus.meetings.store.MeetingStore;
import se.radhus.meetings.store.PersonStore;
import se.radhus.meetings.store.Protections;

/**
 * Two replicas of meetings-service on one store, each with its own search index (its own data folder):
 * what one adjusted the other finds once it has followed the store, and a person registered as protected
 * through one leaves the other's index too. Against the embedded store; no background threads (each
 * replica's round is called here).
 */
class SearchFollowsTheStoreTest {

    @TempDir
    Path dir;

    MongoConnection connection;
    MeetingStore meetings;
    PersonStore persons;
    SearchService a;
    SearchService b;

    @BeforeEach
    void open() {
        connection = MongoConnection.open(new MongoSettings("", "radhus-meetings", dir.resolve("store"), 0));
        meetings = new MeetingStore(connection.database());
        persons = new PersonStore(connection.database());
        a = new SearchService(dir.resolve("a").toString(), meetings, new Protections(persons, 0));
        b = new SearchService(dir.resolve("b").toString(), meetings, new Protections(persons, 0));
        a.rebuildIfNeeded();
        b.rebuildIfNeeded();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
        connection.close();
    }

    /** An adjusted meeting, stored, whose one § has the title given; as a justering through replica a leaves it. */
    Meeting adjustedThroughA(LocalDate day, String title) {
        Paragraph p = new Paragraph(12, null, title, List.of(), "Ärendet gäller " + title.toLowerCase(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(), day, null, List.of());
        Meeting m = new Meeting(Meeting.idFor("ks", day), "ks", day, null, null, null, MeetingState.ADJUSTED, List.of(), List.of(),
                List.of(p), new Meeting.Justering(day, List.of("A B")), null);
        assertThat(meetings.insert(m)).isTrue();
        a.indexed(m);
        return m;
    }

    @Test
    void aJusteringThroughOneReplicaIsFoundThroughTheOtherOnceItFollowed() {
        adjustedThroughA(LocalDate.of(2024, 5, 21), "Cykelvägar i centrum");
        assertThat(a.search("cykelvägar", null, null, 0, 10).total()).isEqualTo(1);
        assertThat(b.search("cykelvägar", null, null, 0, 10).total()).as("b has not followed the store yet").isZero();

        b.follow();
        assertThat(b.search("cykelvägar", null, null, 0, 10).hits()).extracting(ParagraphIndex.Hit::meetingId)
                .containsExactly("ks-2024-05-21");

        adjustedThroughA(LocalDate.of(2024, 6, 11), "Cykelvägar vid skolor");
        b.follow();
        assertThat(b.search("cykelvägar", null, null, 0, 10).total()).isEqualTo(2);
        b.follow();
        assertThat(b.search("cykelvägar", null, null, 0, 10).total()).as("following again adds nothing twice").isEqualTo(2);
    }

    @Test
    void aPersonRegisteredAsProtectedLeavesEveryReplicasIndex() {
        adjustedThroughA(LocalDate.of(2024, 5, 21), "Motion av Anna Svensson om cykelvägar");
        b.follow();
        assertThat(b.search("Svensson", null, null, 0, 10).total()).isEqualTo(1);

        // registered through replica a: a builds its index again at once (PersonController), b does not know
        assertThat(persons.insert(new Person("p-4f1c2a9e", "Anna Svensson", null, null, true))).isTrue();
        a.reindex();
        assertThat(a.search("Svensson", null, null, 0, 10).total()).isZero();
        assertThat(b.search("Svensson", null, null, 0, 10).total()).as("b's index still has the name before its round").isEqualTo(1);

        b.follow();
        assertThat(b.search("Svensson", null, null, 0, 10).total()).isZero();
        ParagraphIndex.Result r = b.search("cykelvägar", null, null, 0, 10);
        assertThat(r.hits()).hasSize(1);
        assertThat(r.hits().get(0).title()).doesNotContain("Svensson").doesNotContain("Anna");
        assertThat(r.hits().get(0).snippets()).noneMatch(s -> s.contains("Svensson"));
    }
}
