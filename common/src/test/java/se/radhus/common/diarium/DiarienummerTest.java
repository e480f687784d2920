package se.radhus.common.diarium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiarienummerTest {

    @ParameterizedTest
    @ValueSource(strings = {"KS-2024/00449", "KS\u20102024/00449", "KS 2024/00449", "Dnr KS 2024/449",
            "Diarienr: KS\u20102024/00449", "  ks-2024/449 ", "KS\u20132024 / 00449", "Ärendenummer KS-2024/449",
            "KS\u00a02024/00449", "Dnr. KS-2024/00449"})
    void realSpellingsNormaliseToOneForm(String spelling) {
        assertEquals("KS-2024/00449", Diarienummer.parse(spelling).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "KS", "KS-24/00449", "KS-2024", "KS-2024/", "KS-2024/123456", "KS-2024/0",
            "2024/00449", "K5-2024/00449", "KS_2024/00449", "KS-2024/00449/1", "DROP TABLE", "KS-1899/00449",
            "KS-2024/00000", "KS-2O24/00449"})
    void malformedNumbersAreRefusedNamingTheForm(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Diarienummer.parse(bad));
        assertTrue(e.getMessage().contains("KS-2024/00449"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void nullIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Diarienummer.parse(null));
    }

    @org.junit.jupiter.api.Test
    void orderIsRegistryYearSequence() {
        assertTrue(Diarienummer.parse("KS-2023/00651").compareTo(Diarienummer.parse("KS-2024/00133")) < 0);
        assertTrue(Diarienummer.parse("KS-2024/00133").compareTo(Diarienummer.parse("KS-2024/00449")) < 0);
        assertTrue(Diarienummer.parse("BN-2025/00001").compareTo(Diarienummer.parse("KS-2024/00001")) < 0);
    }

    @Property
    void canonicalFormParsesBackToItself(@ForAll @StringLength(min = 1, max = 10) @Chars({'A', 'K', 'S', 'Ö', 'Z'}) String registry,
                                         @ForAll @IntRange(min = 1900, max = 2999) int year,
                                         @ForAll @IntRange(min = 1, max = 99_999) int sequence) {
        Diarienummer d = new Diarienummer(registry, year, sequence);
        assertEquals(d, Diarienummer.parse(d.toString()));
        assertEquals(d, Diarienummer.parse("Dnr " + registry + " " + year + "/" + sequence));
    }
}
