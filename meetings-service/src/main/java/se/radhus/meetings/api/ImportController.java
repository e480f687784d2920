package se.radhus.meetings.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.meetings.importing.ImportService;

/**
 * {@code POST /api/imports?bodyId=ks-nau[&date=2024-05-21][&partial=true]} with a protocol's text
 * (text/plain) or its PDF (application/pdf): a draft meeting with every paragraph, or nothing.
 */
@RestController
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/api/imports", consumes = {"text/plain", "application/pdf", "application/octet-stream"})
    ResponseEntity<Map<String, Object>> importProtocol(@RequestParam String bodyId, @RequestParam(required = false) String date,
                                                       @RequestParam(defaultValue = "false") boolean partial,
                                                       @RequestBody byte[] body, @RequestHeader("Content-Type") String contentType) {
        ImportService.Result r = imports.importProtocol(bodyId, body, contentType, date(date), partial);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("meetingId", r.meetingId());
        out.put("bodyName", r.bodyName());
        out.put("date", r.date().toString());
        out.put("paragraphs", r.paragraphs());
        out.put("warnings", r.warnings());
        if (partial) {
            out.put("notImported", r.leftOut());
        }
        return ResponseEntity.created(URI.create("/api/meetings/" + r.meetingId())).body(out);
    }

    private static LocalDate date(String date) {
        try {
            return date == null || date.isBlank() ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.badRequest("date= is a day YYYY-MM-DD, not \"" + date + "\"."));
        }
    }
}
