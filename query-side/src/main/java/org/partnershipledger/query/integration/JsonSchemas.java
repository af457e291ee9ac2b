package org.partnershipledger.query.integration;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipledger.query.history.EventTypes;

/** JSON Schema (2020-12) of an event's {@code data}, generated from its record, so it cannot drift from the code. */
final class JsonSchemas {

    private JsonSchemas() {
    }

    static Map<String, Object> of(EventTypes.EventType type, String baseUri) {
        return of(type.cloudEventType(), type.simpleName(), type.eventClass(), baseUri);
    }

    /** The schema of a CloudEvents type whose data is the given record. */
    static Map<String, Object> of(String cloudEventType, String title, Class<?> data, String baseUri) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", baseUri + cloudEventType);
        schema.put("title", title);
        schema.put("description", "data of CloudEvents of type " + cloudEventType);
        schema.putAll(objectSchema(data));
        return schema;
    }

    /** The schema of a retired version, as it was served (its data's schema is kept, not generated). */
    static Map<String, Object> retired(RetiredSchemas.Retired retired, String currentType, String baseUri) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", baseUri + retired.type());
        schema.put("title", retired.event());
        schema.put("description", "data of CloudEvents of type " + retired.type() + " (retired: events recorded "
                + "in this revision are now delivered in the current one's shape, as " + currentType + ")");
        retired.data().forEach((key, value) -> {
            if (!key.equals("title")) {
                schema.put(key, value);
            }
        });
        return schema;
    }

    private static Map<String, Object> objectSchema(Class<?> record) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.put(component.getName(), schemaOf(component.getGenericType()));
            if (component.getType().isPrimitive() || List.class.isAssignableFrom(component.getType())) {
                required.add(component.getName());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        return schema;
    }

    private static Map<String, Object> schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return Map.of("type", "array", "items", schemaOf(parameterized.getActualTypeArguments()[0]));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class || isSingleValue(raw)) {
            return Map.of("type", "string");
        }
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            return Map.of("type", "integer");
        }
        if (raw == BigDecimal.class || raw == double.class) {
            return Map.of("type", "number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (raw == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (raw == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (raw.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(raw.getEnumConstants()).map(Object::toString).toList());
        }
        if (raw.isRecord()) {
            return objectSchema(raw);
        }
        return Map.of();
    }

    /** Typed ids are written as plain strings ({@code @JsonValue} on their single component). */
    private static boolean isSingleValue(Class<?> raw) {
        return raw.isRecord() && raw.getRecordComponents().length == 1
                && raw.getRecordComponents()[0].getAccessor().isAnnotationPresent(JsonValue.class);
    }
}
