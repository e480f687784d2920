package se.radhus.micronaut;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import se.radhus.common.store.Pages;

/** A page of a list as JSON: {@code items} and {@code nextPageToken} (empty on the last page). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageResponse<T>(List<T> items, String nextPageToken) {

    public static <T> PageResponse<T> of(Pages.Page<T> page) {
        return new PageResponse<>(page.items(), page.nextPageToken());
    }
}
