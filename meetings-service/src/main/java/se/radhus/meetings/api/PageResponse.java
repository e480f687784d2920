package se.radhus.meetings.api;

import java.util.List;
import se.radhus.common.store.Pages;

/** A page of a list as JSON: {@code items} and {@code nextPageToken} (empty on the last page). */
record PageResponse<T>(List<T> items, String nextPageToken) {

    static <T> PageResponse<T> of(Pages.Page<T> page) {
        return new PageResponse<>(page.items(), page.nextPageToken());
    }
}
