package org.partnershipledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.partnershipledger.system.ApiOperations.Operation;
import org.partnershipledger.system.ApiOperations.Param;

/**
 * Bad input for one operation, generated from its OpenAPI description: wrong types, huge strings and arrays, deep
 * JSON, invalid UTF-8, control characters, ids that do not exist, negative and huge numbers, unknown enum values,
 * duplicated and unknown keys, and If-Match, Idempotency-Key, X-Request-Id, Accept, Content-Type and Authorization
 * headers in odd shapes, each on an otherwise well-formed request.
 *
 * <p>A case is <em>strict</em> when no answer but a refusal (4xx) is right. Some inputs are odd but legitimate (a
 * negative number, a control character escaped in a JSON string, a 255-character Idempotency-Key): such a case is
 * anchored to a refusal by something the server must refuse regardless and checks only after reading everything
 * else (a path id that does not exist, a required field left out), so it still goes all the way through parsing and
 * validation, and records nothing. A read without either has no anchor; it may answer 2xx.
 */
final class BadInputs {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MEGABYTE = 1 << 20;
    private static final String HOLE = "\u0001hole\u0001";

    /** One request to send, what was done to it, and whether only a refusal is a right answer. */
    record Case(Operation operation, String group, String family, RawHttp.Request request, boolean strict) {
        @Override
        public String toString() {
            return operation + " [" + family + "] " + request;
        }
    }

    /** What the running ledger holds: ids that exist, the user to send an operation as, a valid query value. */
    interface World {
        String user(Operation operation);

        /** An existing value for a path parameter (already URL-encoded), or one that exists nowhere. */
        String pathValue(Operation operation, String name);

        /** A valid value for a query parameter, or null to leave it out. */
        String queryValue(Operation operation, Param param);

        /** A value for a body property that names something existing (a partnership id, say), or null. */
        JsonNode bodyValue(String property);

        /** Whether the operation answers without credentials (as the audit log's public key does). */
        boolean isPublic(Operation operation);
    }

    /** A value put in place of another: its raw JSON bytes (possibly not JSON at all) and whether it is refused. */
    private record Value(String label, byte[] raw, boolean refused) {
        static Value json(String label, String text, boolean refused) {
            return new Value(label, text.getBytes(StandardCharsets.UTF_8), refused);
        }
    }

    private final Operation operation;
    private final World world;
    private final Random random;
    private final List<Case> cases = new ArrayList<>();
    private final ObjectNode baseBody;
    private int texts;
    int skipped;

    BadInputs(Operation operation, World world, Random random) {
        this.operation = operation;
        this.world = world;
        this.random = random;
        this.baseBody = operation.body() == null ? null : (ObjectNode) example(operation.body(), "", 0);
    }

    /** Every case for the operation, grouped by family in a fixed order for the seed. */
    List<Case> all() {
        bodyCases();
        headerCases();
        pathCases();
        queryCases();
        authorizationCases();
        methodCases();
        return cases;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The request as the operation takes it, and changes to it

    /** A request being put together: path values, query, headers and body, and what makes it a refusal. */
    private final class Draft {
        String method = operation.method();
        final Map<String, String> path = new LinkedHashMap<>();
        final List<String[]> query = new ArrayList<>();
        final List<String> headers = new ArrayList<>();
        String user = world.user(operation);
        String contentType = operation.body() == null ? null : "application/json";
        byte[] body;
        String suffix = "";
        boolean refused;
        /** The top-level body property or query parameter this draft changed, which an anchor must leave alone. */
        String touched;
        boolean pathTouched;

        Draft() {
            for (Param param : operation.in("path")) {
                path.put(param.name(), world.pathValue(operation, param.name()));
            }
            for (Param param : operation.in("query")) {
                String value = world.queryValue(operation, param);
                if (value != null) {
                    query.add(new String[] {param.name(), value});
                }
            }
            body = baseBody == null ? null : bytes(baseBody);
        }

        RawHttp.Request build() {
            String target = operation.path();
            for (Map.Entry<String, String> value : path.entrySet()) {
                target = target.replace("{" + value.getKey() + "}", value.getValue());
            }
            StringBuilder url = new StringBuilder(target).append(suffix);
            for (int i = 0; i < query.size(); i++) {
                url.append(i == 0 ? '?' : '&').append(query.get(i)[0]).append('=').append(query.get(i)[1]);
            }
            RawHttp.Request request = new RawHttp.Request(method, url.toString(), List.of(), null, false).as(user);
            if (contentType != null) {
                request = request.header("Content-Type: " + contentType);
            }
            for (String header : headers) {
                request = request.header(header);
            }
            return body == null ? request : request.withBody(body);
        }

        /** Adds the case, anchored to a refusal when the change alone is not one; a case without an anchor is
         *  kept for a read (it may answer 2xx) and dropped for a write (it could change something). */
        void add(String group, String family) {
            boolean strict = refused || anchor();
            if (!strict && !operation.method().equals("GET")) {
                skipped++;
                return;
            }
            cases.add(new Case(operation, group, family, build(), strict));
        }

        private boolean anchor() {
            List<Param> pathParams = operation.in("path");
            if (!pathParams.isEmpty() && !pathTouched) {
                path.put(pathParams.get(0).name(), "fuzz-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE));
                return true;
            }
            byte[] without = body == null || baseBody == null ? null : withoutARequiredString(touched, body);
            if (without != null) {
                body = without;
                return true;
            }
            for (Param param : operation.in("query")) {
                if (param.required() && !param.name().equals(touched)) {
                    query.removeIf(pair -> pair[0].equals(param.name()));
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The body without one of the required text properties the change left alone (cut out of the raw bytes, which
     * may not be JSON any more), or null when there is none to cut.
     */
    private byte[] withoutARequiredString(String touched, byte[] changed) {
        String text = new String(changed, StandardCharsets.ISO_8859_1);
        for (JsonNode required : operation.body().path("required")) {
            String name = required.asText();
            if (name.equals(touched) || !baseBody.has(name)
                    || !operation.body().path("properties").path(name).path("type").asText().equals("string")) {
                continue;
            }
            String member = "\"" + name + "\":" + baseBody.get(name).toString();
            int at = text.indexOf(member);
            if (at >= 0) {
                int end = at + member.length();
                if (end < text.length() && text.charAt(end) == ',') {
                    end++;
                } else if (at > 0 && text.charAt(at - 1) == ',') {
                    at--;
                }
                return (text.substring(0, at) + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bodies

    private void bodyCases() {
        if (baseBody == null) {
            return;
        }
        for (List<Object> at : jsonPaths(baseBody, operation.body())) {
            JsonNode schema = schemaAt(operation.body(), at);
            String top = (String) at.get(0);
            for (Value value : valuesFor(schema, top)) {
                Draft draft = new Draft();
                draft.body = withValue(at, value.raw());
                draft.refused = value.refused();
                draft.touched = top;
                draft.add("body " + pointer(at), "body " + pointer(at) + " = " + value.label());
            }
            Draft duplicated = new Draft();
            duplicated.body = duplicateKey(at);
            duplicated.refused = true;
            duplicated.touched = top;
            duplicated.add("body " + pointer(at), "body " + pointer(at) + " given twice");
        }
        for (Value value : wholeBodies()) {
            Draft draft = new Draft();
            draft.body = value.raw();
            draft.refused = value.refused();
            draft.touched = "*";
            draft.add("body", "body = " + value.label());
        }
        Draft unknown = new Draft();
        ObjectNode extra = baseBody.deepCopy();
        extra.put("fuzzUnknownProperty", 1);
        unknown.body = bytes(extra);
        unknown.refused = true;
        unknown.add("body", "body with an unknown property");
    }

    private List<Value> wholeBodies() {
        String base = baseBody.toString();
        List<Value> values = new ArrayList<>();
        values.add(Value.json("[]", "[]", true));
        values.add(Value.json("null", "null", true));
        values.add(Value.json("a string", "\"x\"", true));
        values.add(Value.json("a number", "42", true));
        values.add(Value.json("nothing", "", true));
        values.add(Value.json("{", "{", true));
        values.add(Value.json("cut short", base.substring(0, 1 + random.nextInt(base.length() - 1)), true));
        values.add(Value.json("a comment", "/* c */" + base, true));
        values.add(Value.json("single quotes", base.replace('"', '\''), true));
        values.add(Value.json("10,000 nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), true));
        values.add(Value.json("10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000), true));
        values.add(Value.json("trailing garbage", base + " x", true));
        values.add(Value.json("two objects", base + base, true));
        values.add(Value.json("a byte order mark", "\uFEFF" + base, false));
        values.add(Value.json("200 KB of spaces", " ".repeat(200_000) + base, false));
        values.add(Value.json("1 MB of spaces", " ".repeat(MEGABYTE) + base, true));
        byte[] noise = new byte[2048];
        random.nextBytes(noise);
        noise[0] = 1; // not a JSON value's first byte
        values.add(new Value("random bytes", noise, true));
        return values;
    }

    /** The values to put in place of a property of this schema. */
    private List<Value> valuesFor(JsonNode schema, String property) {
        List<Value> values = new ArrayList<>();
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        values.add(Value.json("null", "null", false));
        values.add(Value.json("10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000), true));
        values.add(Value.json("a 1 MB string", "\"" + "x".repeat(MEGABYTE) + "\"", true));
        switch (type) {
            case "string" -> {
                values.add(Value.json("{}", "{}", true));
                values.add(Value.json("[]", "[]", true));
                values.add(Value.json("[\"x\"]", "[\"x\"]", true));
                values.add(Value.json("a number", "12", false));
                values.add(Value.json("true", "true", false));
                if (schema.has("enum")) {
                    values.addAll(enumValues(schema));
                } else if (format.equals("date") || format.equals("date-time")) {
                    values.addAll(dateValues(format));
                } else {
                    values.addAll(textValues());
                }
            }
            case "integer", "number" -> values.addAll(numberValues(type.equals("integer"), format));
            case "boolean" -> {
                values.add(Value.json("\"maybe\"", "\"maybe\"", true));
                values.add(Value.json("{}", "{}", true));
                values.add(Value.json("2", "2", false));
            }
            case "array" -> {
                values.add(Value.json("a string", "\"x\"", true));
                values.add(Value.json("{}", "{}", true));
                values.add(Value.json("[]", "[]", false));
                values.add(Value.json("[null]", "[null]", false));
                JsonNode item = example(schema.path("items"), property + "[]", 1);
                String itemText = item.toString();
                values.add(Value.json("20,000 items", "[" + (itemText + ",").repeat(19_999) + itemText + "]",
                        20_000L * (itemText.length() + 1) > 262_144));
                values.add(Value.json("a 1 MB array", "[" + (itemText + ",").repeat(MEGABYTE / itemText.length())
                        + itemText + "]", true));
                values.add(Value.json("items of the wrong type", item.isObject() ? "[\"x\"]" : "[{}]", true));
            }
            default -> { // an object
                values.add(Value.json("a string", "\"x\"", true));
                values.add(Value.json("[]", "[]", true));
                values.add(Value.json("{}", "{}", false));
                values.add(Value.json("an unknown property", "{\"fuzzUnknownProperty\":1}", true));
            }
        }
        return values;
    }

    private static List<Value> enumValues(JsonNode schema) {
        String first = schema.path("enum").path(0).asText();
        return List.of(Value.json("an unknown enum value", "\"NOT_A_VALUE\"", true),
                Value.json("a lower-case enum value", "\"" + first.toLowerCase(Locale.ROOT) + "\"", false),
                Value.json("\"\"", "\"\"", false),
                Value.json("an enum index", "0", false),
                Value.json("an enum index out of range", "999", true),
                Value.json("a 300 KB enum value", "\"" + "A".repeat(300_000) + "\"", true));
    }

    private static List<Value> dateValues(String format) {
        boolean date = format.equals("date");
        return List.of(Value.json("not a date", "\"not a date\"", true),
                Value.json("month 13", date ? "\"2026-13-45\"" : "\"2026-13-45T10:00:00Z\"", true),
                Value.json("February 30", date ? "\"2026-02-30\"" : "\"2026-02-30T10:00:00Z\"", true),
                Value.json("year 0", date ? "\"0000-00-00\"" : "\"0000-00-00T00:00:00Z\"", true),
                Value.json("the last year there is", date ? "\"+999999999-12-31\"" : "\"+1000000000-12-31T23:59:59Z\"",
                        date),
                Value.json("the first year there is", date ? "\"-999999999-01-01\"" : "\"-1000000000-01-01T00:00:00Z\"",
                        date),
                Value.json("the year 10000", date ? "\"+10000-01-01\"" : "\"+10000-01-01T00:00:00Z\"", date),
                Value.json("a number", "20260101", false),
                Value.json("\"\"", "\"\"", false));
    }

    private List<Value> textValues() {
        List<Value> values = new ArrayList<>();
        values.add(Value.json("\"\"", "\"\"", false));
        values.add(Value.json("blank", "\"   \"", false));
        values.add(Value.json("an escaped NUL", "\"a\\u0000b\"", true));
        values.add(Value.json("escaped control characters", "\"a\\u0001\\u001b[2J\\u007f\\b\\f\"", false));
        values.add(Value.json("line and paragraph separators", "\"a\\u2028b\\u2029\"", false));
        values.add(Value.json("a lone high surrogate", "\"a\\ud800b\"", false));
        values.add(Value.json("reversed surrogates", "\"\\udc00\\ud800\"", false));
        values.add(Value.json("non-characters", "\"\\ufeff\\ufffe\\uffff\"", false));
        values.add(Value.json("right-to-left override and emoji", "\"\u202e\uD83D\uDCA9\u0301\"", false));
        values.add(Value.json("markup and SQL", "\"<script>alert(1)</script>' OR 1=1; --\"", false));
        values.add(Value.json("format and lookup patterns", "\"%s%n%x ${jndi:ldap://localhost/x} {{7*7}}\"", false));
        values.add(Value.json("5,000 characters", "\"" + "é".repeat(5_000) + "\"", false));
        values.add(Value.json("250,000 characters", "\"" + "x".repeat(250_000) + "\"", false));
        values.add(raw("a raw control character", "\"a", new byte[] {1}, "b\"", true));
        values.add(raw("a raw line break", "\"a", new byte[] {'\n'}, "b\"", true));
        values.add(raw("a raw tab", "\"a", new byte[] {'\t'}, "b\"", true));
        values.add(raw("a raw DEL", "\"a", new byte[] {0x7f}, "b\"", false));
        values.add(raw("invalid UTF-8 0xFF", "\"a", new byte[] {(byte) 0xff, (byte) 0xfe}, "b\"", true));
        values.add(raw("a lone UTF-8 continuation byte", "\"a", new byte[] {(byte) 0x80}, "b\"", true));
        values.add(raw("a UTF-8 sequence cut short", "\"a", new byte[] {(byte) 0xe2, (byte) 0x82}, "\"", true));
        values.add(raw("an overlong UTF-8 slash", "\"a", new byte[] {(byte) 0xc0, (byte) 0xaf}, "b\"", false));
        values.add(raw("a UTF-8-encoded surrogate", "\"a", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, "b\"",
                false));
        values.add(raw("a string never closed", "\"abc", new byte[0], "", true));
        return values;
    }

    private static List<Value> numberValues(boolean integer, String format) {
        boolean int32 = integer && !format.equals("int64");
        List<Value> values = new ArrayList<>();
        values.add(Value.json("\"abc\"", "\"abc\"", true));
        values.add(Value.json("\"12\"", "\"12\"", false));
        values.add(Value.json("{}", "{}", true));
        values.add(Value.json("[1]", "[1]", true));
        values.add(Value.json("true", "true", false));
        values.add(Value.json("-1", "-1", false));
        values.add(Value.json("0", "0", false));
        values.add(Value.json("-0", "-0", false));
        values.add(Value.json("2^31", "2147483648", int32));
        values.add(Value.json("-2^31-1", "-2147483649", int32));
        values.add(Value.json("2^63", "9223372036854775808", integer));
        values.add(Value.json("-2^63-1", "-9223372036854775809", integer));
        values.add(Value.json("1e308", "1e308", integer));
        values.add(Value.json("1e400", "1e400", integer));
        values.add(Value.json("-1e400", "-1e400", integer));
        values.add(Value.json("1e-400", "1e-400", integer));
        values.add(Value.json("1.5", "1.5", integer));
        values.add(Value.json("30 significant digits", "123456789012345678901234567890.123", integer));
        values.add(Value.json("a number of 1,100 digits", "9".repeat(1_100), true));
        values.add(Value.json("\"1e400\"", "\"1e400\"", integer));
        values.add(Value.json("NaN", "NaN", true));
        values.add(Value.json("-Infinity", "-Infinity", true));
        values.add(Value.json("0x10", "0x10", true));
        values.add(Value.json("+1", "+1", true));
        values.add(Value.json("01", "01", true));
        values.add(Value.json("1.", "1.", true));
        return values;
    }

    private static Value raw(String label, String before, byte[] middle, String after, boolean refused) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return new Value(label, out.toByteArray(), refused);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Headers

    private void headerCases() {
        if (operation.hasHeader("If-Match")) {
            header("If-Match", "abc", true);
            header("If-Match", "\"abc\"", true);
            header("If-Match", "W/\"x\"", true);
            header("If-Match", "\"\"", true);
            header("If-Match", "\"1\", \"2\"", true);
            header("If-Match", "\"99999999999999999999\"", true);
            header("If-Match", "\"-1\"", true);
            header("If-Match", "\"999999\"", true);
            header("If-Match", "\"" + "9".repeat(15_000) + "\"", true);
            header("If-Match", "*", false);
            header("If-Match", "W/\"0\"", false);
        }
        if (operation.hasHeader("Idempotency-Key")) {
            header("Idempotency-Key", "", true);
            header("Idempotency-Key", "a b", true);
            header("Idempotency-Key", "k".repeat(256), true);
            header("Idempotency-Key", "k".repeat(12_000), true);
            header("Idempotency-Key", "cl\u00c3\u00a9", true); // UTF-8 bytes of é, as a header carries them
            header("Idempotency-Key", "a\u0001b", true);
            header("Idempotency-Key", "k".repeat(255), false);
            header("Idempotency-Key", "...:--__", false);
        } else {
            header("Idempotency-Key", "a b\u00ff", false);
        }
        header("X-Request-Id", "", false);
        header("X-Request-Id", "r".repeat(10_000), false);
        header("X-Request-Id", "<script>\u00c3\u00a9", false);
        header("X-Request-Id", "a\u0001b", true);
        header("X-Request-Id", "r".repeat(20_000), true); // past the 16 KB of headers
        header("Accept", "garbage", true);
        header("Accept", "text/html", true);
        header("Accept", "image/png;q=1", true);
        header("Accept", "a/b/c", true);
        header("Accept", "*/json", true);
        header("Accept", "application/json;q=abc", true);
        header("Accept", "*/*", false);
        header("Accept", "application/*", false);
        header("Accept", "", false);
        StringBuilder many = new StringBuilder("text/plain;q=0.1");
        for (int i = 0; i < 400; i++) {
            many.append(", application/x-fuzz-").append(i).append(";q=0.5");
        }
        header("Accept", many.append(", */*;q=0.01").toString(), false);
        if (operation.body() != null) {
            contentType("text/plain", true);
            contentType("application/xml", true);
            contentType("application/x-www-form-urlencoded", true);
            contentType("multipart/form-data; boundary=x", true);
            contentType(";;", true);
            contentType("application/json; charset=nope", true);
            contentType("application/json; charset=UTF-16", false); // Jackson reads the bytes' own encoding
            contentType(null, true);
            contentType("APPLICATION/JSON", false);
            contentType("application/json; charset=ISO-8859-1", false);
            contentType("application/problem+json", false);
        } else {
            contentType("text/plain", false);
            contentType(";;", false);
        }
    }

    private void header(String name, String value, boolean refused) {
        Draft draft = new Draft();
        draft.headers.add(name + ": " + value);
        draft.refused = refused;
        draft.add(name, name + ": " + RawHttp.abbreviate(value));
    }

    private void contentType(String value, boolean refused) {
        Draft draft = new Draft();
        draft.contentType = value;
        if (draft.body == null) {
            draft.body = new byte[0];
        }
        draft.refused = refused;
        draft.add("Content-Type", "Content-Type: " + value);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The URL: path values that name nothing, query parameters of every wrong kind

    private void pathCases() {
        List<String> missing = List.of(UUID.nameUUIDFromBytes(new byte[] {(byte) random.nextInt()}).toString(),
                "00000000-0000-0000-0000-000000000000", "0", "-1", "99999999999999999999999", "x".repeat(300),
                "x".repeat(5_000), "%C3%A9t%C3%A9", "%F0%9F%92%A9", "%20", "%09", "%7B%7D", "a%3Bb",
                "%27%20OR%201%3D1--", "%25", "%00", "%2F", "%5C", "%FF", "%C0%AF", "%ED%A0%80", "..", ";x", "a;b=c",
                "%2e%2e", "\u00e9", "a\\b", "a%23b");
        for (Param param : operation.in("path")) {
            for (String value : missing) {
                Draft draft = new Draft();
                draft.path.put(param.name(), value);
                draft.refused = true;
                draft.pathTouched = true;
                draft.add("path " + param.name(), "path {" + param.name() + "} = " + RawHttp.abbreviate(value));
            }
        }
        for (String suffix : List.of("/fuzz", "//", "/.", "%2F..", "#x", "?&&==&")) {
            Draft draft = new Draft();
            draft.suffix = suffix;
            draft.refused = !suffix.startsWith("?") && !suffix.equals("/.") && !suffix.equals("#x");
            draft.pathTouched = draft.refused;
            draft.add("path", "path + " + suffix);
        }
    }

    private void queryCases() {
        for (Param param : operation.in("query")) {
            JsonNode schema = param.schema();
            String type = schema.path("type").asText("string");
            String format = schema.path("format").asText("");
            List<String[]> values = new ArrayList<>(); // value (encoded), refused ("1") or not ("0")
            switch (type) {
                case "integer" -> {
                    boolean int32 = !format.equals("int64");
                    values.add(new String[] {"abc", "1"});
                    values.add(new String[] {"1.5", "1"});
                    values.add(new String[] {"0x10", "0"}); // Spring reads it as hexadecimal
                    values.add(new String[] {"99999999999999999999", "1"});
                    values.add(new String[] {"2147483648", int32 ? "1" : "0"});
                    values.add(new String[] {"-1", "0"});
                    values.add(new String[] {"-9223372036854775808", "0"});
                    values.add(new String[] {"9223372036854775807", "0"});
                    values.add(new String[] {"", "0"});
                    values.add(new String[] {"%201", "0"});
                }
                case "boolean" -> {
                    values.add(new String[] {"maybe", "1"});
                    values.add(new String[] {"", "0"});
                }
                case "array" -> {
                    values.add(new String[] {"abc", "1"});
                    values.add(new String[] {"1,abc", "1"});
                    values.add(new String[] {"-1", "0"});
                    values.add(new String[] {("1," ).repeat(2_000) + "1", "0"});
                }
                default -> {
                    if (schema.has("enum")) {
                        values.add(new String[] {"NOT_A_VALUE", "1"});
                        values.add(new String[] {schema.path("enum").path(0).asText().toLowerCase(Locale.ROOT), "0"});
                    } else if (format.equals("date-time")) {
                        values.add(new String[] {"garbage", "1"});
                        values.add(new String[] {"2026-13-45T10:00:00Z", "1"});
                        values.add(new String[] {"%2B1000000000-12-31T23:59:59Z", "0"});
                        values.add(new String[] {"-1000000000-01-01T00:00:00Z", "0"});
                        values.add(new String[] {"2026-01-01", "0"});
                    } else {
                        values.add(new String[] {"%01%1B%7F", "0"});
                        values.add(new String[] {"%FF%FE", "0"});
                        values.add(new String[] {"%ED%A0%80", "0"});
                        values.add(new String[] {"%", "0"});
                        values.add(new String[] {enc("' OR 1=1; -- %_\\"), "0"});
                        values.add(new String[] {"x".repeat(5_000), "0"});
                    }
                }
            }
            values.add(new String[] {"%00", "1"});
            values.add(new String[] {"[", "1"});
            values.add(new String[] {"x".repeat(20_000), "1"}); // a URL past the 16 KB of headers
            for (String[] value : values) {
                Draft draft = new Draft();
                draft.query.removeIf(pair -> pair[0].equals(param.name()));
                draft.query.add(new String[] {param.name(), value[0]});
                draft.refused = value[1].equals("1");
                draft.touched = param.name();
                draft.add("query " + param.name(), "query " + param.name() + "=" + RawHttp.abbreviate(value[0]));
            }
            Draft twice = new Draft();
            String valid = world.queryValue(operation, param);
            twice.query.removeIf(pair -> pair[0].equals(param.name()));
            twice.query.add(new String[] {param.name(), valid == null ? "1" : valid});
            twice.query.add(new String[] {param.name(), "abc"});
            twice.touched = param.name();
            twice.add("query " + param.name(), "query " + param.name() + " given twice");
        }
    }

    private void authorizationCases() {
        boolean open = world.isPublic(operation);
        for (String[] credentials : new String[][] {{null, "no credentials"}, {"Basic " + basic("fuzz-nobody:wrong"),
                "a wrong password"}, {"Basic !!!", "Basic garbage"}, {"Basic " + basic("nocolon"), "Basic without colon"},
                {"Bearer abc.def.ghi", "a bearer token"}, {"Digest x", "another scheme"},
                {"Basic " + "A".repeat(17_000), "17 KB of credentials"}}) {
            Draft draft = new Draft();
            draft.user = null;
            if (credentials[0] != null) {
                draft.headers.add("Authorization: " + credentials[0]);
            }
            // credentials that are not Basic ones are not checked at all, so a public operation answers
            draft.refused = !open || credentials[0] != null && credentials[0].startsWith("Basic");
            draft.add("Authorization", "Authorization: " + credentials[1]);
        }
    }

    private void methodCases() {
        for (String method : List.of("PATCH", "PROPFIND", "FUZZ")) {
            Draft draft = new Draft();
            draft.method = method;
            draft.refused = true;
            draft.add("method", "method " + method);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // JSON helpers

    /** A value of the schema that passes the server's checks where that is easy to know. */
    private JsonNode example(JsonNode schema, String property, int depth) {
        JsonNode known = world.bodyValue(property);
        if (known != null) {
            return known;
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asText("");
        switch (type) {
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                if (depth < 4) {
                    schema.path("properties").properties().forEach(p ->
                            object.set(p.getKey(), example(p.getValue(), p.getKey(), depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                array.add(example(schema.path("items"), property + "[]", depth + 1));
                return array;
            }
            case "integer" -> {
                return JSON.getNodeFactory().numberNode(1);
            }
            case "number" -> {
                return JSON.getNodeFactory().numberNode(10);
            }
            case "boolean" -> {
                return JSON.getNodeFactory().booleanNode(true);
            }
            default -> {
                if (schema.has("enum")) {
                    return TextNode.valueOf(schema.path("enum").path(0).asText());
                }
                if (format.equals("date")) {
                    return TextNode.valueOf("2026-01-15");
                }
                if (format.equals("date-time")) {
                    return TextNode.valueOf("2026-01-15T10:00:00Z");
                }
                // each text different, so one can be found (and cut out) in the body by its value
                String text = "fuzz" + (++texts);
                int length = schema.path("minLength").asInt(0);
                return TextNode.valueOf(text.length() >= length ? text : text + "z".repeat(length - text.length()));
            }
        }
    }

    /** Where in the body values are put: each top-level property, and each property of an array's first object. */
    private static List<List<Object>> jsonPaths(ObjectNode body, JsonNode schema) {
        List<List<Object>> paths = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            paths.add(List.of(name));
            JsonNode value = body.get(name);
            if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                value.get(0).fieldNames().forEachRemaining(inner -> paths.add(List.of(name, 0, inner)));
            }
        });
        return paths;
    }

    private static JsonNode schemaAt(JsonNode schema, List<Object> path) {
        JsonNode at = schema;
        for (Object step : path) {
            at = step instanceof String name ? at.path("properties").path(name) : at.path("items");
        }
        return at;
    }

    private static String pointer(List<Object> path) {
        StringBuilder pointer = new StringBuilder();
        for (Object step : path) {
            pointer.append(step instanceof String ? (pointer.isEmpty() ? "" : ".") + step : "[" + step + "]");
        }
        return pointer.toString();
    }

    /** The base body with the value at {@code path} replaced by raw bytes. */
    private byte[] withValue(List<Object> path, byte[] raw) {
        ObjectNode copy = baseBody.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof String name ? parent.get(name) : parent.get((Integer) path.get(i));
        }
        ((ObjectNode) parent).put((String) path.get(path.size() - 1), HOLE);
        return splice(bytes(copy), raw);
    }

    /** The base body with the member at {@code path} given twice (the second time with the same value). */
    private byte[] duplicateKey(List<Object> path) {
        JsonNode parent = baseBody;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof String name ? parent.get(name) : parent.get((Integer) path.get(i));
        }
        String name = (String) path.get(path.size() - 1);
        String value = parent.get(name).toString();
        return withValue(path, (value + ",\"" + name + "\":" + value).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] splice(byte[] json, byte[] raw) {
        String text = new String(json, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"\\u0001hole\\u0001\"");
        if (at < 0) {
            throw new IllegalStateException("No hole in " + text);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json, 0, at);
        out.writeBytes(raw);
        int end = at + "\"\\u0001hole\\u0001\"".length();
        out.write(json, end, json.length - end);
        return out.toByteArray();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String basic(String credentials) {
        return java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
