package se.radhus.common.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * What every JSON request body must keep to, at the gateway and again in each service: no key that
 * starts with {@code $} or contains a dot (MongoDB operators and paths), and no array longer than
 * {@link #MAX_ARRAY} elements. The largest real bodies stay well inside (a body of 201 members, a meeting's
 * ballots, 500 bids, 2 000 paragraphs).
 */
public final class JsonBodyRules {

    /** The most elements an array in a request body may have. */
    public static final int MAX_ARRAY = 2_000;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonBodyRules() {
    }

    /** Whether the value that token {@code t} starts is an element of an array. */
    private static boolean inArray(JsonParser p, JsonToken t) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            return p.getParsingContext().getParent() != null && p.getParsingContext().getParent().inArray();
        }
        return t.isScalarValue() && p.getParsingContext().inArray();
    }

    /**
     * Whether a body of this Content-Type may be read as JSON, so must be checked: none given (a framework
     * may still bind it as JSON), {@code application/json}, or any {@code …/…+json} type.
     */
    public static boolean applies(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json") || type.endsWith("/json");
    }

    /** The 400 problem for the first rule the body breaks; null when it keeps them (or is not JSON at all). */
    public static Problem check(byte[] json) {
        if (json == null || json.length == 0) {
            return null;
        }
        Deque<int[]> arrays = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        String lastName = null;
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (inArray(p, t) && ++arrays.peek()[0] > MAX_ARRAY) {
                    String field = names.peek();
                    return Problem.of("too-many-items", "Invalid request", 400, "The array \"" + field
                                    + "\" has more than " + MAX_ARRAY + " items, the most a request may carry.")
                            .with("errors", List.of(Map.of("field", field, "expected", "at most " + MAX_ARRAY + " items")));
                }
                switch (t) {
                    case FIELD_NAME -> {
                        lastName = p.currentName();
                        if (lastName.startsWith("$") || lastName.contains(".")) {
                            return Problem.of("forbidden-key", "Invalid request", 400, "The key \"" + lastName
                                            + "\" is not allowed: keys may not start with $ or contain a dot.")
                                    .with("errors", List.of(Map.of("field", lastName, "expected", "a plain field name")));
                        }
                    }
                    case START_ARRAY -> {
                        arrays.push(new int[1]);
                        names.push(lastName == null ? "(body)" : lastName);
                    }
                    case END_ARRAY -> {
                        arrays.pop();
                        names.pop();
                    }
                    default -> { }
                }
            }
        } catch (IOException | RuntimeException malformed) {
            return null; // not JSON: the service answers a malformed body with its own 400
        }
        return null;
    }
}
