package se.radhus.portal.domain;

import java.util.regex.Pattern;
import se.radhus.common.diarium.Diarienummer;

/**
 * What may stand in a page's path where it names a record of the API: ids of bodies, meetings and
 * procurements (lower-case letters, digits, hyphens), and diarienummer in any registry's spelling, read
 * by common's {@link Diarienummer} and asked for in its canonical form. Anything else is refused before
 * the API is asked, so a page path can never reach another API path.
 */
public final class PagePaths {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private PagePaths() {
    }

    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }


    /** The id, or {@link IllegalArgumentException} naming it. */
    public static String requireId(String s) {
        if (!isId(s)) {
            throw new IllegalArgumentException("not an id: " + s);
        }
        return s;
    }

    /** The diarienummer in its registry's canonical form ({@code ks-2024/449} is {@code KS-2024/00449}), or {@link IllegalArgumentException}. */
    public static String requireCaseNumber(String s) {
        return Diarienummer.parse(s).path();
    }
}
