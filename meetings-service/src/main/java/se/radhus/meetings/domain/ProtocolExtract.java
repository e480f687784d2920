package se.radhus.meetings.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Protokollsutdrag: a certified extract of one paragraph. Only an adjusted paragraph can be certified
 * ("Utdraget bestyrks"); a draft's extract says that it is a draft.
 *
 * @param certified true when the paragraph is adjusted
 * @param text      the extract as plain text, in the protocol's own words
 */
public record ProtocolExtract(String meetingId, String bodyId, LocalDate meetingDate, int paragraph, String caseNumber,
                              String title, List<DecisionSection> decisions, List<String> recipients, boolean certified,
                              LocalDate adjustedOn, List<String> signedBy, String text) {

    public static ProtocolExtract of(Meeting m, Paragraph p) {
        boolean certified = m.isPublic(p);
        LocalDate adjustedOn = p.adjustedOn() != null ? p.adjustedOn() : (m.justering() != null ? m.justering().date() : null);
        List<String> signedBy = m.justering() != null ? m.justering().signedBy() : List.of();
        StringBuilder t = new StringBuilder();
        t.append("PROTOKOLLSUTDRAG\n").append(m.bodyId()).append("  ").append(m.date()).append("\n\n");
        t.append("§ ").append(p.number()).append("\n");
        if (p.caseNumber() != null) {
            t.append("Diarienr: ").append(p.caseNumber()).append("\n");
        }
        t.append(p.title()).append("\n\n");
        for (DecisionSection d : p.decisions()) {
            t.append(d.kind() == DecisionKind.BESLUT ? "Beslut" : "Förslag till beslut").append("\n");
            if (d.decidingBody() != null) {
                t.append(d.decidingBody()).append(" beslutar\n");
            }
            for (String clause : d.clauses()) {
                t.append("\natt ").append(clause).append("\n");
            }
            t.append("\n");
        }
        for (Vote v : p.votes()) {
            if (v.result() != null) {
                t.append("Omröstning\n").append(v.result()).append("\n\n");
            }
        }
        if (!p.recipients().isEmpty()) {
            t.append("Beslutet ska skickas till\n");
            p.recipients().forEach(r -> t.append(r).append("\n"));
            t.append("\n");
        }
        if (certified) {
            t.append("Justerat ").append(adjustedOn);
            if (!signedBy.isEmpty()) {
                t.append(" av ").append(String.join(", ", signedBy));
            }
            t.append("\nUtdraget bestyrks\n");
        } else {
            t.append("UTKAST: paragrafen är inte justerad och utdraget kan inte bestyrkas.\n");
        }
        return new ProtocolExtract(m.id(), m.bodyId(), m.date(), p.number(),
                p.caseNumber() == null ? null : p.caseNumber().toString(), p.title(), p.decisions(), p.recipients(),
                certified, certified ? adjustedOn : null, certified ? signedBy : List.of(), t.toString());
    }
}
