package se.radhus.common.diarium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each registry's own form of case number: read in any spelling, printed as the registry prints it. */
class DiarienummerFormsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = ';', value = {
            "SLK-2024-00252;SLK-2024-00252;PREFIX_YEAR_DASH",
            "slk 2024-252;SLK-2024-00252;PREFIX_YEAR_DASH",
            "Ärendenummer SLK\u20102024\u201000252;SLK-2024-00252;PREFIX_YEAR_DASH",
            "SLK-2025-00005:54;SLK-2025-00005:54;PREFIX_YEAR_DASH",
            "SLK-2023-00025:-1;SLK-2023-00025:-1;PREFIX_YEAR_DASH",
            "00190/2024;00190/2024;SEQUENCE_YEAR",
            "190/2024;00190/2024;SEQUENCE_YEAR",
            "Diarienummer 00158/20231.1.3.;00158/2023;SEQUENCE_YEAR",
            "00178/2024 1.1.2;00178/2024;SEQUENCE_YEAR",
            "0098/22;0098/22;SEQUENCE_SHORT_YEAR",
            "98/22;0098/22;SEQUENCE_SHORT_YEAR",
            "78990;78990;NUMBER",
            "Diarienummer 103801;103801;NUMBER",
            "KS 2024/449;KS-2024/00449;PREFIX_YEAR_SLASH"})
    void everyRegistrysFormIsReadInAnySpellingAndPrintedAsTheRegistryPrintsIt(String spelling, String printed, String form) {
        Diarienummer d = Diarienummer.parse(spelling);
        assertEquals(printed, d.toString());
        assertEquals(Diarienummer.Form.valueOf(form), d.form());
        assertEquals(d, Diarienummer.parse(d.toString()));
    }

    @Test
    void numbersAreEqualWhenTheyPrintTheSame() {
        assertEquals(Diarienummer.parse("190/2024"), new Diarienummer("MS", 2024, 190, Diarienummer.Form.SEQUENCE_YEAR));
        assertEquals(Diarienummer.parse("SLK-2024-252").hashCode(), Diarienummer.parse("SLK 2024-00252").hashCode());
    }

    @Test
    void aRegistrysFormIsConfigurationAndNewNumbersAreAllocatedInIt() {
        DiariumForms forms = DiariumForms.parse("SLK=PREFIX-YYYY-NNNNN, MS = NNNNN/YYYY,old=N");
        assertEquals("SLK-2024-00252", forms.number("SLK", 2024, 252).toString());
        assertEquals("00190/2024", forms.number("MS", 2024, 190).toString());
        assertEquals("78990", forms.number("OLD", 2024, 78990).toString());
        assertEquals("KS-2024/00449", forms.number("KS", 2024, 449).toString());
        assertThrows(IllegalArgumentException.class, () -> DiariumForms.parse("SLK"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiariumForms.parse("SLK=YYYY"));
        assertEquals(true, e.getMessage().contains("PREFIX-YYYY-NNNNN"));
    }

    @Test
    void aFormsOwnBoundsAreKept() {
        assertThrows(IllegalArgumentException.class, () -> Diarienummer.parse("1234567/2024"));
        assertThrows(IllegalArgumentException.class, () -> Diarienummer.parse("190/1800"));
        assertThrows(IllegalArgumentException.class, () -> Diarienummer.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> Diarienummer.parse("SLK-2024-00252:x"));
    }
}
