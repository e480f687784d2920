package se.radhus.portal.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each page's machine-readable forms are: its JSON in the API, its PDF, its feeds (Atom under
 * {@code /feeds/…}, iCalendar per body). One place, so every page names the same paths.
 */
public final class Links {

    /** A link in a page's "Öppna data" list. */
    public record Link(String href, String text, String type) {
    }

    private final List<Link> all = new ArrayList<>();

    public static Links of() {
        return new Links();
    }

    public Links json(String href) {
        all.add(new Link(href, "JSON", "application/json"));
        return this;
    }

    public Links pdf(String href) {
        all.add(new Link(href, "PDF", "application/pdf"));
        return this;
    }

    public Links atom(String href, String text) {
        all.add(new Link(href, text, "application/atom+xml"));
        return this;
    }

    public Links ical(String bodyId) {
        all.add(new Link("/api/bodies/" + bodyId + "/calendar.ics", "Kalender (iCalendar)", "text/calendar"));
        return this;
    }

    public Links other(String href, String text, String type) {
        all.add(new Link(href, text, type));
        return this;
    }

    public List<Link> list() {
        return List.copyOf(all);
    }

    static String anslagstavlaFeed() {
        return "/feeds/anslagstavla.atom";
    }

    static String bodyFeed(String bodyId) {
        return "/feeds/bodies/" + bodyId + "/decisions.atom";
    }

    static String caseFeed(String caseNumber) {
        return "/feeds/cases/" + caseNumber + ".atom";
    }
}
