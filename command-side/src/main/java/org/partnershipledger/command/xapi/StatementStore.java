package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The table of accepted statements ({@code command_side.xapi_statement}) and which buckets they count in. */
@Component
class StatementStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    StatementStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored statement: its content hash, whether it is voided, and which statement it voids (if it voids). */
    record Row(UUID id, String contentHash, boolean voided, UUID voids, String programId) {
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("""
                        SELECT statement_id, content_hash, voided, voids, program_id
                        FROM command_side.xapi_statement WHERE statement_id = ?""")
                .param(id)
                .query((rs, row) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, UUID.class), rs.getString(5)))
                .optional();
    }

    Optional<JsonNode> statement(UUID id, boolean voided) {
        return jdbc.sql("SELECT statement FROM command_side.xapi_statement WHERE statement_id = ? AND voided = ?")
                .params(id, voided).query((rs, row) -> read(rs.getString(1))).optional();
    }

    /** Stores the statement unless one with its id is stored already (then false: the caller compares). */
    boolean insert(UUID id, JsonNode statement, String contentHash, Instant stored, String actorKey, UUID voids,
                   boolean voided, String programId, String receivedFrom) {
        return jdbc.sql("""
                        INSERT INTO command_side.xapi_statement (statement_id, statement, content_hash, stored,
                            verb_id, actor_key, voided, voids, program_id, received_from)
                        VALUES (?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (statement_id) DO NOTHING""")
                .params(id, write(statement), contentHash, Timestamp.from(stored),
                        statement.path("verb").path("id").asText(), actorKey, voided, voids, programId, receivedFrom)
                .update() == 1;
    }

    void markVoided(UUID target, UUID by) {
        jdbc.sql("UPDATE command_side.xapi_statement SET voided = TRUE, voided_by = ? WHERE statement_id = ?")
                .params(by, target).update();
    }

    /** The stored voiding statement that names this id, if one arrived before the statement it voids. */
    Optional<UUID> voidedBy(UUID id) {
        return jdbc.sql("SELECT statement_id FROM command_side.xapi_statement WHERE voids = ? ORDER BY stored LIMIT 1")
                .param(id).query(UUID.class).optional();
    }

    void count(UUID bucketId, Bucket bucket, UUID statementId, java.math.BigDecimal figure, Instant now) {
        jdbc.sql("""
                        INSERT INTO command_side.xapi_bucket (bucket_id, program_id, kpi_id, level, measure, cohort_id,
                            region, period, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (bucket_id) DO NOTHING""")
                .params(bucketId, bucket.programId(), bucket.kpiId(), bucket.level(), bucket.measure().name(),
                        bucket.cohortId(), bucket.region(), bucket.period(), Timestamp.from(now))
                .update();
        jdbc.sql("""
                        INSERT INTO command_side.xapi_bucket_statement (bucket_id, statement_id, figure)
                        VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(bucketId, statementId, figure).update();
    }

    List<UUID> bucketsOf(UUID statementId) {
        return jdbc.sql("SELECT bucket_id FROM command_side.xapi_bucket_statement WHERE statement_id = ?")
                .param(statementId).query(UUID.class).list();
    }

    /** The counted (not voided) statements of a bucket, in id order, as a StatementResult page. */
    List<JsonNode> ofBucket(UUID bucketId, UUID after, int limit) {
        return jdbc.sql("""
                        SELECT s.statement FROM command_side.xapi_bucket_statement b
                        JOIN command_side.xapi_statement s ON s.statement_id = b.statement_id
                        WHERE b.bucket_id = ? AND NOT s.voided AND (CAST(? AS uuid) IS NULL OR s.statement_id > ?)
                        ORDER BY s.statement_id LIMIT ?""")
                .params(bucketId, after, after, limit).query((rs, row) -> read(rs.getString(1))).list();
    }

    JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored statement does not read", e);
        }
    }

    String write(JsonNode statement) {
        try {
            return json.writeValueAsString(statement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
