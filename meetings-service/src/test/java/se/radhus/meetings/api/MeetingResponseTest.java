package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.meetings.domain.Attendee;
import se.radhus.meetings.domain.DecisionKind;
import se.radhus.meetings.domain.DecisionSection;
import se.radhus.meetings.domain.Effect;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.MeetingState;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.ParagraphRange;
import se.radhus.meetings.domain.Role;
import se.radhus.meetings.domain.Secrecy;
import se.radhus.meetings.domain.Vote;
import se.radhus.meetings.importing.ProtocolImporter;
import se.radhus.meetings.json.RadhusJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's meeting ({@link MeetingResponse}) carries every part of the domain's, under the names the API
 * has always had: for every real protocol of the corpus and the seed (motions, votes, reservations, jäv,
 * attendance by §), and for a § with what the text never has (effects, secrecy, a lot, a justering and a
 * posting), its JSON is the domain record's JSON field for field. Where the API is meant to part from the
 * domain one day, this test is where to say how.
 */
class MeetingResponseTest {

    static final JsonMapper JSON = JsonMapper.builder().addModule(RadhusJson.module()).build();

    static List<Meeting> realProtocols() throws IOException {
        List<Path> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../testdata/corpus"))) {
            files.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(texts::add);
        }
        texts.add(Path.of("../testdata/seed/ks-nau-2024-05-21.txt"));
        List<Meeting> meetings = new ArrayList<>();
        for (Path text : texts) {
            var read = new ProtocolImporter().read(Files.readString(text));
            LocalDate day = read.date() == null ? LocalDate.of(2024, 1, 1) : read.date();
            meetings.add(new Meeting(Meeting.idFor("b", day), "b", day, read.startTime(), read.endTime(), read.place(),
                    MeetingState.PROTOCOL_DRAFT, read.attendance(), read.adjusters(), read.paragraphs(), null, null));
        }
        return meetings;
    }

    @Test
    void everyRealProtocolIsAnsweredWithAllItHas() throws IOException {
        List<Meeting> meetings = realProtocols();
        assertThat(meetings).hasSizeGreaterThan(10);
        int paragraphs = 0;
        for (Meeting m : meetings) {
            JsonNode api = JSON.valueToTree(MeetingResponse.of(m));
            assertThat(api).as(m.id()).isEqualTo(JSON.valueToTree(m));
            paragraphs += api.path("paragraphs").size();
        }
        assertThat(paragraphs).isGreaterThan(100);
    }

    @Test
    void whatNoProtocolTextHasIsAnsweredToo() {
        LocalDate day = LocalDate.of(2024, 5, 21);
        Paragraph p = new Paragraph(181, Diarienummer.parse("KS-2024/00361"), "Medfinansiering",
                List.of(new DecisionSection(DecisionKind.BESLUT, "Näringslivs- och arbetsutskottet", List.of("bevilja 300 000 kr"))),
                "Beskrivning", List.of("Tjänsteskrivelse"), List.of("Anna Berg"), List.of("Ekonomi"), List.of(),
                List.of(), null, List.of(new Vote("Anna Berg", "Karin Ek", List.of(new Vote.Ballot("Anna Berg", Vote.Choice.JA),
                        new Vote.Ballot("Karin Ek", Vote.Choice.NEJ)), true, Vote.Choice.JA, Vote.Choice.JA, "Anna Berg vald efter lottning")),
                List.of(), List.of("Eva Nord"), List.of(), day.plusDays(2), null,
                List.of(new Effect(Effect.Kind.GRANT, "ks-tillvaxt", "North Sweden", List.of(new Effect.Recipient("North Sweden Stockholm Office",
                                List.of(new Effect.YearOre(2024, 2_000_000), new Effect.YearOre(2025, 10_000_000)))),
                                "under förutsättning att", true, null, List.of(), null, null, null),
                        new Effect(Effect.Kind.AWARD, null, null, List.of(), null, false, "p-23310",
                                List.of(new Effect.Supplier("Input Interiör AB", "556000-0000", 1)), 145_238_400L, day.plusDays(2), true)),
                List.of(new Secrecy("description", "OSL 19 kap. 3 §")));
        Meeting m = new Meeting(Meeting.idFor("ks-nau", day), "ks-nau", day, "08:30", "12:00", "Stadshuset", MeetingState.POSTED,
                List.of(new Attendee("hans", "Hans Lindberg", "S", Role.ORDFORANDE, null, null, new ParagraphRange(175, 190))),
                List.of("Hans Lindberg"), List.of(p), new Meeting.Justering(day.plusDays(2), List.of("Hans Lindberg")),
                new Meeting.Posting(day.plusDays(3), day.plusDays(24), List.of("sent"), true));

        JsonNode api = JSON.valueToTree(MeetingResponse.of(m));

        assertThat(api).isEqualTo(JSON.valueToTree(m));
        assertThat(api.path("public").asBoolean()).isTrue();
        JsonNode paragraph = api.path("paragraphs").get(0);
        assertThat(paragraph.path("caseNumber").asString()).isEqualTo("KS-2024/00361");
        assertThat(paragraph.path("effects").get(0).path("recipients").get(0).path("amounts").get(1).path("ore").asLong())
                .isEqualTo(10_000_000);
        assertThat(paragraph.path("effects").get(1).path("suppliers").get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(paragraph.path("votes").get(0).path("lot").asString()).isEqualTo("JA");
        assertThat(paragraph.path("secrecy").get(0).path("reference").asString()).isEqualTo("OSL 19 kap. 3 §");
        assertThat(api.path("attendance").get(0).path("paragraphs").path("to").asInt()).isEqualTo(190);
        assertThat(api.path("posting").path("appealRecorded").asBoolean()).isTrue();
    }
}
