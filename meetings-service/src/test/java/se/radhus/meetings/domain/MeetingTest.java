package se.radhus.meetings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;

public class MeetingTest {

    static final LocalDate MAY_21 = LocalDate.of(2024, 5, 21);

    public static List<Attendee> attendance() {
        return List.of(
                new Attendee(null, "Anna Ordförande", "S", Role.ORDFORANDE, null, null, null),
                new Attendee(null, "Bo Ledamot", "M", Role.LEDAMOT, null, null, null),
                new Attendee(null, "Cia Ledamot", "C", Role.LEDAMOT, null, null, null),
                new Attendee(null, "Dan Ersättare", "S", Role.TJANSTGORANDE_ERSATTARE, "Eva Borta", null, null),
                new Attendee(null, "Fia Ersättare", "V", Role.ERSATTARE, null, null, null),
                new Attendee(null, "Urban Helmersson", null, Role.TJANSTEMAN, null, "upphandlingschef",
                        ParagraphRange.parse("§ 178‐180")));
    }

    public static Meeting planned() {
        return Meeting.plan("ks-nau", MAY_21, "13:00", "16:30", "Stadshuset", attendance(), List.of("Bo Ledamot"));
    }

    static Paragraph paragraph(int number, List<Vote> votes, List<String> recusals) {
        return new Paragraph(number, Diarienummer.parse("KS-2024/00361"), "Medfinansiering",
                List.of(new DecisionSection(DecisionKind.BESLUT, "Näringslivs- och arbetsutskottet", List.of("bevilja"))),
                "", List.of(), List.of("Susanne Thurén"), List.of("Budgetgruppen"), List.of(), List.of(), null,
                votes, List.of(), recusals, List.of(), null, null, List.of());
    }

    public static Paragraph paragraph(int number) {
        return paragraph(number, List.of(), List.of());
    }

    @Test
    void aMeetingGoesFromPlannedToPosted() {
        Meeting m = planned().moveTo(MeetingState.HELD).addParagraph(paragraph(181));
        assertThat(m.state()).isEqualTo(MeetingState.PROTOCOL_DRAFT);
        assertThat(m.isPublic()).isFalse();
        m = m.adjust(LocalDate.of(2024, 5, 23), List.of("Anna Ordförande", "Bo Ledamot"));
        assertThat(m.state()).isEqualTo(MeetingState.ADJUSTED);
        assertThat(m.isPublic()).isTrue();
        m = m.post(LocalDate.of(2024, 5, 24));
        assertThat(m.state()).isEqualTo(MeetingState.POSTED);
        assertThat(m.posting().appealDeadline()).isEqualTo(LocalDate.of(2024, 6, 14));
    }

    @Test
    void everyWriteAfterJusteringIsRefused() {
        Meeting adjusted = planned().addParagraph(paragraph(181))
                .adjust(MAY_21, List.of("Anna Ordförande", "Bo Ledamot"));
        List<Runnable> writes = List.of(
                () -> adjusted.addParagraph(paragraph(182)),
                () -> adjusted.replaceParagraph(paragraph(181)),
                () -> adjusted.adjust(MAY_21, List.of("Anna Ordförande", "Bo Ledamot")),
                () -> adjusted.adjustParagraph(181, MAY_21, List.of("Anna Ordförande", "Bo Ledamot")),
                () -> adjusted.moveTo(MeetingState.HELD));
        for (Runnable write : writes) {
            assertThatThrownBy(write::run).isInstanceOfSatisfying(RuleViolation.class,
                    e -> assertThat(e.rule()).isEqualTo("protocol-adjusted"));
        }
        Meeting posted = adjusted.post(LocalDate.of(2024, 5, 23)); // by the second day after the justering (8 kap. 12 §)
        assertThatThrownBy(() -> posted.addParagraph(paragraph(182))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> posted.post(LocalDate.of(2024, 5, 25))).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).isEqualTo("anslag-posted"));
    }

    @Test
    void justeringNeedsTheChairAndEveryAdjuster() {
        Meeting draft = planned().addParagraph(paragraph(181));
        assertThatThrownBy(() -> draft.adjust(MAY_21, List.of("Anna Ordförande")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("justering-signatures");
                    assertThat(e.getMessage()).contains("Bo Ledamot");
                });
        assertThatThrownBy(() -> draft.adjust(MAY_21, List.of("Bo Ledamot"))).hasMessageContaining("Anna Ordförande");
        assertThatThrownBy(() -> draft.adjust(MAY_21.minusDays(1), List.of("Anna Ordförande", "Bo Ledamot")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> planned().adjust(MAY_21, List.of("Anna Ordförande", "Bo Ledamot")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("justering-empty"));
    }

    @Test
    void postingBeforeJusteringIsRefused() {
        assertThatThrownBy(() -> planned().addParagraph(paragraph(181)).post(MAY_21))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("anslag-before-justering"));
    }

    @Test
    void anImmediatelyAdjustedParagraphIsFinalAndPublicOnItsOwn() {
        Meeting m = planned().addParagraph(paragraph(181)).addParagraph(paragraph(182))
                .adjustParagraph(182, MAY_21, List.of("Anna Ordförande", "Bo Ledamot"));
        assertThat(m.isPublic(m.paragraph(182).orElseThrow())).isTrue();
        assertThat(m.isPublic(m.paragraph(181).orElseThrow())).isFalse();
        assertThatThrownBy(() -> m.replaceParagraph(paragraph(182))).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).isEqualTo("paragraph-adjusted"));
        assertThat(m.replaceParagraph(paragraph(181)).paragraphs()).hasSize(2);
    }

    @Test
    void aNumberTwiceInOneProtocolIsRefused() {
        Meeting m = planned().addParagraph(paragraph(181));
        assertThatThrownBy(() -> m.addParagraph(paragraph(181))).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).isEqualTo("paragraph-number-taken"));
    }

    @Test
    void aDraftParagraphCanBeDroppedButNotOnceAdjusted() {
        Meeting m = planned().addParagraph(paragraph(181)).addParagraph(paragraph(182));
        assertThat(m.dropParagraph(182).paragraphs()).extracting(Paragraph::number).containsExactly(181);
        assertThatThrownBy(() -> m.dropParagraph(183)).isInstanceOf(RuleViolation.class);
        Meeting adjustedAtOnce = m.adjustParagraph(182, MAY_21, List.of("Anna Ordförande", "Bo Ledamot"));
        assertThatThrownBy(() -> adjustedAtOnce.dropParagraph(182)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).isEqualTo("paragraph-adjusted"));
        Meeting adjusted = m.adjust(MAY_21, List.of("Anna Ordförande", "Bo Ledamot"));
        assertThatThrownBy(() -> adjusted.dropParagraph(182)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).isEqualTo("protocol-adjusted"));
    }

    @Test
    void paragraphsAreKeptInNumberOrder() {
        Meeting m = planned().addParagraph(paragraph(183)).addParagraph(paragraph(181));
        assertThat(m.paragraphs()).extracting(Paragraph::number).containsExactly(181, 183);
    }

    @Test
    void badPlansAreRefusedNamingTheFields() {
        assertThatThrownBy(() -> Meeting.plan("", null, "25:00", null, null, List.of(
                new Attendee(null, "X", null, Role.TJANSTGORANDE_ERSATTARE, null, null, null),
                new Attendee(null, "X", null, Role.LEDAMOT, null, null, null)), List.of()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field())
                        .contains("bodyId", "date", "startTime", "attendance[0].servingFor", "attendance"));
    }

    @Test
    void officialsAttendOnlyTheirParagraphs() {
        Attendee urban = attendance().get(5);
        assertThat(urban.attends(177)).isFalse();
        assertThat(urban.attends(178)).isTrue();
        assertThat(urban.attends(180)).isTrue();
        assertThat(urban.attends(181)).isFalse();
        assertThat(urban.paragraphs().toString()).isEqualTo("§ 178-180");
    }
}
