package se.radhus.finance.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import se.radhus.common.api.FieldError;

/**
 * An appropriation (anslag): a named pool of money per year, owned by a body.
 *
 * @param id          stable id, e.g. {@code ks-tillvaxt}
 * @param name        e.g. "Kommunstyrelsens anslag för tillväxt"
 * @param ownerBodyId the owning body, e.g. {@code ks}
 * @param amounts     the appropriated amount per year, one entry per year
 */
public record Appropriation(String id, String name, String ownerBodyId, List<YearAmount> amounts) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    public Appropriation {
        amounts = amounts == null ? List.of() : List.copyOf(amounts);
    }

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
        Set<Integer> years = new HashSet<>();
        for (YearAmount a : amounts) {
            if (!years.add(a.year())) {
                errors.add(new FieldError("amounts", "one amount per year; " + a.year() + " appears twice"));
            }
            if (a.amount().isNegative()) {
                errors.add(new FieldError("amounts", "amounts are not negative; " + a.year() + " is"));
            }
        }
        return errors;
    }
}
