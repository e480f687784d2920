package se.radhus.meetings.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The digital anslagstavla (kommunallagen 2017:725, 8 kap. 9–12 §§): the notices of adjusted protocols,
 * fullmäktige's meeting notices, and how to appeal.
 *
 * <ul>
 *   <li>A protocol's notice says where the protocol is kept and on which day it was posted (8 kap. 12 §), is
 *   posted as the meeting's posting records it, and stays up until the appeal time has run out: it comes down
 *   the day after the last day to appeal (three weeks from posting, 13 kap. 5 §; lag 1930:173).</li>
 *   <li>Fullmäktige's meeting notice gives time, place and the cases (kommunallagen 5 kap.), from the day its
 *   kallelse is published until the meeting; it comes down the day after.</li>
 * </ul>
 * A notice is up on the days from {@code postedOn} until the day before {@code takenDownOn}; after that it
 * belongs to the archive.
 */
public final class Anslagstavla {

    private Anslagstavla() {
    }

    public enum Kind { PROTOCOL, MEETING_NOTICE }

    /** A case on a meeting notice. */
    public record NoticeCase(String title, String diarienummer) {
    }

    /**
     * One notice, as the public sees it. Fields of the other kind are null.
     *
     * @param late posted after its due day (a protocol's posting, a kallelse)
     */
    public record Notice(String id, Kind kind, String bodyId, String bodyName, String meetingId, LocalDate meetingDate,
                         String title, LocalDate postedOn, LocalDate takenDownOn, LocalDate lastDayToAppeal,
                         String protocolKeptAt, String protocolUrl, String startsAt, String place, List<NoticeCase> cases,
                         boolean late) {

        /** Up on {@code day}: posted by then and not yet taken down. */
        public boolean isUpOn(LocalDate day) {
            return !day.isBefore(postedOn) && day.isBefore(takenDownOn);
        }

        /** Taken down by {@code day}. */
        public boolean isDownOn(LocalDate day) {
            return !day.isBefore(takenDownOn);
        }
    }

    /** How to appeal: the fixed text every notice of a protocol stands with. */
    public record HowToAppeal(String title, String text) {
    }

    public static final HowToAppeal HOW_TO_APPEAL = new HowToAppeal("Så överklagar du ett beslut (laglighetsprövning)",
            "Varje medlem av kommunen kan överklaga ett beslut genom laglighetsprövning enligt 13 kap. kommunallagen "
                    + "(2017:725). Överklagandet ska vara skriftligt. Ange vilket beslut du överklagar (organ, datum och "
                    + "paragraf), varför du anser att beslutet är olagligt och vilken ändring du vill ha. Skicka "
                    + "överklagandet till förvaltningsrätten; det ska ha kommit in inom tre veckor från den dag då det "
                    + "tillkännagavs på kommunens anslagstavla att protokollet justerats (13 kap. 5 §). Den sista dagen "
                    + "står vid varje tillkännagivande. Ett beslut kan upphävas om det inte hör till kommunens "
                    + "angelägenheter, om det har kommit till på fel sätt, om organet har överskridit sina befogenheter "
                    + "eller om beslutet strider mot lag eller annan författning (13 kap. 8 §).");

    /** The notice of a meeting's adjusted protocol, once posted: built from the meeting as the public sees it. */
    public static Optional<Notice> protocolNotice(Meeting publicView, String bodyName, String defaultKeptAt) {
        Meeting.Posting p = publicView.posting();
        if (p == null || p.postedOn() == null || p.appealDeadline() == null) {
            return Optional.empty();
        }
        String keptAt = p.keptAt() != null && !p.keptAt().isBlank() ? p.keptAt()
                : defaultKeptAt == null || defaultKeptAt.isBlank() ? null : defaultKeptAt;
        return Optional.of(new Notice("protokoll-" + publicView.id(), Kind.PROTOCOL, publicView.bodyId(), bodyName,
                publicView.id(), publicView.date(), "Justerat protokoll: " + bodyName + " " + publicView.date(),
                p.postedOn(), p.downOn() != null ? p.downOn() : p.appealDeadline().plusDays(1), p.appealDeadline(), keptAt,
                "/api/meetings/" + publicView.id() + "/protocol", null, null, null, p.late()));
    }

    /**
     * Fullmäktige's notice of a meeting, once its kallelse is published: time, place and the cases, each public
     * item by its title, an item that is not public by its provision only.
     *
     * @param publicAgenda the agenda as the public sees it
     */
    public static Optional<Notice> meetingNotice(Meeting meeting, Agenda publicAgenda, String bodyName) {
        if (publicAgenda.kallelse() == null) {
            return Optional.empty();
        }
        List<NoticeCase> cases = publicAgenda.items().stream().map(i -> new NoticeCase(i.title(),
                i.caseNumber() == null ? null : i.caseNumber().toString())).toList();
        String startsAt = meeting.date() + (meeting.startTime() == null ? "" : "T" + meeting.startTime().replace('.', ':'));
        return Optional.of(new Notice("kungorelse-" + meeting.id(), Kind.MEETING_NOTICE, meeting.bodyId(), bodyName,
                meeting.id(), meeting.date(), "Kungörelse: " + bodyName + " sammanträder " + meeting.date(),
                publicAgenda.kallelse().publishedOn(), meeting.date().plusDays(1), null, null, null, startsAt,
                meeting.place(), cases, publicAgenda.kallelse().late()));
    }
}
