package se.radhus.meetings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;

/** The agenda and its kallelse, and the anslagstavla's notices, each rule with the statute it rests on. */
class AgendaTest {

    static final LocalDate KF_DAY = LocalDate.parse("2024-06-10");

    static Agenda agenda() {
        return new Agenda("kf-2024-06-10", "kf", KF_DAY, List.of(), null).withItems(List.of(
                new Agenda.AgendaItem(0, Diarienummer.parse("KS-2024/00449"), "Stolar", List.of("godkänna."), List.of("d-1"), null, null),
                new Agenda.AgendaItem(0, null, "Fastighet", List.of("förvärva."), List.of("d-2"), " OSL 19 kap. 1 § ", null)));
    }

    /** Kommunallagen 5 kap.: fullmäktige's notice at least a week before; configuration adds, never lowers. */
    @ParameterizedTest(name = "fullmäktige {0}, configured {1} -> {2}")
    @CsvSource({"true, 0, 7", "true, 2, 7", "true, 7, 7", "true, 10, 10", "false, 0, 0", "false, 3, 3", "false, 14, 14", "false, -2, 0"})
    void theDaysOfNotice(boolean fullmaktige, int configured, int days) {
        assertThat(Agenda.noticeDays(fullmaktige, configured)).isEqualTo(days);
    }

    @Test
    void itemsAreNumberedInOrderAndTheirSecrecyIsAProvision() {
        Agenda a = agenda();
        assertThat(a.items()).extracting(Agenda.AgendaItem::number).containsExactly(1, 2);
        assertThat(a.items().get(1).secrecy()).isEqualTo("OSL 19 kap. 1 §");
        assertThat(a.items().get(1).isPublic()).isFalse();
        assertThatThrownBy(() -> a.withItems(List.of(new Agenda.AgendaItem(0, null, "T", List.of(), List.of(), "för att det är känsligt", null))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("items[0].secrecy");
        assertThatThrownBy(() -> a.withItems(List.of(new Agenda.AgendaItem(0, null, " ", List.of(), List.of(), null, null))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("items[0].title");
        assertThatThrownBy(() -> a.withItems(List.of(new Agenda.AgendaItem(0, null, "A", List.of(), List.of("d"), null, null),
                new Agenda.AgendaItem(0, null, "B", List.of(), List.of("d"), null, null))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("items[1].documents");
    }

    @Test
    void aKallelseOnItsDueDayIsOnTimeAndTheDayAfterLate() {
        int days = Agenda.noticeDays(true, 0);
        Agenda onTime = agenda().publish(LocalDate.parse("2024-06-03"), LocalDate.parse("2024-06-03"), days, null);
        assertThat(onTime.kallelse().due()).isEqualTo(LocalDate.parse("2024-06-03"));
        assertThat(onTime.kallelse().late()).isFalse();
        Agenda late = agenda().publish(LocalDate.parse("2024-06-04"), LocalDate.parse("2024-06-05"), days, " sjukdom ");
        assertThat(late.kallelse().late()).isTrue();
        assertThat(late.kallelse().lateReason()).isEqualTo("sjukdom");
    }

    @Test
    void aKallelseIsNotInTheFutureNorAfterTheMeetingNorTwice() {
        assertThatThrownBy(() -> agenda().publish(LocalDate.parse("2024-06-05"), LocalDate.parse("2024-06-04"), 7, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("after today");
        assertThatThrownBy(() -> agenda().publish(LocalDate.parse("2024-06-11"), LocalDate.parse("2024-06-12"), 7, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("publishedOn");
        assertThatThrownBy(() -> agenda().publish(null, KF_DAY, 7, null)).isInstanceOf(InvalidInput.class);
        Agenda published = agenda().publish(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-01"), 7, null);
        assertThat(published.kallelse().lateReason()).isNull();
        assertThatThrownBy(() -> published.publish(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-01"), 7, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("was published");
        assertThatThrownBy(() -> published.withItems(List.of())).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new Agenda("m", "kf", KF_DAY, List.of(), null).publish(KF_DAY, KF_DAY, 7, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("no items");
    }

    @Test
    void anItemBecomesAParagraphTypedOnce() {
        Agenda.AgendaItem secret = agenda().items().get(1);
        Paragraph p = Agenda.paragraphOf(agenda().items().get(0), 12, "Kommunfullmäktige", List.of("skrivelse.pdf"));
        assertThat(p.number()).isEqualTo(12);
        assertThat(p.caseNumber().toString()).isEqualTo("KS-2024/00449");
        assertThat(p.decisions().get(0).decidingBody()).isEqualTo("Kommunfullmäktige");
        assertThat(p.decisions().get(0).clauses()).containsExactly("godkänna.");
        assertThat(p.basis()).containsExactly("skrivelse.pdf");
        assertThat(p.validate()).isEmpty();
        Paragraph s = Agenda.paragraphOf(secret, 13, "Kommunfullmäktige", List.of());
        assertThat(s.secrecy()).containsExactly(new Secrecy(null, "OSL 19 kap. 1 §"));
        assertThat(agenda().drawn(2, 13).items().get(1).paragraph()).isEqualTo(13);
    }

    @Test
    void theAgendaAsThePublicSeesIt() {
        Agenda a = agenda();
        assertThat(Visibility.publicAgenda(a, se.radhus.common.domain.ProtectedNames.none())).isEmpty();
        Agenda shown = Visibility.publicAgenda(a.publish(KF_DAY, KF_DAY, 7, null), se.radhus.common.domain.ProtectedNames.none()).orElseThrow();
        assertThat(shown.items().get(0).title()).isEqualTo("Stolar");
        assertThat(shown.items().get(1).title()).isEqualTo("Sekretess enligt OSL 19 kap. 1 §");
        assertThat(shown.items().get(1).proposedDecision()).isEmpty();
        assertThat(shown.items().get(1).documents()).isEmpty();
    }

    @Test
    void caseDocumentsAreWhatTheirTypeSays() {
        byte[] pdf = "%PDF-1.7 …".getBytes(StandardCharsets.UTF_8);
        assertThat(CaseDocument.check("a.pdf", "Application/PDF; x=y", pdf, 100)).isEqualTo("application/pdf");
        assertThat(CaseDocument.check("a.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}, 100))
                .isEqualTo("image/png");
        assertThat(CaseDocument.check("a.jpg", "image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, 100)).isEqualTo("image/jpeg");
        assertThat(CaseDocument.check("å.txt", "text/plain", "Åsa".getBytes(StandardCharsets.UTF_8), 100)).isEqualTo("text/plain");
        assertThatThrownBy(() -> CaseDocument.check("a.txt", "text/plain", new byte[]{(byte) 0xC3, 0x28}, 100))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("content");
        assertThatThrownBy(() -> CaseDocument.check("a.pdf", "application/pdf", pdf, 3)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("at most 3 bytes");
        assertThatThrownBy(() -> CaseDocument.check("a.html", "text/html", pdf, 100)).isInstanceOf(CaseDocument.UnsupportedType.class);
        assertThatThrownBy(() -> CaseDocument.check("../a.pdf", "application/pdf", pdf, 100)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> CaseDocument.check("a\nb.pdf", "application/pdf", pdf, 100)).isInstanceOf(InvalidInput.class);
    }
}
