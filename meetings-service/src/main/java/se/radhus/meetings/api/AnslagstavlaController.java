package se.radhus.meetings.api;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.meetings.domain.Anslagstavla;
import se.radhus.meetings.domain.Anslagstavla.Notice;
import se.radhus.meetings.service.NoticeBoard;

/**
 * The digital anslagstavla as data (kommunallagen 8 kap.): the notices up today, the fixed text on how to
 * appeal, and the archive of the notices taken down. Public: what it shows is what the public may see.
 */
@RestController
@RequestMapping("/api/anslagstavla")
class AnslagstavlaController {

    static final String ARCHIVE = "/api/anslagstavla/arkiv";

    /**
     * The anslagstavla, or a page of its archive.
     *
     * @param notices       the notices, each of kind PROTOCOL or MEETING_NOTICE
     * @param howToAppeal   how to appeal a decision (laglighetsprövning)
     * @param archive       where the notices taken down are
     * @param nextPageToken the archive's next page, null when there is none (and on the board itself)
     * @param today         the day the board is read for (Europe/Stockholm)
     */
    record Board(List<Responses.NoticeResponse> notices, Responses.HowToAppealResponse howToAppeal, String archive,
                 String nextPageToken, java.time.LocalDate today) {
        Board(List<Notice> notices, String archive, String nextPageToken, java.time.LocalDate today) {
            this(MeetingResponse.all(notices, Responses.NoticeResponse::of), Responses.HowToAppealResponse.of(Anslagstavla.HOW_TO_APPEAL),
                    archive, nextPageToken, today);
        }
    }

    private final NoticeBoard board;

    AnslagstavlaController(NoticeBoard board) {
        this.board = board;
    }

    /** The notices up today. */
    @GetMapping
    Board current() {
        return new Board(board.current(), ARCHIVE, null, board.today());
    }

    /** The notices taken down, a page at a time. */
    @GetMapping("/arkiv")
    Board archive(@RequestParam(defaultValue = "0") int pageSize, @RequestParam(defaultValue = "") String pageToken) {
        var page = board.archive(pageSize, pageToken);
        return new Board(page.notices(), ARCHIVE, page.nextPageToken(), board.today());
    }
}
