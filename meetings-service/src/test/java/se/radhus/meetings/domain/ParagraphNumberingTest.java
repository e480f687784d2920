package se.radhus.meetings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import se.radhus.common.domain.RuleViolation;

class ParagraphNumberingTest {

    @Test
    void theFirstKnownParagraphOfAYearMayStartAnywhere() {
        ParagraphNumbering.check(177, OptionalInt.empty(), "ks-nau", 2024);
        assertThat(ParagraphNumbering.next(OptionalInt.empty())).isEqualTo(1);
        assertThat(ParagraphNumbering.next(OptionalInt.of(190))).isEqualTo(191);
    }

    @Test
    void gapsAndReuseAreRefusedNamingTheNextNumber() {
        assertThatThrownBy(() -> ParagraphNumbering.check(192, OptionalInt.of(190), "ks-nau", 2024))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("paragraph-number-gap");
                    assertThat(e.getMessage()).contains("§ 191");
                });
        assertThatThrownBy(() -> ParagraphNumbering.check(185, OptionalInt.of(190), "ks-nau", 2024))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("paragraph-number-used"));
        assertThatThrownBy(() -> ParagraphNumbering.check(190, OptionalInt.of(190), "ks-nau", 2024))
                .isInstanceOf(RuleViolation.class);
    }

    /** Whatever numbers are attempted, the accepted ones form one consecutive run. */
    @Property
    void acceptedNumbersAreConsecutive(@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 1, max = 40) Integer> attempts) {
        List<Integer> accepted = new ArrayList<>();
        for (int n : attempts) {
            OptionalInt last = accepted.isEmpty() ? OptionalInt.empty() : OptionalInt.of(accepted.get(accepted.size() - 1));
            try {
                ParagraphNumbering.check(n, last, "b", 2024);
                accepted.add(n);
            } catch (RuleViolation e) {
                assertThat(last).isPresent();
            }
        }
        for (int i = 1; i < accepted.size(); i++) {
            assertThat(accepted.get(i)).isEqualTo(accepted.get(i - 1) + 1);
        }
    }
}
