package se.radhus.meetings.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a protocol's PDF, within bounds: at most {@link Limits#pages()} pages and
 * {@link Limits#decompressedBytes()} bytes of page content once decompressed (counted before any text is
 * extracted, so a file whose pages share one huge compressed stream is refused cheaply), and a deadline.
 */
final class PdfText {

    /** Why a PDF is not read: too big (413) or not a PDF at all (400). */
    static final class Refused extends RuntimeException {
        final boolean tooLarge;

        Refused(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }
    }

    private PdfText() {
    }

    static String read(byte[] body, Limits limits, Deadline deadline) {
        try (PDDocument doc = Loader.loadPDF(body)) {
            int pages = doc.getNumberOfPages();
            if (pages > limits.pages()) {
                throw new Refused("The PDF has " + pages + " pages; at most " + limits.pages() + " are taken in one import. Split it.", true);
            }
            long budget = limits.decompressedBytes();
            byte[] buffer = new byte[64 * 1024];
            for (PDPage page : doc.getPages()) {
                Iterator<org.apache.pdfbox.pdmodel.common.PDStream> streams = page.getContentStreams();
                while (streams.hasNext()) {
                    try (InputStream in = streams.next().createInputStream()) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            budget -= n;
                            if (budget < 0) {
                                throw new Refused("The PDF's pages hold more than " + limits.decompressedBytes() / (1024 * 1024)
                                        + " MB once decompressed; it is not taken.", true);
                            }
                        }
                    }
                    deadline.check();
                }
            }
            PDFTextStripper stripper = new PDFTextStripper();
            StringBuilder text = new StringBuilder();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                text.append(stripper.getText(doc));
                deadline.check();
            }
            // in extracted PDF text a line has no empty line after it, so a line without text is a paragraph break
            return String.join("\n", Arrays.stream(text.toString().split("\r?\n", -1)).map(l -> l.isBlank() ? " " : l).toList());
        } catch (IOException e) {
            throw new Refused("The PDF cannot be read.", false);
        }
    }
}
