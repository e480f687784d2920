package se.radhus.portal.domain;

import java.util.regex.Pattern;

/**
 * What may stand in a page's path where it names a record of the API: ids of bodies, meetings and
 * procurements (lower-case letters, digits, hyphens), and diarienummer in any registry's spelling
 * ({@code KS-2024/00449}, {@code SLK-2024-00252}, {@code 00190/2024}). Anything else is refused before
 * the API is asked, so a page path can never reach another API path.
 */
public final class PagePaths {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern CASE = Pattern.compile("[A-Za-z0-9ÅÄÖåäö]+(?:[-/][A-Za-z0-9ÅÄÖåäö]+){1,4}");

    private PagePaths() {
    }

    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    public static boolean isCaseNumber(String s) {
        return s != null && s.length() <= 60 && CASE.matcher(s).matches();
    }

    /** The id, or {@link IllegalArgumentException} naming it. */
    public static String requireId(String s) {
        if (!isId(s)) {
            throw new IllegalArgumentException("not an id: " + s);
        }
        return s;
    }

    /** The diarienummer, or {@link IllegalArgumentException} naming it. */
    public static String requireCaseNumber(String s) {
        if (!isCaseNumber(s)) {
            throw new IllegalArgumentException("not a diarienummer: " + s);
        }
        return s;
    }
}
