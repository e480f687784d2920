package se.radhus.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwedishTextTest {

    @ParameterizedTest
    @CsvSource({"2024-05-21, 21 maj 2024", "2024-01-01, 1 januari 2024", "2024-12-31, 31 december 2024",
            "2024-06-10T18:00, 10 juni 2024 kl. 18.00", "2024-06-10T09:05:30, 10 juni 2024 kl. 09.05",
            "våren 2024, våren 2024", "2024-13-01, 2024-13-01"})
    void dates(String iso, String swedish) {
        assertThat(SwedishText.date(iso)).isEqualTo(swedish);
    }

    @Test
    void noDateIsEmpty() {
        assertThat(SwedishText.date(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"BESLUT, Beslut", "FORSLAG_TILL_BESLUT, Förslag till beslut", "TJANSTGORANDE_ERSATTARE, Tjänstgörande ersättare",
            "POSTED, Justerat och anslaget", "FRAMEWORK_AGREEMENT, Ramavtal", "MEETING_NOTICE, Kungörelse av sammanträde",
            "NY_KOD, NY_KOD"})
    void labels(String code, String word) {
        assertThat(SwedishText.label(code)).isEqualTo(word);
    }
}
