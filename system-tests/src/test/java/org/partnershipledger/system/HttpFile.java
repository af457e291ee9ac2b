package org.partnershipledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .http} file as VS Code's REST Client and IntelliJ's HTTP Client read it: requests separated by
 * {@code ###}, file variables ({@code @name = value}), {@code # @name} to keep a request's response, and
 * {@code {{name.response.body.$.field}}} / {@code {{name.response.headers.Header}}} to use it later. Only what the
 * project's requests.http uses is understood; anything else fails loudly rather than being sent half-resolved.
 */
final class HttpFile {

    /** One request as written; {@code expect} is the status of a {@code # expect: 404} line, else null (2xx). */
    record Request(String title, String name, Integer expect, String method, String url, Map<String, String> headers,
                   String body, int line) {
        @Override
        public String toString() {
            return "line " + line + " (" + title + "): " + method + " " + url;
        }
    }

    /** What a request answered, kept for later requests' {@code {{name.response...}}}. */
    record Answer(JsonNode body, Map<String, String> headers) {
    }

    private static final Pattern VARIABLE_LINE = Pattern.compile("^@([\\w-]+)\\s*=\\s*(.*)$");
    private static final Pattern REQUEST_LINE = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(\\S+)(\\s+HTTP/.*)?$");
    private static final Pattern NAME = Pattern.compile("^(?:#|//)\\s*@name\\s+([\\w-]+)\\s*$");
    private static final Pattern EXPECT = Pattern.compile("^(?:#|//)\\s*expect:\\s*(\\d{3})\\s*$");
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
    private static final Pattern RESPONSE = Pattern.compile("^([\\w-]+)\\.response\\.(body|headers)\\.(.+)$");
    private static final Pattern PATH_STEP = Pattern.compile("\\.([\\w-]+)|\\[(\\d+)]");

    final Map<String, String> variables = new LinkedHashMap<>();
    final List<Request> requests = new ArrayList<>();

    static HttpFile read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpFile parse(List<String> lines) {
        HttpFile file = new HttpFile();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i).startsWith("###")) {
                file.block(lines, start, i);
                start = i;
            }
        }
        return file;
    }

    /** Lines [from, to): the {@code ###} title line, comments and variables, the request line, headers, body. */
    private void block(List<String> lines, int from, int to) {
        String title = from < to && lines.get(from).startsWith("###") ? lines.get(from).substring(3).strip() : "";
        String name = null;
        Integer expect = null;
        int i = title.isEmpty() ? from : from + 1;
        for (; i < to; i++) {
            String line = lines.get(i).strip();
            Matcher variable = VARIABLE_LINE.matcher(line);
            Matcher named = NAME.matcher(line);
            Matcher expected = EXPECT.matcher(line);
            if (named.matches()) {
                name = named.group(1);
            } else if (expected.matches()) {
                expect = Integer.valueOf(expected.group(1));
            } else if (variable.matches()) {
                variables.put(variable.group(1), variable.group(2).strip());
            } else if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith("//")) {
                break;
            }
        }
        if (i == to) {
            return;
        }
        Matcher request = REQUEST_LINE.matcher(lines.get(i).strip());
        if (!request.matches()) {
            throw new IllegalArgumentException("Line " + (i + 1) + " is not a request line: " + lines.get(i));
        }
        int requestLine = i + 1;
        Map<String, String> headers = new LinkedHashMap<>();
        for (i++; i < to && !lines.get(i).isBlank(); i++) {
            String header = lines.get(i);
            int colon = header.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("Line " + (i + 1) + " is not a header: " + header);
            }
            headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        String body = String.join("\n", lines.subList(Math.min(i + 1, to), to)).strip();
        requests.add(new Request(title, name, expect, request.group(1), request.group(2), headers, body, requestLine));
    }

    /**
     * The text with every {@code {{...}}} replaced: file variables (which may use others), then earlier responses.
     */
    String resolve(String text, Map<String, Answer> answers) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            reference.appendReplacement(resolved, Matcher.quoteReplacement(value(reference.group(1), answers)));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }

    private String value(String reference, Map<String, Answer> answers) {
        if (variables.containsKey(reference)) {
            return resolve(variables.get(reference), answers);
        }
        Matcher response = RESPONSE.matcher(reference);
        if (!response.matches()) {
            throw new IllegalArgumentException("Unknown variable {{" + reference + "}}");
        }
        Answer answer = answers.get(response.group(1));
        if (answer == null) {
            throw new IllegalArgumentException("{{" + reference + "}} names no earlier request with # @name "
                    + response.group(1));
        }
        if (response.group(2).equals("headers")) {
            return header(answer.headers(), response.group(3), reference);
        }
        return jsonPath(answer.body(), response.group(3), reference);
    }

    private static String header(Map<String, String> headers, String name, String reference) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("{{" + reference + "}}: no such header"));
    }

    /** {@code $.a.b[0].c} in a JSON body. */
    private static String jsonPath(JsonNode body, String path, String reference) {
        if (body == null || !path.startsWith("$")) {
            throw new IllegalArgumentException("{{" + reference + "}}: no JSON body, or not a $. path");
        }
        JsonNode node = body;
        Matcher step = PATH_STEP.matcher(path.substring(1));
        while (step.find() && node != null) {
            node = step.group(1) != null ? node.get(step.group(1)) : node.get(Integer.parseInt(step.group(2)));
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("{{" + reference + "}}: nothing there in " + body);
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** The variable a request's URL starts with ({@code {{command}}}), and its path with every reference as {@code x}. */
    static Map.Entry<String, String> baseAndPath(Request request) {
        Matcher base = Pattern.compile("^\\{\\{\\s*([\\w-]+)\\s*}}(/[^?]*)").matcher(request.url());
        if (!base.find()) {
            throw new IllegalArgumentException(request + " does not start with a {{base}} variable");
        }
        return Map.entry(base.group(1), REFERENCE.matcher(base.group(2)).replaceAll("x"));
    }

    /** The same file with some variables set otherwise (the ports of a test's ledger). */
    HttpFile with(Map<String, String> overrides) {
        variables.putAll(overrides);
        return this;
    }
}
