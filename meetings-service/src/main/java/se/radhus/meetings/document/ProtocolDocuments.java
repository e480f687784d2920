package se.radhus.meetings.document;

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
import se.radhus.meetings.domain.ProtocolText;

/**
 * The layout of a protocol document, as HTML or as PDF (A4, the body and date in each page's header and
 * "Sida X av Y"), from its lines ({@link ProtocolText}). What goes into the lines is decided before.
 */
public final class ProtocolDocuments {

    /** What a rendered PDF carries, unseen, where a paragraph breaks. */
    public static final String PARAGRAPH_BREAK = "\u00B6";

    private ProtocolDocuments() {
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The protocol as an HTML page in the usual layout. */
    public static String html(List<ProtocolText.Line> lines, String title) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>body{font-family:serif;max-width:42em;margin:2em auto}"
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

    /** The protocol as a PDF: A4, the title and "Sida X av Y" at the head of every page. */
    public static byte[] pdf(List<ProtocolText.Line> lines, String title) throws IOException {
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
