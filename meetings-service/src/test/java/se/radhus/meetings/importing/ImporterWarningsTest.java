package se.radhus.meetings.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every line the importer cannot place is a warning that names its line; nothing is made up for it. */
class ImporterWarningsTest {

    final ProtocolImporter importer = new ProtocolImporter();

    static String protocol(String... paragraphLines) {
        return "Sida 1 av 1\n\nBarn- och utbildningsnämnden 2025-03-12\n\nTjänstemän\n\nOla Sund, skolchef\n\n§ 14\n\n"
                + String.join("\n", paragraphLines) + "\n";
    }

    ProtocolImporter.Imported read(String... paragraphLines) {
        return importer.read(protocol(paragraphLines));
    }

    @Test
    void aCompleteParagraphHasNoWarnings() {
        ProtocolImporter.Imported r = read("Dnr BUN-2025/00087", "", "Skolskjuts", "", "Nämnden beslutar", "", "att anta riktlinjerna.");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.attendance()).singleElement().satisfies(o -> assertThat(o.title()).isEqualTo("skolchef"));
    }

    @Test
    void anOfficialWithoutATitle() {
        ProtocolImporter.Imported r = importer.read(protocol("Dnr BUN-2025/00087", "", "Skolskjuts", "", "Nämnden beslutar", "",
                "att anta riktlinjerna.").replace("Ola Sund, skolchef", "Ola Sund"));
        assertThat(r.attendance()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().matches("line 7: not an official \"name, title\": Ola Sund");
    }

    @Test
    void noDiarienummerAndNoDecision() {
        ProtocolImporter.Imported r = read("Skolskjuts");
        assertThat(r.paragraphs()).singleElement().satisfies(p -> {
            assertThat(p.caseNumber()).isNull();
            assertThat(p.decisions()).isEmpty();
        });
        assertThat(r.warnings()).containsExactly("§ 14: no diarienummer", "§ 14: no decision");
    }

    @Test
    void aDiarienummerThatCannotBeRead() {
        ProtocolImporter.Imported r = read("Dnr ABC", "", "Skolskjuts", "", "Nämnden beslutar", "", "att anta riktlinjerna.");
        assertThat(r.paragraphs().get(0).caseNumber()).isNull();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).startsWith("line 11: § 14: "))
                .contains("§ 14: no diarienummer");
    }

    @Test
    void clausesUnderBeslutNeedNoDecidingBody() {
        ProtocolImporter.Imported r = read("Dnr BUN-2025/00087", "", "Skolskjuts", "", "Beslut", "", "att anta riktlinjerna.");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.paragraphs().get(0).decisions().get(0).clauses()).containsExactly("anta riktlinjerna.");
        assertThat(r.paragraphs().get(0).decisions().get(0).decidingBody()).isNull();
    }

    @Test
    void aProseDecisionIsADecisionKeptAsWritten() {
        ProtocolImporter.Imported r = read("Dnr BUN-2025/00087", "", "Skolskjuts", "", "Nämnden beslutar", "",
                "Riktlinjerna antas.", "Redovisningen antecknas till", "protokollet.");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.paragraphs().get(0).decisions().get(0).decidingBody()).isEqualTo("Nämnden");
        assertThat(r.paragraphs().get(0).decisions().get(0).clauses())
                .containsExactly("Riktlinjerna antas.", "Redovisningen antecknas till protokollet.");
    }

    @Test
    void numberedAndBulletedDecisionsKeepTheirItems() {
        ProtocolImporter.Imported r = read("Dnr BUN-2025/00087", "", "Skolskjuts", "", "Beslut", "",
                "Enligt förvaltningens förslag:", "1. Riktlinjerna antas.", "2. Uppdraget förklaras", "fullgjort.",
                "- skolskjuts i hela kommunen", "- busskort");
        assertThat(r.paragraphs().get(0).decisions().get(0).clauses()).containsExactly("Enligt förvaltningens förslag:",
                "1. Riktlinjerna antas.", "2. Uppdraget förklaras fullgjort.", "- skolskjuts i hela kommunen", "- busskort");
    }

    @Test
    void motionsInEitherFormAndALineThatIsNone() {
        ProtocolImporter.Imported r = read("Dnr BUN-2025/00087", "", "Skolskjuts", "", "Nämnden beslutar", "",
                "att anta riktlinjerna.", "", "Yrkanden", "", "Karin Ek (M) yrkar avslag", "", "(V) yrkar bifall till förslaget.",
                "", "utan namn");
        assertThat(r.paragraphs().get(0).motions()).containsExactly(
                new se.radhus.meetings.domain.Motion("Karin Ek", "M", se.radhus.meetings.domain.Motion.MotionType.AVSLAG, "avslag"),
                new se.radhus.meetings.domain.Motion(null, "V", se.radhus.meetings.domain.Motion.MotionType.BIFALL, "bifall till förslaget."));
        assertThat(r.warnings()).containsExactly(
                "line 25: § 14: not a motion \"who (party) – what\" or \"who (party) yrkar …\": utan namn");
    }

    @Test
    void aMemberLineThatIsNoMemberAndALineBeforeTheFirstParagraphThatFitsNowhere() {
        String text = protocol("Dnr BUN-2025/00087", "", "Skolskjuts", "", "Nämnden beslutar", "", "att anta riktlinjerna.")
                .replace("Tjänstemän\n", "Ett förord utan rubrik\n\nBeslutande\n\nAnna Berg (S), ordförande\n\nPer Sten (M), sekreterare\n\n"
                        + "Tjänstemän\n");
        ProtocolImporter.Imported r = importer.read(text);
        assertThat(r.attendance()).extracting(se.radhus.meetings.domain.Attendee::name).containsExactly("Anna Berg", "Ola Sund");
        assertThat(r.attendance().get(0).role()).isEqualTo(se.radhus.meetings.domain.Role.ORDFORANDE);
        assertThat(r.warnings()).containsExactly("line 5: not placed before the first §: Ett förord utan rubrik",
                "line 11: not a member \"Namn (parti), ordförande\": Per Sten (M), sekreterare");
    }
}
