package se.radhus.portal.api;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.radhus.common.money.Money;
import se.radhus.common.money.SwedishFormat;
import se.radhus.portal.domain.Snippets;
import se.radhus.portal.domain.SwedishText;

/** The templates' words: {@code ${@sv.date(m.date)}}, {@code ${@sv.label(kind)}} … (see {@link SwedishText}). */
@Component("sv")
public class PageText {

    public String date(Object iso) {
        return SwedishText.date(iso);
    }

    public String label(Object code) {
        return SwedishText.label(code);
    }

    /** An amount: a number of öre, or the API's money object {@code {"ore": …, "currency": "SEK"}}. */
    public String kronor(Object amount) {
        if (amount instanceof Map<?, ?> money && money.get("ore") instanceof Number ore) {
            Object currency = money.get("currency");
            return SwedishFormat.kronor(new Money(ore.longValue(), currency == null ? Money.SEK : currency.toString()));
        }
        if (amount instanceof Number ore) {
            return SwedishFormat.kronor(Money.sek(ore.longValue()));
        }
        return "";
    }

    public List<Snippets.Segment> snippet(String text) {
        return Snippets.parse(text);
    }

    /** A text's paragraphs (split on blank lines), for descriptions that carry several. */
    public List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.strip().split("\\n\\s*\\n"));
    }
}
