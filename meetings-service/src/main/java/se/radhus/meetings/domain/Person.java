package se.radhus.meetings.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.radhus.common.domain.FieldError;

/**
 * A member or official.
 *
 * @param id                stable id, e.g. {@code urban-helmersson}
 * @param name              full name
 * @param party             party abbreviation ("S", "M", "C", "V" …), null for officials
 * @param title             e.g. "upphandlingschef"
 * @param protectedIdentity skyddade personuppgifter: never shown to anyone not entitled
 */
public record Person(String id, String name, String party, String title, boolean protectedIdentity) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "1-60 lower-case letters, digits or dashes, e.g. \"urban-helmersson\""));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "required, at most 200 characters"));
        }
        if (party != null && party.length() > 20) {
            errors.add(new FieldError("party", "a party abbreviation, at most 20 characters"));
        }
        return errors;
    }
}
