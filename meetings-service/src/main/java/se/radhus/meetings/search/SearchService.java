package se.radhus.meetings.search;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.store.MeetingStore;
import se.radhus.meetings.domain.Visibility;
import se.radhus.meetings.store.Protections;

/** The search index beside the store: rebuilt from the protocols when it is missing, updated on justering. */
@Component
public class SearchService {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final ParagraphIndex index;
    private final MeetingStore meetings;
    private final Protections persons;

    public SearchService(@Value("${radhus.data-dir:data}") String dataDir, MeetingStore meetings, Protections persons) {
        this.index = new ParagraphIndex(Path.of(dataDir).resolve("meetings").resolve("search-index"));
        this.meetings = meetings;
        this.persons = persons;
    }

    /** What the public may see of the meeting, as the index holds it. */
    private java.util.Optional<Meeting> publicView(Meeting m) {
        return Visibility.view(m, false, false, persons.of(m));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfNeeded() {
        if (index.needsRebuild()) {
            index.clear();
            reindex();
        }
    }

    /**
     * Indexes every protocol again (each § replaces its earlier version): after a person's identity became
     * protected, their name goes from the index.
     */
    public synchronized void reindex() {
        persons.changed();
        int n = 0;
        String token = "";
        do {
            var page = meetings.list(null, 200, token);
            index.indexAll(page.items().stream().map(this::publicView).flatMap(java.util.Optional::stream).toList());
            n += page.items().size();
            token = page.nextPageToken();
        } while (!token.isEmpty());
        log.info("search index built from {} meetings: {} paragraphs", n, index.size());
    }

    /** Called when a protocol (or a paragraph) is adjusted. */
    public void indexed(Meeting m) {
        publicView(m).ifPresent(index::index);
    }

    public ParagraphIndex.Result search(String q, String bodyId, Integer year, int offset, int limit) {
        return index.search(q, bodyId, year, offset, limit);
    }

    @PreDestroy
    void close() {
        index.close();
    }
}
