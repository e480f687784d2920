package se.radhus.meetings.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.ProtocolText;
import se.radhus.meetings.service.MeetingService;
import se.radhus.meetings.store.BodyStore;

/**
 * The protocol document, {@code GET /api/meetings/{id}/protocol}: HTML or PDF by Accept, in the usual
 * layout, with the body and date in each page's header and "Sida X av Y". What the caller may not see
 * (drafts, protected identities) is not in it.
 */
@RestController
class ProtocolController {

    /** What a rendered PDF carries, unseen, where a paragraph breaks. */
    static final String PARAGRAPH_BREAK = "\u00B6";

    private final MeetingService service;
    private final MeetingController meetings;
    private final BodyStore bodies;

    ProtocolController(MeetingService service, MeetingController meetings, BodyStore bodies) {
        this.service = service;
        this.meetings = meetings;
        this.bodies = bodies;
    }

    private List<ProtocolText.Line> lines(String id, jakarta.servlet.http.HttpServletRequest request, String[] title) {
        Meeting m = meetings.visible(service.get(id).meeting(), request);
        String bodyName = bodies.find(m.bodyId()).map(b -> b.name()).orElse(m.bodyId());
        title[0] = bodyName + "  " + m.date();
        return ProtocolText.of(m, bodyName);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @GetMapping(value = "/api/meetings/{id}/protocol", produces = MediaType.TEXT_HTML_VALUE)
    String html(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        String[] title = new String[1];
        List<ProtocolText.Line> lines = lines(id, request, title);
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title[0])).append("</title><style>body{font-family:serif;max-width:42em;margin:2em auto}"
                        + ".clause{margin-left:2em}.label{font-weight:bold;margin-top:1em}.nr{font-size:1.3em;font-weight:bold;margin-top:2em}"
                        + "</style></head><body>\n");
        for (ProtocolText.Line l : lines) {
            String t = escape(l.text());
            h.append(switch (l.style()) {
                case TITLE -> "<h1>" + t + "</h1>";
                case HEADING -> "<h2>" + t + "</h2>";
                case PARAGRAPH_NUMBER -> "<div class=\"nr\">" + t + "</div>";
                case LABEL -> "<div class=\"label\">" + t + "</div>";
                case CLAUSE -> "<p class=\"clause\">" + t + "</p>";
                case SPACE -> "<hr>";
                case TEXT -> "<p>" + t + "</p>";
            }).append('\n');
        }
        return h.append("</body></html>\n").toString();
    }

    @GetMapping(value = "/api/meetings/{id}/protocol", produces = MediaType.APPLICATION_PDF_VALUE)
    byte[] pdf(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) throws IOException {
        String[] title = new String[1];
        List<ProtocolText.Line> lines = lines(id, request, title);
        return render(lines, title[0]);
    }

    /** The protocol as a PDF: A4, the title and "Sida X av Y" at the head of every page. */
    public static byte[] render(List<ProtocolText.Line> lines, String title) throws IOException {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
        float margin = 56;
        float width = PDRectangle.A4.getWidth() - 2 * margin;
        // lay out into pages first, so that each page can say "Sida X av Y"
        List<List<Object[]>> pages = new ArrayList<>();
        List<Object[]> page = new ArrayList<>();
        float y = PDRectangle.A4.getHeight() - margin - 30;
        for (ProtocolText.Line l : lines) {
            PDType1Font font = l.style() == ProtocolText.Style.TEXT || l.style() == ProtocolText.Style.CLAUSE ? regular : bold;
            float size = switch (l.style()) {
                case TITLE -> 16;
                case HEADING, PARAGRAPH_NUMBER -> 13;
                default -> 11;
            };
            float indent = l.style() == ProtocolText.Style.CLAUSE ? 24 : 0;
            // a paragraph break is drawn as a white pilcrow: unseen on the page, kept by text extraction, so
            // that importing the rendered protocol gives back its paragraphs
            String shown = l.text().isEmpty() ? PARAGRAPH_BREAK : pdfSafe(l.text());
            for (String part : wrap(shown, font, size, width - indent)) {
                // a paragraph break stays at the foot of its page: an importer drops blank lines after a page header
                if (y < margin + 30 && !PARAGRAPH_BREAK.equals(part)) {
                    pages.add(page);
                    page = new ArrayList<>();
                    y = PDRectangle.A4.getHeight() - margin - 30;
                }
                page.add(new Object[] {part, font, size, margin + indent, y});
                y -= size * 1.4f;
            }
        }
        pages.add(page);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages.size(); i++) {
                PDPage p = new PDPage(PDRectangle.A4);
                doc.addPage(p);
                try (PDPageContentStream c = new PDPageContentStream(doc, p)) {
                    text(c, regular, 9, margin, PDRectangle.A4.getHeight() - margin + 10, pdfSafe(title));
                    text(c, regular, 9, PDRectangle.A4.getWidth() - margin - 60, PDRectangle.A4.getHeight() - margin + 10,
                            "Sida " + (i + 1) + " av " + pages.size());
                    for (Object[] l : pages.get(i)) {
                        boolean mark = PARAGRAPH_BREAK.equals(l[0]);
                        c.setNonStrokingColor(mark ? java.awt.Color.WHITE : java.awt.Color.BLACK);
                        text(c, (PDType1Font) l[1], (Float) l[2], (Float) l[3], (Float) l[4], (String) l[0]);
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static void text(PDPageContentStream c, PDType1Font font, float size, float x, float y, String s) throws IOException {
        c.beginText();
        c.setFont(font, size);
        c.newLineAtOffset(x, y);
        c.showText(s);
        c.endText();
    }

    /** Characters the standard fonts cannot show become their nearest plain form. */
    static String pdfSafe(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '\u2010' || ch == '\u2011' || ch == '\u2212') {
                out.append('-');
            } else if (ch < 32) {
                out.append(' ');
            } else if (ch > 255 && "–—‘’“”…•€™".indexOf(ch) < 0) {
                out.append('?');
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        out.add(line.toString());
        return out;
    }
}
