package se.radhus.portal.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * How the pages say dates and the API's codes in Swedish (sums: common's {@code SwedishFormat}). Plain Java: the templates call it
 * through {@code api.PageText}. What it cannot read it shows as given, never as an empty string.
 */
public final class SwedishText {

    private static final String[] MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli",
            "augusti", "september", "oktober", "november", "december"};

    private static final Map<String, String> LABELS = Map.ofEntries(
            // decisions
            Map.entry("BESLUT", "Beslut"),
            Map.entry("FORSLAG_TILL_BESLUT", "Förslag till beslut"),
            // attendance
            Map.entry("ORDFORANDE", "Ordförande"),
            Map.entry("VICE_ORDFORANDE", "Vice ordförande"),
            Map.entry("LEDAMOT", "Ledamot"),
            Map.entry("ERSATTARE", "Ersättare"),
            Map.entry("TJANSTGORANDE_ERSATTARE", "Tjänstgörande ersättare"),
            Map.entry("TJANSTEMAN", "Tjänsteperson"),
            Map.entry("OVRIG", "Övrig"),
            // meeting states
            Map.entry("ADJUSTED", "Justerat"),
            Map.entry("JA", "Ja"),
            Map.entry("NEJ", "Nej"),
            Map.entry("AVSTAR", "Avstår"),
            Map.entry("POSTED", "Justerat och anslaget"),
            Map.entry("HELD", "Hållet, ej justerat"),
            Map.entry("PLANNED", "Planerat"),
            Map.entry("PROTOCOL_DRAFT", "Protokoll under arbete"),
            // motions
            Map.entry("BIFALL", "Bifall"),
            Map.entry("AVSLAG", "Avslag"),
            Map.entry("ANDRING", "Ändring"),
            Map.entry("ATERREMISS", "Återremiss"),
            Map.entry("BORDLAGGNING", "Bordläggning"),
            // procurements
            Map.entry("CONTRACT", "Kontrakt"),
            Map.entry("FRAMEWORK_AGREEMENT", "Ramavtal"),
            Map.entry("OPEN", "Öppet förfarande"),
            Map.entry("RESTRICTED", "Selektivt förfarande"),
            Map.entry("NEGOTIATED", "Förhandlat förfarande"),
            Map.entry("SIMPLIFIED", "Förenklat förfarande"),
            Map.entry("DIRECT_AWARD", "Direktupphandling"),
            Map.entry("COMPETITIVE_DIALOGUE", "Konkurrenspräglad dialog"),
            Map.entry("SELECTIVE_NATIONAL", "Urvalsförfarande"),
            Map.entry("PLANNING", "Planeras"),
            Map.entry("BIDS_OPENED", "Anbud öppnade"),
            Map.entry("GOODS", "Varor"),
            Map.entry("SERVICES", "Tjänster"),
            Map.entry("WORKS", "Byggentreprenad"),
            Map.entry("PUBLISHED", "Annonserad"),
            Map.entry("TENDER_DOCUMENTS_APPROVED", "Förfrågningsunderlag godkänt"),
            Map.entry("EVALUATED", "Utvärderad"),
            Map.entry("AWARDED", "Tilldelad"),
            Map.entry("CONTRACTED", "Avtal tecknat"),
            Map.entry("CANCELLED", "Avbruten"),
            Map.entry("BEST_PRICE_QUALITY", "Bästa förhållande mellan pris och kvalitet"),
            Map.entry("LOWEST_PRICE", "Lägsta pris"),
            Map.entry("LOWEST_COST", "Lägsta kostnad"),
            // effects
            Map.entry("GRANT", "Bidrag"),
            Map.entry("AWARD", "Tilldelning"),
            Map.entry("TENDER_APPROVAL", "Godkänt förfrågningsunderlag"),
            // anslagstavla
            Map.entry("PROTOCOL", "Justerat protokoll"),
            Map.entry("MEETING_NOTICE", "Kungörelse av sammanträde"));

    private SwedishText() {
    }

    /** {@code 2024-05-21} as {@code 21 maj 2024}; a date and time {@code 2024-06-10T18:00} as {@code 10 juni 2024 kl. 18.00}. */
    public static String date(Object iso) {
        if (iso == null) {
            return "";
        }
        String s = iso.toString();
        try {
            if (s.length() > 10 && s.charAt(10) == 'T') {
                LocalDateTime t = LocalDateTime.parse(s.length() == 16 ? s + ":00" : s);
                return day(t.toLocalDate()) + " kl. " + String.format("%02d.%02d", t.getHour(), t.getMinute());
            }
            return day(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            return s;
        }
    }

    private static String day(LocalDate d) {
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }

    /** The Swedish word for one of the API's codes; an unknown code is shown as it is. */
    public static String label(Object code) {
        if (code == null) {
            return "";
        }
        return LABELS.getOrDefault(code.toString(), code.toString());
    }
}
