package se.radhus.meetings.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import se.radhus.common.store.Pages;
import se.radhus.meetings.domain.Agenda;
import se.radhus.meetings.domain.Anslagstavla;
import se.radhus.meetings.domain.Anslagstavla.Notice;
import se.radhus.meetings.domain.Body;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Visibility;
import se.radhus.meetings.store.AgendaStore;
import se.radhus.meetings.store.BodyStore;
import se.radhus.meetings.store.MeetingStore;
import se.radhus.meetings.store.Protections;

/**
 * The anslagstavla's notices, read from the records they rest on (a meeting's posting, fullmäktige's published
 * kallelse) as the public sees them (drafts never, protected persons hidden), on the injected clock's today.
 */
@Service
public class NoticeBoard {

    private final MeetingStore meetings;
    private final AgendaStore agendas;
    private final BodyStore bodies;
    private final Protections persons;
    private final Clock clock;
    private final String defaultKeptAt;

    public NoticeBoard(MeetingStore meetings, AgendaStore agendas, BodyStore bodies, Protections persons, Clock clock,
                       @Value("${radhus.anslagstavla.protocol-kept-at:}") String defaultKeptAt) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.bodies = bodies;
        this.persons = persons;
        this.clock = clock;
        this.defaultKeptAt = defaultKeptAt;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The notices up today: meeting notices first by meeting date, then protocols, latest posted first. */
    public List<Notice> current() {
        LocalDate today = today();
        Names names = new Names();
        List<Notice> out = new ArrayList<>();
        for (Agenda a : agendas.publishedUpOn(fullmaktige(), today)) {
            meetingNotice(a, names).filter(n -> n.isUpOn(today)).ifPresent(out::add);
        }
        for (Meeting m : meetings.noticesUpOn(today)) {
            protocolNotice(m, names).filter(n -> n.isUpOn(today)).ifPresent(out::add);
        }
        return out;
    }

    /** A page of the archive and the token for the next, null when there is none. */
    public record ArchivePage(List<Notice> notices, String nextPageToken) {
    }

    private static final String PROTOCOLS = "P|";
    private static final String KALLELSER = "K|";

    /**
     * The notices taken down: the protocols first, then fullmäktige's meeting notices, each in id order. The
     * page token is sealed ({@link Pages}) and names which of the two it continues.
     */
    public ArchivePage archive(int pageSize, String pageToken) {
        LocalDate today = today();
        int size = Pages.clampPageSize(pageSize);
        Names names = new Names();
        String cursor = pageToken == null || pageToken.isBlank() ? PROTOCOLS : Pages.decodeToken(pageToken);
        List<Notice> out = new ArrayList<>();
        if (cursor.startsWith(PROTOCOLS)) {
            var page = meetings.noticesDownBy(today, size, continuing(cursor, PROTOCOLS));
            page.items().forEach(m -> protocolNotice(m, names).ifPresent(out::add));
            if (!page.nextPageToken().isEmpty()) {
                return new ArchivePage(out, Pages.encodeToken(PROTOCOLS + Pages.decodeToken(page.nextPageToken())));
            }
            if (page.items().size() == size) {
                return new ArchivePage(out, Pages.encodeToken(KALLELSER));
            }
            size -= page.items().size();
            cursor = KALLELSER;
        }
        if (!cursor.startsWith(KALLELSER)) {
            throw new IllegalArgumentException("pageToken is not a token of this list.");
        }
        var page = agendas.publishedBefore(fullmaktige(), today, size, continuing(cursor, KALLELSER));
        page.items().forEach(a -> meetingNotice(a, names).ifPresent(out::add));
        return new ArchivePage(out, page.nextPageToken().isEmpty() ? null
                : Pages.encodeToken(KALLELSER + Pages.decodeToken(page.nextPageToken())));
    }

    private static String continuing(String cursor, String prefix) {
        String last = cursor.substring(prefix.length());
        return last.isEmpty() ? "" : Pages.encodeToken(last);
    }

    /** The notice of a posted protocol, built from the meeting as the public sees it. */
    public Optional<Notice> protocolNotice(Meeting m, Names names) {
        return Visibility.view(m, false, false, persons.of(m))
                .flatMap(shown -> Anslagstavla.protocolNotice(shown, names.of(m.bodyId()), defaultKeptAt));
    }

    /** Fullmäktige's notice of a meeting whose kallelse is published. */
    public Optional<Notice> meetingNotice(Agenda a, Names names) {
        return meetings.find(a.meetingId()).flatMap(v -> {
            Meeting m = v.meeting();
            var protection = persons.of(m);
            Meeting shownMeeting = new Meeting(m.id(), m.bodyId(), m.date(), m.startTime(), m.endTime(),
                    protection.names().publish(m.place()), m.state(), List.of(), List.of(), List.of(), null, null);
            return Visibility.publicAgenda(a, protection.names())
                    .flatMap(shown -> Anslagstavla.meetingNotice(shownMeeting, shown, names.of(m.bodyId())));
        });
    }

    /** The bodies that are fullmäktige: the top of the tree (no parent). */
    private List<String> fullmaktige() {
        List<String> ids = new ArrayList<>();
        String token = "";
        do {
            var page = bodies.list(Pages.MAX_PAGE_SIZE, token);
            page.items().stream().filter(b -> b.parentId() == null).map(Body::id).forEach(ids::add);
            token = page.nextPageToken();
        } while (!token.isEmpty());
        return ids;
    }

    /** Bodies' names, each read once per answer. */
    public final class Names {
        private final Map<String, String> known = new HashMap<>();

        public String of(String bodyId) {
            return known.computeIfAbsent(bodyId, id -> bodies.find(id).map(Body::name).orElse(id));
        }
    }

    static final Comparator<Notice> NEWEST_FIRST = Comparator.comparing(Notice::postedOn).reversed();
}
