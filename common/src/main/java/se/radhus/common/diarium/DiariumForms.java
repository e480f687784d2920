package se.radhus.common.diarium;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How each registry prints its case numbers, as configuration: {@code SLK=PREFIX-YYYY-NNNNN,
 * MS=NNNNN/YYYY}. A registry not named prints {@code PREFIX-YYYY/NNNNN}. The diarium allocates new
 * numbers in their registry's form.
 */
public record DiariumForms(Map<String, Diarienummer.Form> byRegistry) {

    public DiariumForms {
        byRegistry = Map.copyOf(byRegistry);
    }

    /**
     * Reads {@code REGISTRY=FORM} pairs separated by commas; empty means every registry in the default form.
     *
     * @throws IllegalArgumentException naming the pair that is not one
     */
    public static DiariumForms parse(String config) {
        Map<String, Diarienummer.Form> forms = new LinkedHashMap<>();
        if (config != null) {
            for (String pair : config.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                if (kv.length != 2 || kv[0].isBlank()) {
                    throw new IllegalArgumentException("diarium forms: \"" + pair.strip() + "\" is not REGISTRY=FORM");
                }
                forms.put(kv[0].strip().toUpperCase(Locale.ROOT), Diarienummer.Form.named(kv[1]));
            }
        }
        return new DiariumForms(forms);
    }

    public Diarienummer.Form formOf(String registry) {
        return byRegistry.getOrDefault(registry, Diarienummer.Form.PREFIX_YEAR_SLASH);
    }

    /** A registry's number for a year's sequence, in the registry's form. */
    public Diarienummer number(String registry, int year, int sequence) {
        return new Diarienummer(registry, year, sequence).in(formOf(registry));
    }
}
