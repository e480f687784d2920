package se.radhus.meetings.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A protocol laid out as Swedish protocols are: the body and date, attendance, then each § with its
 * diarienummer, title, decision in att-clauses and recipients, then the signatures. As a list of typed
 * lines, for the HTML and the PDF renderers alike.
 */
public final class ProtocolText {

    private ProtocolText() {
    }

    /** A line of the protocol and what it is. */
    public record Line(Style style, String text) {
    }

    /** How a line is set. */
    public enum Style { TITLE, HEADING, PARAGRAPH_NUMBER, LABEL, TEXT, CLAUSE, SPACE }

    public static List<Line> of(Meeting m, String bodyName) {
        List<Line> out = new ArrayList<>();
        out.add(new Line(Style.TITLE, "Sammanträdesprotokoll"));
        out.add(new Line(Style.HEADING, bodyName + "  " + m.date()));
        if (m.place() != null) {
            out.add(new Line(Style.TEXT, "Plats och tid: " + m.place() + (m.startTime() == null ? "" : ", " + m.startTime()
                    + (m.endTime() == null ? "" : "–" + m.endTime()))));
        }
        section(out, "Beslutande", m.attendance().stream().filter(a -> a.role() != null && a.role().votes())
                .map(a -> a.name() + (a.party() == null ? "" : " (" + a.party() + ")")
                        + (a.role() == Role.ORDFORANDE ? ", ordförande" : a.role() == Role.VICE_ORDFORANDE ? ", vice ordförande" : "")
                        + (a.servingFor() == null ? "" : ", tjänstgörande ersättare för " + a.servingFor())).toList());
        section(out, "Ersättare", m.attendance().stream().filter(a -> a.role() == Role.ERSATTARE)
                .map(a -> a.name() + (a.party() == null ? "" : " (" + a.party() + ")")).toList());
        section(out, "Tjänstemän", m.attendance().stream().filter(a -> a.role() == Role.TJANSTEMAN)
                .map(a -> a.name() + (a.title() == null ? "" : ", " + a.title()) + (a.paragraphs() == null ? "" : ", " + a.paragraphs()))
                .toList());
        if (!m.adjusters().isEmpty()) {
            out.add(new Line(Style.LABEL, "Justerare"));
            out.add(new Line(Style.TEXT, String.join(", ", m.adjusters())));
        }
        for (Paragraph p : m.paragraphs()) {
            out.add(new Line(Style.SPACE, ""));
            out.add(new Line(Style.PARAGRAPH_NUMBER, "§ " + p.number()));
            if (p.caseNumber() != null) {
                out.add(new Line(Style.TEXT, "Diarienr: " + p.caseNumber()));
            }
            out.add(new Line(Style.HEADING, p.title()));
            for (DecisionSection d : p.decisions()) {
                out.add(new Line(Style.LABEL, d.kind() == DecisionKind.BESLUT ? "Beslut" : "Förslag till beslut"));
                if (d.decidingBody() != null) {
                    out.add(new Line(Style.TEXT, d.decidingBody() + " beslutar"));
                }
                for (String c : d.clauses()) {
                    String[] parts = c.split("\n");
                    out.add(new Line(Style.CLAUSE, "att " + parts[0]));
                    for (int i = 1; i < parts.length; i++) {
                        out.add(new Line(Style.CLAUSE, parts[i]));
                    }
                }
            }
            if (p.description() != null && !p.description().isBlank()) {
                out.add(new Line(Style.LABEL, "Ärendebeskrivning"));
                for (String line : p.description().split("\n")) {
                    out.add(new Line(Style.TEXT, line));
                }
            }
            section(out, "Beslutsunderlag", p.basis());
            section(out, "Beredningsansvariga", p.preparers());
            section(out, "Yrkanden", p.motions().stream().map(mo -> mo.by() == null ? String.valueOf(mo.text())
                    : mo.by() + (mo.party() == null ? "" : " (" + mo.party() + ")") + (mo.text() == null ? "" : " – " + mo.text())).toList());
            section(out, "Propositionsordning", p.votingOrder());
            if (p.chairFinding() != null) {
                if (p.votingOrder() == null || p.votingOrder().isEmpty()) {
                    out.add(new Line(Style.LABEL, "Beslutsordning"));
                }
                out.add(new Line(Style.TEXT, p.chairFinding()));
            }
            votes(out, p.votes());
            section(out, "Reservationer", p.reservations().stream().map(ProtocolText::reservation).toList());
            section(out, "Jäv", p.recusals());
            section(out, "Protokollsanteckningar", p.notes());
            section(out, "Beslutet ska skickas till", p.recipients());
        }
        out.add(new Line(Style.SPACE, ""));
        out.add(new Line(Style.LABEL, "Underskrifter"));
        if (m.justering() != null) {
            out.add(new Line(Style.TEXT, "Justerat " + m.justering().date() + ": " + String.join(", ", m.justering().signedBy())));
        } else {
            out.add(new Line(Style.TEXT, "UTKAST – protokollet är inte justerat."));
        }
        if (m.posting() != null) {
            out.add(new Line(Style.TEXT, "Anslaget " + m.posting().postedOn() + "; överklagandetiden går ut "
                    + m.posting().appealDeadline() + "."));
        }
        return out;
    }

    /** "Anna Berg (M) reserverar sig mot beslutet.": the form protocols write, and the importer reads. */
    static String reservation(Reservation r) {
        if (r.by() == null) {
            return String.valueOf(r.text()); // a secret reservation: only its marking
        }
        String who = r.by() + (r.party() == null ? "" : " (" + r.party() + ")");
        if (r.text() != null && r.text().toLowerCase().startsWith("reserverar")) {
            return who + " " + r.text();
        }
        return who + " reserverar sig" + (r.text() == null ? "." : ": " + r.text());
    }

    /** Omröstning: what ja and nej stand for, then the ballots by choice with their counts. */
    static void votes(List<Line> out, List<Vote> votes) {
        for (Vote v : votes) {
            List<String> lines = new ArrayList<>();
            if (v.ja() != null || v.nej() != null) {
                lines.add(String.join(", ", java.util.stream.Stream.of(v.ja() == null ? null : "Ja för " + v.ja(),
                        v.nej() == null ? null : "nej för " + v.nej()).filter(java.util.Objects::nonNull).toList()) + ".");
            }
            for (Vote.Choice c : Vote.Choice.values()) {
                List<String> who = v.ballots().stream().filter(b -> b.choice() == c).map(Vote.Ballot::member).toList();
                if (!who.isEmpty()) {
                    String word = switch (c) {
                        case JA -> "Ja";
                        case NEJ -> "Nej";
                        case AVSTAR -> "Avstår";
                    };
                    lines.add("röstar " + word + " (" + who.size() + "): " + String.join(", ", who));
                }
            }
            if (v.result() != null) {
                lines.add(v.result());
            }
            section(out, "Omröstning", lines);
        }
    }

    static void section(List<Line> out, String label, List<String> items) {
        if (items == null || items.isEmpty()) {
            return;
        }
        out.add(new Line(Style.LABEL, label));
        items.forEach(i -> out.add(new Line(Style.TEXT, i)));
    }
}
