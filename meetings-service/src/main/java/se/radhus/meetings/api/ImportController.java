package se.radhus.meetings.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.RuleViolation;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.importing.ProtocolImporter;
import se.radhus.meetings.service.MeetingService;

/**
 * {@code POST /api/imports?bodyId=ks-nau} with a protocol's text (text/plain) or its PDF
 * (application/pdf): a draft meeting with its officials and every paragraph, and the warnings about
 * what could not be placed, by line. Nothing is invented; a file that is not a protocol is refused.
 */
@RestController
class ImportController {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    private final MeetingService meetings;

    ImportController(MeetingService meetings) {
        this.meetings = meetings;
    }

    @PostMapping(value = "/api/imports", consumes = {"text/plain", "application/pdf", "application/octet-stream"})
    ResponseEntity<Map<String, Object>> importProtocol(@RequestParam String bodyId, @RequestBody byte[] body,
                                                       @RequestHeader("Content-Type") String contentType) {
        if (body.length == 0) {
            throw new ProblemException(Problem.badRequest("The file is empty: send the protocol's text or its PDF."));
        }
        if (body.length > MAX_BYTES) {
            throw new ProblemException(Problem.of("too-large", "Request too large", 413,
                    "A protocol of more than " + MAX_BYTES / 1024 / 1024 + " MB is not taken; split it."));
        }
        String text = contentType.startsWith("application/pdf") || startsWithPdf(body) ? pdfText(body) : utf8(body);
        ProtocolImporter.Imported imported = new ProtocolImporter().read(text);
        if (imported.paragraphs().isEmpty() || imported.date() == null) {
            throw new ProblemException(Problem.badRequest("This is not a protocol: no meeting date in a page header and no"
                    + " paragraph (§) was found.").with("warnings", imported.warnings()));
        }
        var planned = meetings.plan(bodyId, imported.date(), imported.startTime(), imported.endTime(), imported.place(),
                imported.attendance(), imported.adjusters());
        String id = planned.meeting().id();
        List<String> warnings = new ArrayList<>(imported.warnings());
        int added = 0;
        for (Paragraph p : imported.paragraphs()) {
            try {
                meetings.addParagraph(id, p, null);
                added++;
            } catch (RuleViolation | se.radhus.common.domain.InvalidInput e) {
                warnings.add("§ " + p.number() + " not added: " + e.getMessage());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("meetingId", id);
        out.put("bodyName", imported.bodyName());
        out.put("date", imported.date().toString());
        out.put("paragraphs", added);
        out.put("warnings", warnings);
        return ResponseEntity.created(URI.create("/api/meetings/" + id)).body(out);
    }

    static boolean startsWithPdf(byte[] b) {
        return b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
    }

    static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
            if (text.chars().anyMatch(c -> c == 0)) {
                throw new CharacterCodingException();
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.badRequest("The file is neither UTF-8 text nor a PDF."));
        }
    }

    static String pdfText(byte[] body) {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(body)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            // in extracted PDF text a line has no empty line after it, so a line without text is a paragraph break
            return String.join("\n", java.util.Arrays.stream(text.split("\r?\n", -1)).map(l -> l.isBlank() ? " " : l).toList());
        } catch (IOException e) {
            throw new ProblemException(Problem.badRequest("The PDF cannot be read."));
        }
    }
}
