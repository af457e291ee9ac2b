package org.partnershipledger.query.integration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.partnershipledger.query.history.EventLog;
import org.partnershipledger.query.history.LoggedEvent;
import org.partnershipledger.query.http.AnswersAtPosition;
import org.partnershipledger.query.http.ReadConsistency;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Takes the history elsewhere. Events as NDJSON, one CloudEvent per line in position order (the stream's
 * envelope), read through a database cursor so a million events need no more memory than a thousand; resumable
 * with {@code after=<position>}. Impact facts as RFC 4180 CSV.
 */
@RestController
@Tag(name = "Export")
class ExportController {

    static final int FETCH = 1000;
    /**
     * Rows read per transaction. Each page is a short query of its own (keyset on position), so an export of any
     * size stays within the database's statement and transaction timeouts and holds no snapshot for long.
     */
    static final int PAGE = 20_000;
    static final List<String> IMPACT_FACT_COLUMNS = List.of("impact_id", "program_id", "partnership_id",
            "selected_partners", "kpi_id", "level", "value", "unit", "region", "cohort_id", "period_start",
            "period_end", "source", "curriculum_version", "recorded_at", "withdrawn", "withdrawal_reason");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final EventLog log;
    private final CloudEventEnvelope envelope;
    private final StreamHub hub;

    ExportController(DataSource dataSource, EventLog log, CloudEventEnvelope envelope, StreamHub hub) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        this.log = log;
        this.envelope = envelope;
        this.hub = hub;
    }

    @GetMapping(path = "/api/export/events", produces = "application/x-ndjson")
    @AnswersAtPosition
    @Operation(operationId = "exportEvents",
            summary = "Every event as NDJSON CloudEvents in position order, from the first event (after=-1, the default); "
                    + "resume with after=<position>")
    @ApiResponse(responseCode = "200", description = "One CloudEvent (structured JSON) per line, in position order",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")))
    ResponseEntity<StreamingResponseBody> events(@RequestParam(defaultValue = "-1") long after,
                                                 @RequestParam(required = false) Long to,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant fromTime,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant toTime,
                                                 @RequestParam(required = false) String type,
                                                 @RequestParam(required = false) String partnershipId) {
        After.valid(after, "after");
        long upTo = Math.min(to == null ? Long.MAX_VALUE : to, hub.safePosition());
        StringBuilder sql = new StringBuilder("SELECT " + LoggedEvent.COLUMNS
                + " FROM analytics.event_log WHERE position > ? AND position <= ?");
        List<Object> params = new ArrayList<>(List.of(after, upTo));
        if (fromTime != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(Timestamp.from(fromTime));
        }
        if (toTime != null) {
            sql.append(" AND occurred_at < ?");
            params.add(Timestamp.from(toTime));
        }
        if (partnershipId != null) {
            sql.append(" AND partnership_id = ?");
            params.add(partnershipId);
        }
        sql.append(" ORDER BY position LIMIT ").append(PAGE);
        String base = envelope.base(); // the body is written on another thread, without the request
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            long[] last = {after};
            int[] read = {PAGE};
            while (read[0] == PAGE) {
                read[0] = 0;
                params.set(0, last[0]);
                readOnly.executeWithoutResult(status -> jdbc.query(sql.toString(), rs -> {
                    LoggedEvent event = log.readAsStored(rs);
                    read[0]++;
                    last[0] = event.position();
                    if (type == null || type.equals(event.type())
                            || StreamSubscriber.Filter.typeMatches(type, envelope.typeOf(event))) {
                        try {
                            writer.write(envelope.json(event, base));
                            writer.write('\n');
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }, params.toArray()));
            }
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(ReadConsistency.POSITION_HEADER, Long.toString(upTo)).body(body);
    }

    @GetMapping(path = "/api/export/impact-facts.csv", produces = "text/csv")
    @Operation(operationId = "exportImpactFacts", summary = "analytics.impact_fact as RFC 4180 CSV with a header")
    @ApiResponse(responseCode = "200", description = "A header line, then one line per impact record",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<StreamingResponseBody> impactFacts() {
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write(Csv.line(IMPACT_FACT_COLUMNS));
            Object[] last = {null, null};
            int[] read = {PAGE};
            while (read[0] == PAGE) {
                read[0] = 0;
                readOnly.executeWithoutResult(status -> jdbc.query("""
                        SELECT impact_id, program_id, partnership_id, array_to_string(selected_partners, ';')
                               AS selected_partners, kpi_id, level, value, unit, region, cohort_id, period_start,
                               period_end, source, curriculum_version, recorded_at, withdrawn, withdrawal_reason
                        FROM analytics.impact_fact
                        WHERE CAST(? AS timestamptz) IS NULL OR (recorded_at, impact_id) > (?, ?)
                        ORDER BY recorded_at, impact_id LIMIT %d""".formatted(PAGE), (ResultSet rs) -> {
                    read[0]++;
                    last[0] = rs.getTimestamp("recorded_at");
                    last[1] = rs.getString("impact_id");
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= IMPACT_FACT_COLUMNS.size(); i++) {
                        Object value = rs.getObject(i);
                        values.add(value == null ? "" : value instanceof Timestamp t ? t.toInstant().toString()
                                : value.toString());
                    }
                    try {
                        writer.write(Csv.line(values));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, last[0], last[0], last[1]));
            }
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"impact-facts.csv\"").body(body);
    }

}
