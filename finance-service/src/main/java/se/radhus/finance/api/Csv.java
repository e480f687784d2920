package se.radhus.finance.api;

import java.time.LocalDate;
import java.util.List;
import se.radhus.common.money.Money;
import se.radhus.finance.domain.Entry;
import se.radhus.finance.domain.YearBalance;

/**
 * CSV for spreadsheet users: semicolon-separated with a decimal comma, as Swedish spreadsheets read it,
 * amounts in kronor with two decimals, a header row, quotes where a field needs them.
 */
final class Csv {

    private Csv() {
    }

    static String kronor(Money m) {
        long ore = m.ore();
        String sign = ore < 0 ? "-" : "";
        long abs = Math.abs(ore);
        return sign + (abs / 100) + "," + String.format("%02d", abs % 100);
    }

    static String field(String s) {
        if (s == null) {
            return "";
        }
        String safe = s;
        // a leading =, +, - or @ would be a formula in a spreadsheet
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(";") || safe.contains("\"") || safe.contains("\n")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    static String balance(String id, LocalDate asOf, List<YearBalance> years) {
        StringBuilder out = new StringBuilder("anslag;per datum;år;anvisat;reserverat;beslutat;utbetalt;kvar;förhandsbeslutat\r\n");
        for (YearBalance y : years) {
            out.append(field(id)).append(';').append(asOf == null ? "" : asOf).append(';').append(y.year()).append(';')
                    .append(kronor(y.appropriated())).append(';').append(kronor(y.reserved())).append(';')
                    .append(kronor(y.committed())).append(';').append(kronor(y.paid())).append(';')
                    .append(kronor(y.remaining())).append(';').append(kronor(y.preCommitted())).append("\r\n");
        }
        return out.toString();
    }

    static String ledger(List<Entry> entries) {
        StringBuilder out = new StringBuilder(
                "id;slag;år;belopp;valuta;gäller från;registrerad;organ;sammanträde;paragraf;diarienummer;post;återför;förhandsbeslut;idempotensnyckel\r\n");
        for (Entry e : entries) {
            out.append(field(e.id())).append(';').append(e.kind()).append(';').append(e.year()).append(';')
                    .append(kronor(e.amount())).append(';').append(e.amount().currency()).append(';')
                    .append(e.effectiveDate()).append(';').append(e.recordedAt()).append(';')
                    .append(field(e.decision() == null ? null : e.decision().bodyId())).append(';')
                    .append(e.decision() == null ? "" : e.decision().meetingDate()).append(';')
                    .append(e.decision() == null ? "" : e.decision().paragraph()).append(';')
                    .append(field(e.decision() == null ? null : e.decision().caseNumber())).append(';')
                    .append(field(e.holdId())).append(';').append(e.releases() == null ? "" : e.releases()).append(';')
                    .append(e.preCommitment() ? "ja" : "nej").append(';').append(field(e.idempotencyKey())).append("\r\n");
        }
        return out.toString();
    }
}
