package org.partnershipledger.query.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.partnershipledger.platform.Ticker;
import org.partnershipledger.query.cluster.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint once {@code checkpoint-every} events were logged since the last one, or once the oldest event
 * the last checkpoint lacks was logged {@code checkpoint-interval} ago: while events arrive, none waits longer than
 * the interval (10 s by default) to be covered by a signed tree head. Nothing new, no checkpoint. With several
 * query-side nodes, only the node that holds the integration {@link Lease} signs, so each tree size is signed once
 * (the table's key on the tree size keeps it so even if two nodes ever both signed).
 */
@Component
@ConditionalOnProperty(name = "ledger.audit.enabled", matchIfMissing = true)
class CheckpointSchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);
    private static final Duration TICK = Duration.ofMillis(250);

    private final AuditLog log;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long every;
    private final Duration interval;
    private final Lease lease;
    private volatile Ticker ticker;
    private volatile boolean failing;

    CheckpointSchedule(AuditLog log, JdbcClient jdbc, Clock clock, AuditProperties properties, Lease lease) {
        this.lease = lease;
        this.log = log;
        this.jdbc = jdbc;
        this.clock = clock;
        this.every = properties.checkpointEvery();
        this.interval = properties.checkpointInterval();
    }

    void tick() {
        if (!lease.acquire()) {
            return; // another node signs
        }
        long size = log.sync();
        long signed = log.latest().map(AuditLog.SignedCheckpoint::treeSize).orElse(0L);
        if (size <= signed) {
            return;
        }
        Instant oldestUnsigned = jdbc.sql("SELECT logged_at FROM query_side.audit_leaf WHERE log_index = ?").param(signed)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(clock.instant());
        boolean due = size - signed >= every
                || !clock.instant().plus(TICK).isBefore(oldestUnsigned.plus(interval));
        if (due && lease.held()) {
            log.checkpointNow();
        }
    }

    @Override
    public synchronized void start() {
        ticker = Ticker.start("ledger-audit-checkpoints", TICK, TICK, () -> {
            tick();
            if (failing) {
                LOG.info("Audit checkpoints are signed again");
                failing = false;
            }
        }, e -> {
            if (!failing) { // once per outage, not four times a second
                LOG.warn("Could not sign an audit checkpoint now; trying again every {} ms: {}", TICK.toMillis(),
                        e.getMessage());
                failing = true;
            }
        });
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.close();
            ticker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}
