package se.radhus.procurement.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.radhus.common.api.FieldError;

/**
 * A procurement (upphandling).
 *
 * @param id     stable id in the service
 * @param number the procurement's own number, e.g. "23310"; unique
 * @param title  e.g. "Stolar Aula Maja Beskowskolan"
 * @param caseNumber the diarienummer, canonical "KS-2024/00449", or null
 * @param state  where it stands
 */
public record Procurement(String id, String number, String title, String caseNumber, ProcurementState state) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9/-]{1,30}");

    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "1-60 lower-case letters, digits or dashes, e.g. \"23310\""));
        }
        if (number == null || !NUMBER.matcher(number).matches()) {
            errors.add(new FieldError("number", "the procurement number, e.g. \"23310\""));
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            errors.add(new FieldError("title", "required, at most 300 characters"));
        }
        return errors;
    }
}
