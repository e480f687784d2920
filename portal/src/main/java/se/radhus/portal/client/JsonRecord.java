package se.radhus.portal.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object from the API, in which a field the answer does not carry reads as {@code null}: the
 * public view leaves fields out (a secret §'s description, a meeting's place), and a page shows what
 * is there instead of failing on what is not. The templates read {@code p.title} on it like a bean.
 */
public final class JsonRecord extends LinkedHashMap<String, Object> {

    /** Every name is readable (as {@code null} when absent): what the template engine's map access asks. */
    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    /** Whether the answer carries the field at all. */
    public boolean has(String key) {
        return super.containsKey(key);
    }

    /** A parsed JSON value with every object in it a {@link JsonRecord}. */
    static Object of(Object json) {
        if (json instanceof Map<?, ?> m) {
            JsonRecord r = new JsonRecord();
            m.forEach((k, v) -> r.put(String.valueOf(k), of(v)));
            return r;
        }
        if (json instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(of(v)));
            return out;
        }
        return json;
    }
}
