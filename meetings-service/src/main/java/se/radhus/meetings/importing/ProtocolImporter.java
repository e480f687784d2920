package se.radhus.meetings.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.radhus.meetings.domain.Attendee;
import se.radhus.meetings.domain.Paragraph;

/**
 * Reads the text of a protocol (as extracted from its PDF) into its meeting: the page text without its
 * furniture ({@link PageText}), what comes before the first § ({@link FrontMatter}), and every paragraph
 * ({@link ParagraphReader}, with {@link Decisions}, {@link Motions} and {@link VoteReader} for its parts).
 * The words and furniture of each layout are data ({@link ProtocolLayout}). What it cannot place is
 * reported by line number; it invents nothing.
 */
public final class ProtocolImporter {

    /** What was read, and the warnings about what could not be placed. */
    public record Imported(String bodyName, LocalDate date, String place, String startTime, String endTime,
                           List<Attendee> attendance, List<String> adjusters, List<Paragraph> paragraphs, List<String> warnings) {
    }

    private final ProtocolLayout layout;
    private final ParagraphReader paragraphs;

    public ProtocolImporter() {
        this(ProtocolLayout.standard());
    }

    public ProtocolImporter(ProtocolLayout layout) {
        this.layout = layout;
        this.paragraphs = new ParagraphReader(layout);
    }

    /** The text of a protocol's PDF, within the standard limits. */
    public static String pdfText(byte[] pdf) {
        return PdfText.read(pdf, Limits.STANDARD, new Deadline(Limits.STANDARD.time()));
    }

    public Imported read(String text) {
        return read(text, new Deadline(java.time.Duration.ofDays(1)));
    }

    Imported read(String text, Deadline deadline) {
        PageText.Read page = PageText.read(text, layout);
        deadline.check();
        List<String> warnings = new ArrayList<>(page.warnings());
        List<Line> lines = page.lines();
        int first = paragraphs.first(lines);
        FrontMatter.Read front = FrontMatter.read(first < 0 ? lines : lines.subList(0, first), layout, warnings);
        List<Paragraph> read = first < 0 ? List.of() : paragraphs.read(lines, first, warnings, deadline);
        return new Imported(page.bodyName(), page.date(), front.place(), front.startTime(), front.endTime(), front.attendance(),
                front.adjusters(), read, warnings);
    }
}
