package se.radhus.meetings.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.common.domain.FieldError;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;

/**
 * The agenda (föredragningslista) of a planned meeting and its kallelse: the items, each with its case, title,
 * proposed decision, documents and publicity, and the day the kallelse was published.
 *
 * <p>Kommunfullmäktige: time, place and the cases must be on the anslagstavla at least a week before the
 * meeting (kommunallagen 2017:725, 5 kap., on fullmäktige's meetings being made known); configuration may ask for more, never less. A
 * nämnd follows its reglemente (kommunallagen 6 kap. 44 §), given as configuration. A kallelse published
 * after its due day is recorded as late.
 *
 * @param meetingId the meeting's id; also this agenda's
 * @param items     the items in their order
 * @param kallelse  the publication, null until published
 */
public record Agenda(String meetingId, String bodyId, LocalDate meetingDate, List<AgendaItem> items, Kallelse kallelse) {

    /** The statutory floor for kommunfullmäktige's notice, in days before the meeting (kommunallagen 5 kap.). */
    public static final int FULLMAKTIGE_NOTICE_DAYS = 7;

    public Agenda {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * One item of the agenda.
     *
     * @param number           its place on the agenda, from 1
     * @param caseNumber       the case in the diarium, if any
     * @param proposedDecision the proposed decision, as att-clauses
     * @param documents        the ids of its documents (the case documents)
     * @param secrecy          null when the item is public; else the provision of offentlighets- och
     *                         sekretesslagen (2009:400) on which it is not ("OSL 39 kap. 3 §")
     * @param paragraph        the protocol's § it became, once drawn into the protocol
     */
    public record AgendaItem(int number, Diarienummer caseNumber, String title, List<String> proposedDecision,
                             List<String> documents, String secrecy, Integer paragraph) {
        public AgendaItem {
            proposedDecision = proposedDecision == null ? List.of() : List.copyOf(proposedDecision);
            documents = documents == null ? List.of() : List.copyOf(documents);
        }

        public boolean isPublic() {
            return secrecy == null || secrecy.isBlank();
        }

        public AgendaItem drawnAs(int paragraphNumber) {
            return new AgendaItem(number, caseNumber, title, proposedDecision, documents, secrecy, paragraphNumber);
        }

        List<FieldError> validate(String at) {
            List<FieldError> errors = new ArrayList<>();
            if (title == null || title.isBlank() || title.length() > 500) {
                errors.add(new FieldError(at + ".title", "required, at most 500 characters"));
            }
            if (proposedDecision.stream().anyMatch(c -> c == null || c.isBlank())) {
                errors.add(new FieldError(at + ".proposedDecision", "att-clauses, none blank"));
            }
            if (!isPublic()) {
                new Secrecy(null, secrecy).validate(at).stream().filter(e -> e.field().endsWith(".reference"))
                        .map(e -> new FieldError(at + ".secrecy", e.expected())).forEach(errors::add);
            }
            return errors;
        }
    }

    /**
     * The publication of the kallelse.
     *
     * @param due        the last day it could be published in time
     * @param late       published after {@code due}
     * @param lateReason why, when given
     */
    public record Kallelse(LocalDate publishedOn, LocalDate due, boolean late, String lateReason) {
    }

    /** An empty agenda for a meeting. */
    public static Agenda of(Meeting m) {
        return new Agenda(m.id(), m.bodyId(), m.date(), List.of(), null);
    }

    /** The agenda with these items, numbered 1, 2, … in the order given. Only before the kallelse is published. */
    public Agenda withItems(List<AgendaItem> newItems) {
        if (kallelse != null) {
            throw new RuleViolation("kallelse-published", "The kallelse of " + meetingId + " was published on "
                    + kallelse.publishedOn() + "; its agenda no longer changes.");
        }
        List<AgendaItem> given = newItems == null ? List.of() : newItems;
        List<FieldError> errors = new ArrayList<>();
        List<AgendaItem> numbered = new ArrayList<>();
        Set<String> documents = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            AgendaItem item = given.get(i);
            if (item == null) {
                errors.add(new FieldError("items[" + i + "]", "an agenda item"));
                continue;
            }
            errors.addAll(item.validate("items[" + i + "]"));
            for (String d : item.documents()) {
                if (!documents.add(d)) {
                    errors.add(new FieldError("items[" + i + "].documents", "document " + d + " is on another item already"));
                }
            }
            numbered.add(new AgendaItem(i + 1, item.caseNumber(), item.title(), item.proposedDecision(), item.documents(),
                    item.isPublic() ? null : item.secrecy().strip(), null));
        }
        if (given.size() > 500) {
            errors.add(new FieldError("items", "at most 500 items"));
        }
        InvalidInput.check(errors);
        return new Agenda(meetingId, bodyId, meetingDate, numbered, null);
    }

    /**
     * The days of notice a body must give: for fullmäktige at least {@link #FULLMAKTIGE_NOTICE_DAYS}, whatever
     * configuration says; for a nämnd what its rules (configuration) say.
     */
    public static int noticeDays(boolean fullmaktige, int configured) {
        int days = Math.max(0, configured);
        return fullmaktige ? Math.max(FULLMAKTIGE_NOTICE_DAYS, days) : days;
    }

    /** The last day the kallelse may be published in time: {@code noticeDays} before the meeting. */
    public LocalDate due(int noticeDays) {
        return meetingDate.minusDays(noticeDays);
    }

    /**
     * Publishes the kallelse on {@code on} (not after today, not after the meeting). A publication after the due
     * day is recorded as late, with its reason if given.
     */
    public Agenda publish(LocalDate on, LocalDate today, int noticeDays, String lateReason) {
        if (kallelse != null) {
            throw new RuleViolation("kallelse-published", "The kallelse of " + meetingId + " was published on "
                    + kallelse.publishedOn() + ".");
        }
        if (on == null) {
            throw new InvalidInput("publishedOn", "the day the kallelse is published, YYYY-MM-DD");
        }
        if (on.isAfter(today)) {
            throw new RuleViolation("kallelse-future", "The kallelse is dated " + on + ", after today (" + today
                    + "): record it on the day it is published.");
        }
        if (on.isAfter(meetingDate)) {
            throw new InvalidInput("publishedOn", "not after the meeting (" + meetingDate + ")");
        }
        if (items.isEmpty()) {
            throw new RuleViolation("kallelse-empty", "The agenda of " + meetingId + " has no items to publish.");
        }
        LocalDate due = due(noticeDays);
        boolean late = on.isAfter(due);
        String reason = lateReason == null || lateReason.isBlank() ? null : lateReason.strip();
        return new Agenda(meetingId, bodyId, meetingDate, items, new Kallelse(on, due, late, late ? reason : null));
    }

    public boolean isPublished() {
        return kallelse != null;
    }

    /** The agenda with item {@code number} drawn into the protocol as § {@code paragraph}. */
    public Agenda drawn(int number, int paragraph) {
        return new Agenda(meetingId, bodyId, meetingDate,
                items.stream().map(i -> i.number() == number ? i.drawnAs(paragraph) : i).toList(), kallelse);
    }

    /** The § an agenda item becomes: its case, title, proposed decision and documents, and its secrecy, typed once. */
    public static Paragraph paragraphOf(AgendaItem item, int number, String decidingBody, List<String> documentNames) {
        List<DecisionSection> decisions = item.proposedDecision().isEmpty() ? List.of()
                : List.of(new DecisionSection(DecisionKind.BESLUT, decidingBody, item.proposedDecision()));
        List<Secrecy> secrecy = item.isPublic() ? List.of() : List.of(new Secrecy(null, item.secrecy()));
        return new Paragraph(number, item.caseNumber(), item.title(), decisions, null, documentNames, null, null, null,
                null, null, null, null, null, null, null, null, null, secrecy);
    }
}
