package se.radhus.meetings.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.domain.Reservation;
import se.radhus.meetings.domain.Vote;

/**
 * Protocols of other municipalities name the same parts with other words; the layout table maps each
 * family, and one importer reads them all. The examples are written for these tests, in the styles
 * seen in Swedish protocols.
 */
class LayoutFamiliesTest {

    final ProtocolImporter importer = new ProtocolImporter();

    /** A one-paragraph protocol in the given words. */
    static String protocol(String caseWord, String descriptionWord, String recipientsWord, String body) {
        return String.join("\n", "Sida 1 av 1", "", "Barn- och utbildningsnämnden 2025-03-12", "", "§ 14", "",
                caseWord + " BUN-2025/00087", "", "Skolskjuts läsåret 2025/26", "",
                "Barn- och utbildningsnämnden beslutar", "", "att anta riktlinjer för skolskjuts enligt bilaga.", "",
                descriptionWord, "", "Riktlinjerna har setts över efter synpunkter från vårdnadshavare.", "",
                body, recipientsWord, "", "Skolskjutsenheten", "");
    }

    Paragraph only(String text) {
        ProtocolImporter.Imported imported = importer.read(text);
        assertThat(imported.paragraphs()).hasSize(1);
        return imported.paragraphs().get(0);
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource(delimiter = ';', value = {
            "Diarienummer;Ärendebeskrivning;Beslutet ska skickas till",
            "Dnr;Ärendet;Protokollsutdrag skickas till",
            "Ärendenummer:;Sammanfattning;Expedieras till",
            "Dnr.;Bakgrund;Expedieras till:",
            "Ärendenr;Sammanfattning av ärendet;Beslutet skickas till"})
    void eachFamilyOfWordsReadsTheSameParagraph(String caseWord, String descriptionWord, String recipientsWord) {
        ProtocolImporter.Imported imported = importer.read(protocol(caseWord, descriptionWord, recipientsWord, ""));
        assertThat(imported.warnings()).isEmpty();
        assertThat(imported.date()).hasToString("2025-03-12");
        assertThat(imported.bodyName()).isEqualTo("Barn- och utbildningsnämnden");
        Paragraph p = imported.paragraphs().get(0);
        assertThat(p.number()).isEqualTo(14);
        assertThat(p.caseNumber()).hasToString("BUN-2025/00087");
        assertThat(p.title()).isEqualTo("Skolskjuts läsåret 2025/26");
        assertThat(p.decisions().get(0).clauses()).containsExactly("anta riktlinjer för skolskjuts enligt bilaga.");
        assertThat(p.description()).isEqualTo("Riktlinjerna har setts över efter synpunkter från vårdnadshavare.");
        assertThat(p.recipients()).containsExactly("Skolskjutsenheten");
    }

    @Test
    void membersProposalsVotesReservationsJavAndNotes() {
        String body = String.join("\n",
                "Ledamöternas förslag till beslut", "",
                "Karin Ek (M) – avslag till förslaget.", "",
                "Beslutsgång", "",
                "Ordföranden ställer förslagen mot varandra och finner att nämnden bifaller förslaget.", "",
                "Omröstning", "",
                "Ja för bifall till förslaget, nej för bifall till Karin Eks avslagsyrkande.", "",
                "röstar Ja (3): Anna Berg, Per Sten och Lisa Holm", "",
                "röstar Nej (2): Karin Ek, Olle Ström", "",
                "Mats Lund (C) röstar avstår", "",
                "Med 3 röster mot 2 bifaller nämnden förslaget.", "",
                "Reservationer", "",
                "Karin Ek (M) och Olle Ström (KD) reserverar sig mot beslutet till förmån för eget yrkande.", "",
                "Jäv", "",
                "Eva Nord", "",
                "Protokollsanteckningar", "",
                "Lisa Holm (V) lämnar en protokollsanteckning om", "busskort.", "");
        ProtocolImporter.Imported imported = importer.read(protocol("Dnr", "Ärendet", "Expedieras till", body));
        assertThat(imported.warnings()).isEmpty();
        Paragraph p = imported.paragraphs().get(0);
        assertThat(p.motions()).singleElement().satisfies(m -> {
            assertThat(m.by()).isEqualTo("Karin Ek");
            assertThat(m.party()).isEqualTo("M");
        });
        assertThat(p.chairFinding()).startsWith("Ordföranden ställer förslagen").endsWith("Med 3 röster mot 2 bifaller nämnden förslaget.");
        Vote v = p.votes().get(0);
        assertThat(v.ja()).isEqualTo("bifall till förslaget");
        assertThat(v.nej()).isEqualTo("bifall till Karin Eks avslagsyrkande");
        assertThat(v.count(Vote.Choice.JA)).isEqualTo(3);
        assertThat(v.count(Vote.Choice.NEJ)).isEqualTo(2);
        assertThat(v.ballots()).contains(new Vote.Ballot("Lisa Holm", Vote.Choice.JA), new Vote.Ballot("Olle Ström", Vote.Choice.NEJ),
                new Vote.Ballot("Mats Lund (C)", Vote.Choice.AVSTAR));
        assertThat(p.reservations()).containsExactly(
                new Reservation("Karin Ek", "M", "reserverar sig mot beslutet till förmån för eget yrkande."),
                new Reservation("Olle Ström", "KD", "reserverar sig mot beslutet till förmån för eget yrkande."));
        assertThat(p.recusals()).containsExactly("Eva Nord");
        assertThat(p.notes()).containsExactly("Lisa Holm (V) lämnar en protokollsanteckning om busskort.");
        assertThat(p.recipients()).containsExactly("Skolskjutsenheten");
    }

    @Test
    void aCountThatDisagreesWithItsNamesOrNamesNoOneIsAWarningAndNothingIsInvented() {
        String body = String.join("\n", "Omröstning", "", "röstar Ja (4): Anna Berg, Per Sten", "", "röstar Nej (5)", "",
                "Det blev en lång diskussion", "");
        ProtocolImporter.Imported imported = importer.read(protocol("Dnr", "Ärendet", "Expedieras till", body));
        Vote v = imported.paragraphs().get(0).votes().get(0);
        assertThat(v.ballots()).hasSize(2);
        assertThat(v.count(Vote.Choice.NEJ)).isZero();
        assertThat(imported.warnings()).anySatisfy(w -> assertThat(w).contains("Ja (4) names 2"))
                .anySatisfy(w -> assertThat(w).contains("Nej (5) names no one"))
                .anySatisfy(w -> assertThat(w).matches("line \\d+: § 14: not a vote.*Det blev en lång diskussion"));
    }

    @Test
    void aReservationWithoutItsVerbIsAWarning() {
        ProtocolImporter.Imported imported = importer.read(protocol("Dnr", "Ärendet", "Expedieras till",
                "Reservationer\n\nmot beslutet\n\n"));
        assertThat(imported.paragraphs().get(0).reservations()).isEmpty();
        assertThat(imported.warnings()).singleElement().asString().contains("not a reservation");
    }

    @Test
    void headingsMatchWholeLinesOnly() {
        ProtocolLayout layout = ProtocolLayout.standard();
        assertThat(layout.heading("Ärendet")).isEqualTo(ProtocolLayout.Section.DESCRIPTION);
        assertThat(layout.heading("ÄRENDET:")).isEqualTo(ProtocolLayout.Section.DESCRIPTION);
        assertThat(layout.heading("Ärendet gäller skolskjuts")).isNull();
        assertThat(layout.heading("Kommunstyrelsens beslutsordning")).isEqualTo(ProtocolLayout.Section.PROCEDURE);
        assertThat(layout.heading("Propositionsordning 1")).isEqualTo(ProtocolLayout.Section.VOTING_ORDER);
        assertThat(layout.caseNumber().matcher("Ärendenummer: KS-2024/00449").matches()).isTrue();
    }

    @Test
    void aLayoutWithABadLineSaysWhichLine() {
        assertThatThrownBy(() -> new ProtocolLayout(List.of("# words", "DESCRIPTION\tärendet", "BUDGET\tbudget")))
                .hasMessage("layout line 3: no section BUDGET");
        assertThatThrownBy(() -> new ProtocolLayout(List.of("DESCRIPTION ärendet"))).hasMessageContaining("layout line 1");
        assertThatThrownBy(() -> new ProtocolLayout(List.of("DESCRIPTION\tärendet"))).hasMessageContaining("no CASE_NUMBER");
    }

    @Test
    void aMunicipalitysOwnWordsAreOneLineOfData() {
        ProtocolLayout own = ProtocolLayout.standard().with(List.of("DESCRIPTION\tutredning", "RECIPIENTS\tfår del av beslutet"));
        assertThat(ProtocolLayout.standard().heading("Utredning:")).isNull();
        ProtocolImporter.Imported imported = new ProtocolImporter(own).read(protocol("Dnr", "Utredning", "Får del av beslutet", ""));
        assertThat(imported.warnings()).isEmpty();
        assertThat(imported.paragraphs().get(0).description()).startsWith("Riktlinjerna");
        assertThat(imported.paragraphs().get(0).recipients()).containsExactly("Skolskjutsenheten");
    }

    @Test
    void aLayoutWithItsNumberAndTitleOnTheHeadingLineFurnitureMidSentenceAndProseDecisions() {
        String text = String.join("\n",
                "Sammanträdesdatum", "2025-02-11", "",
                "§ 12 Dnr BUN 2025-00031", "Skolskjuts läsåret 2025/26", "Beslut",
                "Barn- och utbildningsnämnden godkänner riktlinjerna för", "",
                "Justerandes signatur", "Sida 2 (5)", "", "Barn- och utbildningsnämnden", "", "Protokoll nr 2", "",
                "skolskjuts.", "Ärendet", "Riktlinjerna har setts över.",
                "Nämndens förslag till kommunfullmäktige", "Kommunfullmäktige antar taxan.", "",
                "Yrkanden", "Anna Berg (S), Per Sten (M) och", "Eva Nord (V) yrkar bifall till förslaget.", "",
                "§ 13 Budgetuppföljning", "Beslut", "1. Rapporten antecknas.", "2. Uppdraget förklaras fullgjort.", "",
                "§ 12 och § 13 behandlades samtidigt.", "",
                "§ 15 Dnr 00190/20241.1.1.", "Meddelanden", "Paragrafen förklaras omedelbart justerad.", "Beslut",
                "Meddelandena antecknas till protokollet.", "");
        ProtocolImporter.Imported r = importer.read(text);
        assertThat(r.date()).hasToString("2025-02-11");
        assertThat(r.paragraphs()).extracting(Paragraph::number).containsExactly(12, 13, 15);
        Paragraph p12 = r.paragraphs().get(0);
        assertThat(p12.caseNumber()).hasToString("BUN-2025-00031");
        assertThat(p12.title()).isEqualTo("Skolskjuts läsåret 2025/26");
        assertThat(p12.decisions().get(0).clauses()).containsExactly("Barn- och utbildningsnämnden godkänner riktlinjerna för skolskjuts.");
        assertThat(p12.description()).isEqualTo("Riktlinjerna har setts över.");
        assertThat(p12.decisions().get(1).kind()).isEqualTo(se.radhus.meetings.domain.DecisionKind.FORSLAG_TILL_BESLUT);
        assertThat(p12.decisions().get(1).clauses()).containsExactly("Nämndens förslag till kommunfullmäktige", "Kommunfullmäktige antar taxan.");
        assertThat(p12.motions()).extracting(se.radhus.meetings.domain.Motion::by).containsExactly("Anna Berg", "Per Sten", "Eva Nord");
        Paragraph p13 = r.paragraphs().get(1);
        assertThat(p13.caseNumber()).isNull();
        assertThat(p13.title()).isEqualTo("Budgetuppföljning");
        assertThat(p13.decisions().get(0).clauses()).containsExactly("1. Rapporten antecknas.", "2. Uppdraget förklaras fullgjort.",
                "§ 12 och § 13 behandlades samtidigt.");
        Paragraph p15 = r.paragraphs().get(2);
        assertThat(p15.caseNumber()).hasToString("00190/2024");
        assertThat(p15.title()).isEqualTo("Meddelanden");
        assertThat(p15.notes()).containsExactly("Paragrafen förklaras omedelbart justerad.");
        assertThat(p15.decisions().get(0).clauses()).containsExactly("Meddelandena antecknas till protokollet.");
        assertThat(r.warnings()).contains("§ 13: no diarienummer");
    }

    @Test
    void theDateIsOnlyTheProtocolsOwn() {
        String text = "§ 5 Dnr KS-2024/00001\nVal\nBeslut\nEnligt kommunstyrelsens beslut 2023-06-14 väljs Anna Berg.\n";
        assertThat(importer.read(text).date()).isNull();
        assertThat(importer.read("Sammanträdesdatum: 14 juni 2023\n\n" + text).date()).hasToString("2023-06-14");
    }
}
