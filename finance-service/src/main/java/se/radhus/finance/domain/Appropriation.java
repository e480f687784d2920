package se.radhus.finance.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.radhus.common.domain.FieldError;

/**
 * An appropriation (anslag): a named pool of money per year, owned by a body. What it holds per year is
 * in its ledger: each amount is an ALLOCATION entry carrying the decision that set it.
 *
 * @param id          stable id, e.g. {@code ks-tillvaxt}
 * @param name        e.g. "Kommunstyrelsens anslag för tillväxt"
 * @param ownerBodyId the owning body, e.g. {@code ks}
 * @param currency    ISO 4217, SEK
 */
public record Appropriation(String id, String name, String ownerBodyId, String currency) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "1-60 lower-case letters, digits or dashes, e.g. \"ks-tillvaxt\""));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "required, at most 200 characters"));
        }
        if (ownerBodyId == null || ownerBodyId.isBlank()) {
            errors.add(new FieldError("ownerBodyId", "the id of the owning body, e.g. \"ks\""));
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            errors.add(new FieldError("currency", "an ISO 4217 code, e.g. SEK"));
        }
        return errors;
    }
}
