package org.partnershipledger.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object as the templates read it: a field the API left out reads as null, as one it sent as null does,
 * so a page does not break when an answer omits an optional field (a partner's view omits several).
 */
final class JsonMap extends LinkedHashMap<String, Object> {

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    /** A field sent as null reads as the default too. */
    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        Object value = get(key);
        return value == null ? defaultValue : value;
    }

    /** Maps and lists all the way down. */
    static Object lenient(Object json) {
        if (json instanceof Map<?, ?> map) {
            JsonMap copy = new JsonMap();
            map.forEach((k, v) -> copy.put(String.valueOf(k), lenient(v)));
            return copy;
        }
        if (json instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(lenient(v)));
            return copy;
        }
        return json;
    }
}
