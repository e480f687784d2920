package se.radhus.common.api;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id the gateway sets on every request ({@code X-Request-Id}) and every service logs.
 * A caller's id is kept only if it is short and plain, so that it cannot forge log lines.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The key under which services put the id in the logging context (MDC). */
    public static final String MDC_KEY = "requestId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** The caller's id when it is safe to log, else a new random one. */
    public static String acceptOrCreate(String fromCaller) {
        if (fromCaller != null && SAFE.matcher(fromCaller).matches()) {
            return fromCaller;
        }
        return UUID.randomUUID().toString();
    }
}
