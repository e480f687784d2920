package se.radhus.meetings.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import se.radhus.common.domain.FieldError;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.common.store.Pages;
import se.radhus.meetings.domain.Body;
import se.radhus.meetings.domain.CaseFile;
import se.radhus.meetings.domain.DecisionKind;
import se.radhus.meetings.domain.DecisionSection;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Paragraph;
import se.radhus.meetings.store.BodyStore;
import se.radhus.meetings.store.CaseStore;
import se.radhus.meetings.store.MeetingStore;
import se.radhus.meetings.store.Protections;

/** The diarium: registering cases and reading a case with its way through the bodies (ärendegång). */
@Service
public class CaseService {

    private final CaseStore cases;
    private final BodyStore bodies;
    private final MeetingStore meetings;
    private final EffectsView effects;
    private final Clock clock;
    private Protections protections;

    @org.springframework.beans.factory.annotation.Autowired
    void protections(Protections protections) {
        this.protections = protections;
    }

    private se.radhus.common.diarium.DiariumForms forms = se.radhus.common.diarium.DiariumForms.parse("");

    /** How each registry prints its numbers ({@code radhus.diarium.forms}, e.g. {@code SLK=PREFIX-YYYY-NNNNN}). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void forms(@org.springframework.beans.factory.annotation.Value("${radhus.diarium.forms:}") String config) {
        this.forms = se.radhus.common.diarium.DiariumForms.parse(config);
    }

    public CaseService(CaseStore cases, BodyStore bodies, MeetingStore meetings, EffectsView effects, Clock clock) {
        this.cases = cases;
        this.bodies = bodies;
        this.meetings = meetings;
        this.effects = effects;
        this.clock = clock;
    }

    /** A step of a case through the bodies: where and when it was handled, and how. */
    public record HistoryEntry(String bodyId, LocalDate meetingDate, String meetingId, int paragraph, String title,
                               DecisionKind kind, List<String> decidingBodies, boolean adjusted) {
    }

    /**
     * A case, its documents, its history, and its decisions' money and procurement effects gathered from
     * finance and procurement; {@code missing} names a service that did not answer.
     */
    public record CaseView(CaseFile caseFile, String number, List<HistoryEntry> history, List<Object> effects,
                           List<Object> missing) {
    }

    public CaseFile register(String bodyId, String title, LocalDate registeredOn, List<CaseFile.CaseDocument> documents) {
        Body body = bodies.find(bodyId).orElseThrow(() -> new ProblemException(Problem.invalid(List.of(
                new FieldError("bodyId", "the id of an existing body; there is no " + bodyId)))));
        if (body.diariumPrefix() == null) {
            throw new ProblemException(Problem.invalid(List.of(new FieldError("bodyId",
                    "a body with a diarium (diariumPrefix); " + bodyId + " has none"))));
        }
        LocalDate day = registeredOn != null ? registeredOn : LocalDate.now(clock);
        Diarienummer number = cases.allocate(body.diariumPrefix(), day.getYear()).in(forms.formOf(body.diariumPrefix()));
        CaseFile c = new CaseFile(number, bodyId, title, day, documents);
        if (!cases.insert(c)) {
            throw new IllegalStateException("the diarium allocated " + number + " twice");
        }
        return c;
    }

    /**
     * A page of the diarium as a caller sees it: staff every case; the public only a case with an adjusted
     * decision (as {@link #view(Diarienummer, boolean)} shows it), so a case whose decisions are all drafts
     * is in no list. The public's pages are full and its token names the last case it showed, never a
     * hidden one.
     */
    /** The cases as a caller sees them: those not entitled see no protected person's name in a title. */
    public Pages.Page<CaseFile> list(boolean seesDrafts, boolean entitled, int pageSize, String pageToken) {
        Pages.Page<CaseFile> page = list(seesDrafts, pageSize, pageToken);
        return entitled ? page : new Pages.Page<>(page.items().stream().map(this::forThePublic).toList(), page.nextPageToken());
    }

    private CaseFile forThePublic(CaseFile stored) {
        if (protections == null) {
            return stored;
        }
        var names = protections.registry().names();
        return new CaseFile(stored.number(), stored.bodyId(), names.publish(stored.title()), stored.registeredOn(),
                stored.documents().stream().map(d -> new CaseFile.CaseDocument(names.publish(d.title()), d.kind(), d.date())).toList());
    }

    public Pages.Page<CaseFile> list(boolean seesDrafts, int pageSize, String pageToken) {
        if (seesDrafts) {
            return cases.list(pageSize, pageToken);
        }
        int size = Pages.clampPageSize(pageSize);
        List<CaseFile> shown = new ArrayList<>();
        String token = pageToken;
        while (true) {
            Pages.Page<CaseFile> batch = cases.list(size + 1, token);
            for (CaseFile c : batch.items()) {
                if (!isPublic(c.number())) {
                    continue;
                }
                if (shown.size() == size) {
                    // one more is there: the next page starts after the last one shown
                    return new Pages.Page<>(shown, Pages.encodeToken(shown.get(size - 1).number().toString()));
                }
                shown.add(c);
            }
            if (batch.nextPageToken().isEmpty()) {
                return new Pages.Page<>(shown, "");
            }
            token = batch.nextPageToken();
        }
    }

    /** A case the public may see: some meeting has an adjusted (public) § about it. */
    boolean isPublic(Diarienummer number) {
        return meetings.withCase(number).stream().anyMatch(m -> m.paragraphs().stream()
                .anyMatch(p -> number.equals(p.caseNumber()) && m.isPublic(p)));
    }

    public CaseView view(Diarienummer number) {
        return view(number, true, true);
    }

    /**
     * The case as a caller sees it: the public sees only adjusted decisions; those not entitled see no
     * protected identity and nothing secret (as in the protocol).
     */
    public CaseView view(Diarienummer number, boolean seesDrafts, boolean entitled) {
        CaseFile stored = cases.find(number).orElseThrow(() -> new ProblemException(Problem.notFound("The diarium has no case " + number + ".")));
        CaseFile c = entitled ? stored : forThePublic(stored);
        List<HistoryEntry> history = new ArrayList<>();
        List<Object> gathered = new ArrayList<>();
        java.util.Set<Object> missing = new java.util.TreeSet<>();
        for (Meeting held : meetings.withCase(number)) {
            Meeting m = entitled || protections == null ? held
                    : se.radhus.meetings.domain.Visibility.view(held, seesDrafts, false, protections.of(held)).orElse(null);
            if (m == null) {
                continue;
            }
            List<Paragraph> about = new ArrayList<>();
            for (Paragraph p : m.paragraphs()) {
                if (number.equals(p.caseNumber()) && (seesDrafts || m.isPublic(p))) {
                    history.add(new HistoryEntry(m.bodyId(), m.date(), m.id(), p.number(), p.title(), p.kind(),
                            p.decisions().stream().map(DecisionSection::decidingBody).distinct().toList(), m.isPublic(p)));
                    about.add(p);
                }
            }
            var view = effects.of(m, about);
            gathered.addAll((List<?>) view.get("effects"));
            missing.addAll((List<?>) view.get("missing"));
        }
        if (!seesDrafts && history.isEmpty()) {
            // a case whose only decisions are drafts does not exist for the public
            throw new ProblemException(Problem.notFound("The diarium has no case " + number + "."));
        }
        return new CaseView(c, number.toString(), history, gathered, List.copyOf(missing));
    }
}
