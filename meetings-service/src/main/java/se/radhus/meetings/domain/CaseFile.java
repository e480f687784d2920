package se.radhus.meetings.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.radhus.common.domain.FieldError;
import se.radhus.common.diarium.Diarienummer;

/**
 * A case (ärende) in a diarium.
 *
 * @param number       its diarienummer, allocated once and never reused
 * @param bodyId       the body whose diarium registered it
 * @param title        what the case is about
 * @param registeredOn the day it was registered
 * @param documents    its documents (metadata)
 */
public record CaseFile(Diarienummer number, String bodyId, String title, LocalDate registeredOn,
                       List<CaseDocument> documents) {

    public CaseFile {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** One document of a case: a title, its kind (tjänsteskrivelse, bilaga, ansökan …) and date. */
    public record CaseDocument(String title, String kind, LocalDate date) {
    }

    public static List<FieldError> validateNew(String bodyId, String title) {
        List<FieldError> errors = new ArrayList<>();
        if (bodyId == null || bodyId.isBlank()) {
            errors.add(new FieldError("bodyId", "the body whose diarium registers the case"));
        }
        if (title == null || title.isBlank() || title.length() > 500) {
            errors.add(new FieldError("title", "required, at most 500 characters"));
        }
        return errors;
    }
}
