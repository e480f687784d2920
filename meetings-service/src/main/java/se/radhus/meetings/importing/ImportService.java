package se.radhus.meetings.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.service.MeetingService;

/**
 * Imports one protocol (its text or its PDF) as a draft meeting of a body, whole or not at all: the file
 * is read within {@link Limits}, its date is the one the protocol prints (or {@code date=} where it prints
 * none), every § is checked, and the meeting is written with all its paragraphs in one go. With
 * {@code partial} the § that could be read land and the rest are listed.
 */
@Service
public class ImportService {

    /** What landed: the meeting, its date, how many §, and the warnings (those left out included). */
    public record Result(String meetingId, String bodyName, LocalDate date, int paragraphs, List<String> warnings,
                         List<String> leftOut) {
    }

    private final MeetingService meetings;
    private final Limits limits;

    @org.springframework.beans.factory.annotation.Autowired
    public ImportService(MeetingService meetings) {
        this(meetings, Limits.STANDARD);
    }

    ImportService(MeetingService meetings, Limits limits) {
        this.meetings = meetings;
        this.limits = limits;
    }

    private se.radhus.meetings.store.Protections protections;

    /** Who is protected: an imported text naming them gets a warning (the public sees the name removed). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void protections(se.radhus.meetings.store.Protections protections) {
        this.protections = protections;
    }

    public Limits limits() {
        return limits;
    }

    public Result importProtocol(String bodyId, byte[] body, String contentType, LocalDate requestedDate, boolean partial) {
        if (body.length == 0) {
            throw new ProblemException(Problem.badRequest("The file is empty: send the protocol's text or its PDF."));
        }
        if (body.length > limits.bytes()) {
            throw tooLarge("A protocol of more than " + limits.bytes() / 1024 / 1024 + " MB is not taken; split it.");
        }
        Deadline deadline = new Deadline(limits.time());
        ProtocolImporter.Imported imported;
        try {
            boolean pdf = contentType != null && contentType.startsWith("application/pdf") || startsWithPdf(body);
            String text = pdf ? PdfText.read(body, limits, deadline) : utf8(body);
            imported = new ProtocolImporter().read(text, deadline);
        } catch (PdfText.Refused e) {
            throw e.tooLarge ? tooLarge(e.getMessage()) : new ProblemException(Problem.badRequest(e.getMessage()));
        } catch (Deadline.Passed e) {
            throw tooLarge(e.getMessage());
        }
        if (imported.paragraphs().isEmpty()) {
            throw new ProblemException(Problem.badRequest("This is not a protocol: no paragraph (§) was found.")
                    .with("warnings", imported.warnings()));
        }
        if (imported.paragraphs().size() > limits.paragraphs()) {
            throw tooLarge("The protocol has " + imported.paragraphs().size() + " paragraphs; at most " + limits.paragraphs()
                    + " are taken in one import. Split it.");
        }
        LocalDate date = date(imported.date(), requestedDate);
        Meeting planned = Meeting.plan(bodyId, date, imported.startTime(), imported.endTime(), imported.place(),
                imported.attendance(), imported.adjusters());
        List<String> warnings = new ArrayList<>(imported.warnings());
        List<String> refused = new ArrayList<>();
        List<Paragraph> fit = new ArrayList<>();
        Meeting check = planned;
        Integer last = null;
        for (Paragraph p : imported.paragraphs()) {
            try {
                check = check.addImportedParagraph(p, warnings);
                fit.add(p);
                if (last != null && p.number() != last + 1) {
                    warnings.add("§ " + p.number() + " follows § " + last + ": the numbers have a gap");
                }
                last = p.number();
            } catch (RuleViolation | InvalidInput e) {
                refused.add("§ " + p.number() + " not added: " + e.getMessage());
            }
        }
        if (!refused.isEmpty() && !partial) {
            throw new ProblemException(Problem.badRequest("Nothing was imported: " + refused.size() + " of "
                    + imported.paragraphs().size() + " paragraphs cannot be taken (add ?partial=true to import the rest).")
                    .with("notImported", refused).with("warnings", warnings));
        }
        MeetingService.Landed landed = meetings.insertImported(planned, fit, partial);
        List<String> leftOut = new ArrayList<>(refused);
        leftOut.addAll(landed.leftOut());
        warnings.addAll(leftOut);
        if (protections != null) {
            var names = protections.of(landed.meeting().meeting()).names();
            for (Paragraph p : landed.meeting().meeting().paragraphs()) {
                se.radhus.meetings.domain.Visibility.mentions(p, names)
                        .forEach(w -> warnings.add(w + " names a person with a protected identity (hidden from the public)"));
            }
        }
        return new Result(landed.meeting().meeting().id(), imported.bodyName(), date, landed.meeting().meeting().paragraphs().size(),
                warnings, leftOut);
    }

    /** The protocol's own date; {@code date=} only where it prints none, and never against it. */
    static LocalDate date(LocalDate printed, LocalDate requested) {
        if (printed != null && requested != null && !printed.equals(requested)) {
            throw new ProblemException(Problem.badRequest("The protocol prints its meeting date " + printed + ", but date="
                    + requested + " was given; leave date= out or give the printed date."));
        }
        if (printed == null && requested == null) {
            throw new ProblemException(Problem.badRequest("The protocol prints no meeting date (no \"Sammanträdesdatum:\" and no"
                    + " dated page header), and no date= was given: add ?date=YYYY-MM-DD."));
        }
        return printed != null ? printed : requested;
    }

    private static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of("too-large", "Request too large", 413, detail));
    }

    static boolean startsWithPdf(byte[] b) {
        return b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
    }

    static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new CharacterCodingException();
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.badRequest("The file is neither UTF-8 text nor a PDF."));
        }
    }
}
