package se.radhus.meetings.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.radhus.common.domain.FieldError;

/**
 * A decision-making body (organ, nämnd, utskott). Bodies form a tree: KF &gt; KS &gt; KS-NAU.
 *
 * @param id            stable id, lower-case letters, digits and dashes, e.g. {@code ks-nau}
 * @param name          full name, e.g. "Kommunstyrelsens näringslivs- och arbetsutskott"
 * @param shortName     short name, e.g. "NAU"
 * @param parentId      the parent body's id, or null for the top (KF)
 * @param diariumPrefix the registry prefix of the diarium the body's cases are registered in, e.g. "KS"
 * @param members       seats in the body with their roles and periods
 * @param seats         the number of members (ledamöter) the body has, for its quorum; null when unknown
 */
public record Body(String id, String name, String shortName, String parentId, String diariumPrefix,
                   List<Membership> members, Integer seats) {

    public Body {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public Body(String id, String name, String shortName, String parentId, String diariumPrefix, List<Membership> members) {
        this(id, name, shortName, parentId, diariumPrefix, members, null);
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern PREFIX = Pattern.compile("[A-ZÅÄÖ]{1,10}");

    /** Field errors of this body, empty when it is valid. */
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "1-40 lower-case letters, digits or dashes, e.g. \"ks-nau\""));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "required, at most 200 characters"));
        }
        if (shortName != null && shortName.length() > 40) {
            errors.add(new FieldError("shortName", "at most 40 characters"));
        }
        if (seats != null && (seats < 1 || seats > 1000)) {
            errors.add(new FieldError("seats", "the number of members (ledamöter), 1 to 1000"));
        }
        if (parentId != null && !ID.matcher(parentId).matches()) {
            errors.add(new FieldError("parentId", "the id of an existing body"));
        }
        if (diariumPrefix != null && !PREFIX.matcher(diariumPrefix).matches()) {
            errors.add(new FieldError("diariumPrefix", "1-10 upper-case letters, e.g. \"KS\""));
        }
        for (int i = 0; i < members.size(); i++) {
            Membership m = members.get(i);
            if (m.personId() == null || m.role() == null || (m.from() != null && m.to() != null && m.to().isBefore(m.from()))) {
                errors.add(new FieldError("members[" + i + "]", "a personId, a role, and a period whose end is not before its start"));
            }
        }
        if (id != null && id.equals(parentId)) {
            errors.add(new FieldError("parentId", "a body cannot be its own parent"));
        }
        return errors;
    }
}
