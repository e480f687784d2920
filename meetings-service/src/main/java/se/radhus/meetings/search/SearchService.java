package se.radhus.meetings.search;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.store.MeetingStore;
import se.radhus.meetings.domain.Visibility;
import se.radhus.meetings.store.Protections;

/**
 * The search index beside the store: rebuilt from the protocols when it is missing, updated on justering.
 *
 * <p>Each replica keeps an index of its own (in its data folder) and follows the store: every
 * {@code radhus.search-follow-interval} (2 s) it indexes again each meeting whose version changed since it
 * indexed it, so a justering another replica handled is found here too; and when the persons with a
 * protected identity changed (one was registered) it indexes everything again, as the replica that
 * registered them did, so a name that must be hidden leaves every replica's index. A new replica (a new
 * data folder) builds its index from the store when it starts.
 */
@Component
public class SearchService {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final ParagraphIndex index;
    private final MeetingStore meetings;
    private final Protections persons;
    /** Each meeting's version as this index last indexed it. */
    private final java.util.Map<String, Long> indexedVersions = new java.util.concurrent.ConcurrentHashMap<>();
    /** The protected persons the index was last built with; null: not built in this process yet. */
    private volatile java.util.List<se.radhus.common.domain.ProtectedNames.Person> indexedRegistry;

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
        } else {
            // an index this data folder kept from an earlier run is taken as it was left (in Kubernetes the
            // folder is an emptyDir: every new pod builds its own); from here on it follows the store
            indexedVersions.putAll(meetings.versions());
            indexedRegistry = persons.protectedPersons();
        }
    }

    /**
     * Indexes every protocol again (each § replaces its earlier version): after a person's identity became
     * protected, their name goes from the index.
     */
    public synchronized void reindex() {
        persons.changed();
        var registry = persons.protectedPersons();
        // read before the protocols: a meeting written in between is at a newer version, and indexed again
        var versions = meetings.versions();
        int n = 0;
        String token = "";
        do {
            var page = meetings.list(null, 200, token);
            index.indexAll(page.items().stream().map(this::publicView).flatMap(java.util.Optional::stream).toList());
            n += page.items().size();
            token = page.nextPageToken();
        } while (!token.isEmpty());
        indexedVersions.clear();
        indexedVersions.putAll(versions);
        indexedRegistry = registry;
        log.info("search index built from {} meetings: {} paragraphs", n, index.size());
    }

    /** Follows the store: what other replicas adjusted, and who is protected (see the class). */
    @Scheduled(fixedDelayString = "${radhus.search-follow-interval:2000}", initialDelayString = "${radhus.search-follow-interval:2000}")
    public void follow() {
        if (indexedRegistry == null) {
            return; // not built yet: the start (rebuildIfNeeded) does it
        }
        try {
            if (!persons.protectedPersons().equals(indexedRegistry)) {
                reindex();
                return;
            }
            for (var e : meetings.versions().entrySet()) {
                if (!e.getValue().equals(indexedVersions.get(e.getKey()))) {
                    meetings.find(e.getKey()).ifPresent(v -> {
                        indexed(v.meeting());
                        indexedVersions.put(e.getKey(), v.version());
                    });
                }
            }
        } catch (RuntimeException e) {
            log.warn("the search index could not follow the store; will retry: {}", e.toString());
        }
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
