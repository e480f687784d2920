package se.radhus.meetings.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.store.DecisionLog;
import se.radhus.meetings.store.MeetingStore;

/**
 * Carries adjusted decisions into the decision log. A justering marks its meeting "publish pending" in
 * the same write; this publishes right after, and again every second for any meeting still marked (after
 * a crash, say). Publishing is idempotent, so doing it twice adds nothing.
 */
@Component
public class DecisionPublisher {

    private static final Logger log = LoggerFactory.getLogger(DecisionPublisher.class);

    private final MeetingStore meetings;
    private final DecisionLog decisionLog;
    private final se.radhus.meetings.search.SearchService search;

    public DecisionPublisher(MeetingStore meetings, DecisionLog decisionLog, se.radhus.meetings.search.SearchService search) {
        this.meetings = meetings;
        this.decisionLog = decisionLog;
        this.search = search;
    }

    public void publishNow(String meetingId) {
        try {
            meetings.find(meetingId).ifPresent(this::publish);
        } catch (RuntimeException e) {
            log.warn("publishing {} failed; the background run will retry: {}", meetingId, e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${radhus.publish-interval:1000}")
    public void publishPending() {
        try {
            meetings.pendingPublication(50).forEach(this::publish);
        } catch (RuntimeException e) {
            log.warn("publishing pending decisions failed; will retry: {}", e.toString());
        }
    }

    private synchronized void publish(MeetingStore.Versioned v) {
        Meeting m = v.meeting();
        for (Paragraph p : m.paragraphs()) {
            if (m.isPublic(p)) {
                decisionLog.append(DecisionDocuments.key(m.bodyId(), m.date().toString(), p.number()),
                        DecisionDocuments.of(m, p));
            }
        }
        search.indexed(m);
        meetings.publicationDone(m.id(), v.version());
    }
}
