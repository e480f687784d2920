package se.radhus.micronaut;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.radhus.common.api.Problem;

/**
 * Micronaut has no request firewall, so this filter refuses, before anything else, every path that is
 * not canonical, as Spring Security's StrictHttpFirewall does at the gateway and in meetings-service:
 * {@code ;} (path parameters), {@code //}, {@code .} and {@code ..} segments, {@code \}, NUL, encoded
 * {@code /}, {@code \}, {@code .}, {@code %} and NUL, and percent-encoded letters and digits (which have a
 * plain spelling), with 400 problem+json. So the path a rule matches and the path a route matches are
 * spelled the same.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CanonicalPaths implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(CanonicalPaths.class);
    /** Percent-escapes that never belong in a canonical path: unreserved characters, '/', '\', '.', '%', NUL, ';'. */
    private static final Pattern NEEDLESS_ESCAPE = Pattern.compile("%(?:[46][1-9a-f]|[57][0-9a]|3[0-9]|2[def]|5[cf]|7e|25|00|3b)");

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        String raw = request.getUri().getRawPath();
        String why = refusal(raw);
        if (why == null) {
            return null;
        }
        log.info("refused non-canonical request {} {}: {}", request.getMethodName(), raw, why);
        return Problems.response(Problem.of("non-canonical-path", "Invalid request", 400,
                "The path is not in canonical form (no ';', '//', '.' or '..' segments, encoded '/' or '\\', or NUL)."));
    }

    /** Why a raw (still encoded) path is not canonical; null when it is. */
    public static String refusal(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return "not an absolute path";
        }
        if (raw.indexOf(';') >= 0) {
            return "path parameter";
        }
        if (raw.indexOf('\\') >= 0 || raw.indexOf('\0') >= 0) {
            return "backslash or NUL";
        }
        if (raw.contains("//")) {
            return "empty segment";
        }
        for (String segment : raw.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "dot segment";
            }
        }
        if (NEEDLESS_ESCAPE.matcher(raw.toLowerCase(Locale.ROOT)).find()) {
            return "encoded character with a plain spelling, or encoded '/', '\\', '.', '%', ';' or NUL";
        }
        return null;
    }
}
