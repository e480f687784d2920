package se.radhus.meetings.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.radhus.common.domain.FieldError;

/**
 * A secrecy marking (offentlighets- och sekretesslagen, SFS 2009:400) on a § or on a part of it: the public
 * sees the legal reference and "Sekretess", never the content.
 *
 * @param field     what is secret: null for the whole §, else one of {@link #FIELDS}, or {@code basis[i]} for one
 *                  document of the beslutsunderlag
 * @param reference the provision the secrecy rests on, e.g. "OSL 26 kap. 1 §"
 */
public record Secrecy(String field, String reference) {

    /** The parts of a § that can be marked secret on their own. */
    public static final List<String> FIELDS = List.of("title", "description", "basis", "decisions", "motions",
            "votingOrder", "chairFinding", "votes", "reservations", "notes", "effects");

    /**
     * A provision, as it is written: "OSL 26 kap. 1 §", "26 kap. 1 § offentlighets- och sekretesslagen",
     * "OSL 39 kap. 3 § första stycket". Nothing else: the reference is published, so it carries no content.
     */
    private static final Pattern PROVISION = Pattern.compile(
            "(?:(?:OSL|Offentlighets- och sekretesslagen(?: \\(2009:400\\))?) )?\\d{1,2} kap\\. \\d{1,3} ?[a-z]? §"
                    + "(?: (?:första|andra|tredje|fjärde|femte|sjätte) stycket)?(?: \\d{1,2} p\\.)?"
                    + "(?: (?:OSL|offentlighets- och sekretesslagen(?: \\(2009:400\\))?))?");

    private static final Pattern DOCUMENT = Pattern.compile("basis\\[(\\d{1,4})]");

    /** What the public sees instead of the content. */
    public String shown() {
        return "Sekretess enligt " + reference;
    }

    public boolean wholeParagraph() {
        return field == null || field.isBlank();
    }

    public boolean covers(String part) {
        return wholeParagraph() || field.equals(part);
    }

    /** Whether it covers document {@code i} of the beslutsunderlag. */
    public boolean coversDocument(int i) {
        return covers("basis") || field.equals("basis[" + i + "]");
    }

    public List<FieldError> validate(String at) {
        List<FieldError> errors = new ArrayList<>();
        if (!wholeParagraph() && !FIELDS.contains(field) && !DOCUMENT.matcher(field).matches()) {
            errors.add(new FieldError(at + ".field", "empty for the whole §, one of " + String.join(", ", FIELDS)
                    + ", or basis[i] for one document"));
        }
        if (reference == null || !PROVISION.matcher(reference.strip()).matches()) {
            errors.add(new FieldError(at + ".reference", "the provision of offentlighets- och sekretesslagen (2009:400) the secrecy rests on, written as a provision and nothing else, e.g. \"OSL 26 kap. 1 §\" or \"OSL 39 kap. 3 § första stycket\""));
        }
        return errors;
    }
}
