package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.partnershipledger.events.program.XapiMappingSet;
import org.partnershipledger.events.program.XapiMeasure;
import org.partnershipledger.events.program.XapiRule;

/**
 * One figure of a program: KPI, level, measure, cohort, region and quarter. Its id is derived from those, so every
 * node and every batch finds the same bucket for the same statement.
 */
record Bucket(String programId, String kpiId, int level, XapiMeasure measure, String cohortId, String region,
              String period) {

    UUID id() {
        return UUID.nameUUIDFromBytes(String.join("|", programId, kpiId, String.valueOf(level), measure.name(),
                Objects.toString(cohortId, ""), Objects.toString(region, ""), period)
                .getBytes(StandardCharsets.UTF_8));
    }

    LocalDate periodStart() {
        int year = Integer.parseInt(period.substring(0, 4));
        int quarter = period.charAt(6) - '0';
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    LocalDate periodEnd() {
        return periodStart().plusMonths(3).minusDays(1);
    }

    /** A statement of a bucket, with the number its measure reads from it. */
    record Entry(Bucket bucket, BigDecimal figure) {
    }

    /** The mapping's activities name the statement: as its object, or among its context activities. */
    static boolean names(XapiMappingSet mapping, JsonNode statement) {
        JsonNode object = statement.path("object");
        if (object.path("objectType").asText("Activity").equals("Activity")
                && mapping.activityIds().contains(object.path("id").asText())) {
            return true;
        }
        for (JsonNode activities : statement.path("context").path("contextActivities")) {
            for (JsonNode activity : activities) {
                if (mapping.contextActivityIds().contains(activity.path("id").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The buckets a statement of the program counts in: one per rule of its verb whose measure it can feed. */
    static List<Entry> entries(XapiMappingSet mapping, JsonNode statement) {
        List<Entry> entries = new ArrayList<>();
        String verb = statement.path("verb").path("id").asText();
        for (XapiRule rule : mapping.rules()) {
            if (!rule.verb().equals(verb)) {
                continue;
            }
            BigDecimal figure = figure(rule.measure(), statement.path("result"));
            if (figure == null) {
                continue;
            }
            JsonNode extensions = statement.path("context").path("extensions");
            entries.add(new Entry(new Bucket(mapping.programId().value(), rule.kpiId(), rule.level(), rule.measure(),
                    extension(extensions, rule.cohortExtension()), extension(extensions, rule.regionExtension()),
                    quarter(statement)), figure));
        }
        return entries;
    }

    /** What the measure reads from a statement's result; null when the statement does not carry it. */
    static BigDecimal figure(XapiMeasure measure, JsonNode result) {
        JsonNode value = switch (measure) {
            case SCORE_SCALED_MEAN -> result.path("score").path("scaled");
            case RESPONSE_MEAN -> result.path("score").path("raw");
            case COMPLETION_RATE -> result.path("completion");
            case SUCCESS_RATE -> result.path("success");
            case COUNT -> null;
        };
        if (measure == XapiMeasure.COUNT) {
            return BigDecimal.ONE;
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return value.isNumber() ? value.decimalValue() : null;
    }

    private static String extension(JsonNode extensions, String key) {
        if (key == null) {
            return null;
        }
        JsonNode value = extensions.path(key);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText().trim() : null;
    }

    /** The quarter, in UTC, of the statement's timestamp (or, without one, of when it was stored). */
    static String quarter(JsonNode statement) {
        String when = statement.hasNonNull("timestamp") ? statement.get("timestamp").asText()
                : statement.path("stored").asText();
        LocalDate day = OffsetDateTime.parse(when).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }
}
