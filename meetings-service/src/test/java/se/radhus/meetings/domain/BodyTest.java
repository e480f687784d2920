package se.radhus.meetings.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyTest {

    @Test
    void theSeedBodiesAreValid() {
        assertThat(new Body("kf", "Kommunfullmäktige", "KF", null, "KF", null).validate()).isEmpty();
        assertThat(new Body("ks-nau", "Kommunstyrelsens näringslivs- och arbetsutskott", "NAU", "ks", "KS", null)
                .validate()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "KS", "ks nau", "-ks", "ks/nau", "åäö"})
    void badIdsAreRefused(String id) {
        assertThat(new Body(id, "Namn", null, null, null, null).validate()).extracting(e -> e.field()).contains("id");
    }

    @Test
    void aBodyCannotBeItsOwnParent() {
        assertThat(new Body("ks", "Kommunstyrelsen", null, "ks", "KS", null).validate())
                .extracting(e -> e.field()).containsExactly("parentId");
    }

    @Test
    void prefixIsUpperCaseLetters() {
        assertThat(new Body("ks", "Kommunstyrelsen", null, null, "ks", null).validate()).extracting(e -> e.field())
                .containsExactly("diariumPrefix");
        assertThat(new Body("ks", "Kommunstyrelsen", null, null, "KS1", null).validate()).isNotEmpty();
        assertThat(new Body("ks", "Kommunstyrelsen", null, null, "ÖN", null).validate()).isEmpty();
    }
}
