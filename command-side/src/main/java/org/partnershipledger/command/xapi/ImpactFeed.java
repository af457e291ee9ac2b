package org.partnershipledger.command.xapi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.partnershipledger.command.common.IdGenerator;
import org.partnershipledger.command.common.LostRaces;
import org.partnershipledger.command.program.RecordImpact;
import org.partnershipledger.command.program.WithdrawImpact;
import org.partnershipledger.events.program.ImpactSource;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.XapiMeasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a bucket's impact record up to date with its counted statements, through the program's own commands (so
 * its rules and the read models apply): a new figure is recorded ({@code ImpactRecorded}, source XAPI, the
 * statement ids as evidence), then the record it supersedes is withdrawn with a reason naming why and its
 * successor (so a program that refuses the new record, a retired one say, keeps the old); a bucket left with no
 * statement (all voided) is withdrawn. One node at a time per bucket (a PostgreSQL advisory
 * lock), and an unchanged bucket changes nothing.
 */
@Component
class ImpactFeed {

    /** Above this many statements, the evidence is a digest of their ids and the query that lists them. */
    static final int LISTED = 50;
    static final String STATEMENT = "XAPI_STATEMENT:";
    static final String DIGEST = "XAPI_STATEMENTS_SHA256:";
    static final String QUERY = "XAPI_STATEMENTS_QUERY:/api/xapi/statements?bucket=";
    private static final Logger LOG = LoggerFactory.getLogger(ImpactFeed.class);

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate locked;
    private final TransactionTemplate outside;
    private final TransactionTemplate apart;

    ImpactFeed(JdbcClient jdbc, CommandGateway commands, IdGenerator ids, Clock clock,
               PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.ids = ids;
        this.clock = clock;
        this.locked = new TransactionTemplate(transactions);
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Each bucket, with why it is recomputed when a statement of it was voided (else null). */
    void recompute(Map<UUID, String> causes) {
        causes.forEach((bucket, cause) -> {
            try {
                locked.executeWithoutResult(status -> recompute(bucket, cause));
            } catch (RuntimeException refused) {
                LOG.warn("xAPI bucket {} could not be brought up to date: {}", bucket, refused.getMessage());
                apart.executeWithoutResult(status -> jdbc.sql("""
                                UPDATE command_side.xapi_bucket SET last_error = ?, updated_at = ?
                                WHERE bucket_id = ?""")
                        .params(refused.getMessage(), Timestamp.from(clock.instant()), bucket).update());
            }
        });
    }

    private record Row(String programId, String kpiId, int level, XapiMeasure measure, String cohortId,
                       String region, String period, String impactId, String digest) {
    }

    private void recompute(UUID bucketId, String cause) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(bucketId.getMostSignificantBits() ^ bucketId.getLeastSignificantBits()).query().listOfRows();
        Row row = jdbc.sql("""
                        SELECT program_id, kpi_id, level, measure, cohort_id, region, period, impact_id, digest
                        FROM command_side.xapi_bucket WHERE bucket_id = ?""")
                .param(bucketId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3),
                        XapiMeasure.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9)))
                .single();
        List<String> counted = new ArrayList<>();
        List<BigDecimal> figures = new ArrayList<>();
        jdbc.sql("""
                        SELECT b.statement_id, b.figure FROM command_side.xapi_bucket_statement b
                        JOIN command_side.xapi_statement s ON s.statement_id = b.statement_id
                        WHERE b.bucket_id = ? AND NOT s.voided ORDER BY b.statement_id""")
                .param(bucketId)
                .query(rs -> {
                    counted.add(rs.getString(1));
                    figures.add(rs.getBigDecimal(2));
                });
        String digest = counted.isEmpty() ? null : Canonical.digest(counted);
        if (digest != null && digest.equals(row.digest()) && row.impactId() != null) {
            return; // the same statements: the record stands
        }
        ProgramId program = new ProgramId(row.programId());
        if (counted.isEmpty()) {
            withdraw(bucketId, program, row.impactId(), cause != null ? cause : "No counted xAPI statement is left");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Bucket bucket = new Bucket(row.programId(), row.kpiId(), row.level(), row.measure(), row.cohortId(),
                row.region(), row.period());
        LocalDate start = bucket.periodStart();
        if (start.isAfter(today)) {
            apart.executeWithoutResult(status -> jdbc.sql("""
                            UPDATE command_side.xapi_bucket SET last_error = ?, updated_at = ?
                            WHERE bucket_id = ?""")
                    .params("The quarter " + row.period() + " has not begun", Timestamp.from(clock.instant()),
                            bucketId).update());
            return;
        }
        LocalDate end = bucket.periodEnd();
        LocalDate periodEnd = end.isAfter(today) ? today : end;
        BigDecimal value = value(row.measure(), figures);
        String impactId = ids.next();
        String reason = "Computed from " + counted.size() + " xAPI statements (" + row.measure() + ", "
                + row.period() + ")" + (cause == null ? "" : " after: " + cause);
        // the new record first: if the program refuses it (retired, say), the one in force stays
        send(new RecordImpact(program, impactId, row.level(), row.kpiId(), value, unit(row.measure()),
                row.cohortId(), row.region(), start, periodEnd, ImpactSource.XAPI, evidence(counted, digest, bucketId),
                null, null, reason, null));
        String superseded = row.impactId();
        saved(bucketId, impactId, value, counted.size(), digest, null);
        if (superseded != null) {
            String why = (cause != null ? cause : "Superseded: recomputed from " + counted.size()
                    + " xAPI statements after new ones arrived") + " (now impact record " + impactId + ")";
            try {
                send(new WithdrawImpact(program, superseded, why, null));
            } catch (RuntimeException refused) {
                throw new IllegalStateException("Impact record " + superseded + ", superseded by " + impactId
                        + ", is not withdrawn: " + refused.getMessage(), refused);
            }
        }
    }

    /** Sends a command outside the bucket's transaction; one that lost a race to another writer is sent again. */
    private void send(Object command) {
        LostRaces.retried(() -> outside.execute(status -> commands.<Object>sendAndWait(command)));
    }

    /** The bucket's record withdrawn, if it has one, and the bucket left empty. */
    private void withdraw(UUID bucketId, ProgramId program, String impactId, String why) {
        if (impactId != null) {
            send(new WithdrawImpact(program, impactId, why, null));
        }
        saved(bucketId, null, null, 0, null, null);
    }

    private void saved(UUID bucketId, String impactId, BigDecimal value, int statements, String digest,
                       String error) {
        apart.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE command_side.xapi_bucket SET impact_id = ?, value = ?, statements = ?, digest = ?,
                            last_error = ?, updated_at = ? WHERE bucket_id = ?""")
                .params(impactId, value, statements, digest, error, Timestamp.from(clock.instant()), bucketId)
                .update());
    }

    static BigDecimal value(XapiMeasure measure, List<BigDecimal> figures) {
        if (measure == XapiMeasure.COUNT) {
            return BigDecimal.valueOf(figures.size());
        }
        BigDecimal mean = figures.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(figures.size()), 10, RoundingMode.HALF_UP);
        return (measure == XapiMeasure.RESPONSE_MEAN ? mean : mean.movePointRight(2))
                .setScale(2, RoundingMode.HALF_UP);
    }

    static String unit(XapiMeasure measure) {
        return switch (measure) {
            case SCORE_SCALED_MEAN -> "% (mean scaled score)";
            case COMPLETION_RATE -> "% completed";
            case SUCCESS_RATE -> "% successful";
            case COUNT -> "statements";
            case RESPONSE_MEAN -> "mean response";
        };
    }

    /** The statement ids, or (above {@link #LISTED}) their digest and the query that lists them. */
    static List<String> evidence(List<String> statementIds, String digest, UUID bucketId) {
        if (statementIds.size() <= LISTED) {
            return statementIds.stream().map(id -> STATEMENT + id).toList();
        }
        return List.of(DIGEST + digest, QUERY + bucketId);
    }
}
