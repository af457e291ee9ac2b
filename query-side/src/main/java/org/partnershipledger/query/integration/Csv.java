package org.partnershipledger.query.integration;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled, lines end in CRLF. */
final class Csv {

    private Csv() {
    }

    static String line(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
