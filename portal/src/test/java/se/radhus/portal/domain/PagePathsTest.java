package se.radhus.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagePathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ks-nau", "ks-nau-2024-05-21", "p-23310", "kf", "0"})
    void ids(String id) {
        assertThat(PagePaths.requireId(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "KS", "ks_nau", "-ks", "ks/nau", "..", "ks.nau", "ks%2fnau", "ks nau"})
    void notIds(String id) {
        assertThatThrownBy(() -> PagePaths.requireId(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"KS-2024/00449, KS-2024/00449", "ks-2024/449, KS-2024/00449",
            "SLK-2024-00252, SLK-2024-00252", "00190/2024, 00190/2024", "Dnr KS 2024/1, KS-2024/00001"})
    void caseNumbersInEveryRegistrysSpellingAreAskedForCanonically(String number, String canonical) {
        assertThat(PagePaths.requireCaseNumber(number)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"KS", "KS-2024/../00449", "KS-2024//00449", "/KS-2024", "KS-2024/", "KS-2024/00449?x=1",
            "a/b/c", ""})
    void notCaseNumbers(String number) {
        assertThatThrownBy(() -> PagePaths.requireCaseNumber(number)).isInstanceOf(IllegalArgumentException.class);
    }
}
