package se.radhus.meetings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.meetings.domain.Attendee;
import se.radhus.meetings.domain.DecisionKind;
import se.radhus.meetings.domain.DecisionSection;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.MeetingState;
import se.radhus.meetings.domain.Motion;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.ProtocolText;
import se.radhus.meetings.domain.Reservation;
import se.radhus.meetings.domain.Role;
import se.radhus.meetings.domain.Vote;
import se.radhus.meetings.importing.ProtocolImporter;

/** A paragraph with a vote, reservations, jäv and notes, rendered as PDF, imports back unchanged. */
class ProtocolRoundTripTest {

    @Test
    void aContestedParagraphSurvivesRenderingAndImport() throws Exception {
        LocalDate day = LocalDate.of(2025, 3, 12);
        Paragraph p = new Paragraph(14, Diarienummer.parse("BUN-2025/00087"), "Skolskjuts läsåret 2025/26",
                List.of(new DecisionSection(DecisionKind.BESLUT, "Barn- och utbildningsnämnden",
                        List.of("anta riktlinjer för skolskjuts enligt bilaga", "uppdra åt förvaltningen att följa upp riktlinjerna."))),
                "Riktlinjerna har setts över efter synpunkter från vårdnadshavare.\n\nKostnaden ryms i budgeten.",
                List.of("Tjänsteskrivelse 2025-02-20"), List.of("Anna Berg"), List.of("Skolskjutsenheten", "Ekonomienheten"),
                List.of(new Motion("Karin Ek", "M", Motion.MotionType.AVSLAG, "avslag till förslaget.")),
                List.of("Ordföranden ställer förslaget mot Karin Eks avslagsyrkande."),
                "Ordföranden finner att nämnden bifaller förslaget.",
                List.of(new Vote("bifall till förslaget", "bifall till Karin Eks avslagsyrkande", List.of(
                        new Vote.Ballot("Anna Berg", Vote.Choice.JA), new Vote.Ballot("Per Sten", Vote.Choice.JA),
                        new Vote.Ballot("Lisa Holm", Vote.Choice.JA), new Vote.Ballot("Karin Ek", Vote.Choice.NEJ),
                        new Vote.Ballot("Olle Ström", Vote.Choice.NEJ), new Vote.Ballot("Mats Lund", Vote.Choice.AVSTAR)))),
                List.of(new Reservation("Karin Ek", "M", "reserverar sig mot beslutet till förmån för eget yrkande."),
                        new Reservation("Olle Ström", "KD", "reserverar sig mot beslutet.")),
                List.of("Eva Nord"), List.of("Lisa Holm (V) lämnar en protokollsanteckning om busskort."), null, null, List.of());
        List<Attendee> attendance = List.of(
                new Attendee(null, "Anna Berg", "S", Role.ORDFORANDE, null, null, null),
                new Attendee(null, "Karin Ek", "M", Role.VICE_ORDFORANDE, null, null, null),
                new Attendee(null, "Per Sten", "S", Role.LEDAMOT, null, null, null),
                new Attendee(null, "Lisa Holm", "V", Role.TJANSTGORANDE_ERSATTARE, "Eva Nord", null, null),
                new Attendee(null, "Olle Ström", "KD", Role.LEDAMOT, null, null, null),
                new Attendee(null, "Mats Lund", "C", Role.LEDAMOT, null, null, null),
                new Attendee(null, "Eva Nord", "S", Role.LEDAMOT, null, null, null),
                new Attendee(null, "Sven Å", "L", Role.ERSATTARE, null, null, null),
                new Attendee(null, "Ola Sund", null, Role.TJANSTEMAN, null, "skolchef", null));
        Meeting m = new Meeting(Meeting.idFor("bun", day), "bun", day, "13:15", "15:30", "Stadshuset, sal A", MeetingState.PROTOCOL_DRAFT,
                attendance, List.of("Per Sten", "Olle Ström"), List.of(p), null, null);
        String body = "Barn- och utbildningsnämnden";
        byte[] pdf = se.radhus.meetings.document.ProtocolDocuments.pdf(ProtocolText.of(m, body), body + "  " + day);

        ProtocolImporter.Imported back = new ProtocolImporter().read(ProtocolImporter.pdfText(pdf));

        assertThat(back.warnings()).isEmpty();
        assertThat(back.date()).isEqualTo(day);
        assertThat(back.bodyName()).isEqualTo(body);
        assertThat(back.paragraphs()).singleElement().usingRecursiveComparison().isEqualTo(p);
        assertThat(back.place()).isEqualTo("Stadshuset, sal A");
        assertThat(back.startTime()).isEqualTo("13:15");
        assertThat(back.endTime()).isEqualTo("15:30");
        assertThat(back.adjusters()).containsExactly("Per Sten", "Olle Ström");
        assertThat(back.attendance()).containsExactlyInAnyOrderElementsOf(attendance);
    }
}
