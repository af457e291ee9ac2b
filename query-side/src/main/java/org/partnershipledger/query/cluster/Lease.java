package org.partnershipledger.query.cluster;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lease on work that one query-side node at a time may do, kept in {@code query_side.node_lease}. The node that
 * holds it renews it on every tick; when a node dies, the lease expires and the next node to ask takes it. The
 * database's clock decides expiry, so the nodes' clocks need not agree. A node stops acting on a lease before it
 * expires by its own count ({@link #held()}), so two nodes never both believe they hold it, as long as a node does
 * not stall for longer than the margin between its last renewal and the expiry.
 */
public final class Lease {

    private final JdbcClient jdbc;
    private final String name;
    private final String owner;
    private final Duration duration;
    /** Until when (System.nanoTime) this node may act on the lease, by its own count: half the duration. */
    private volatile long heldUntil;

    public Lease(JdbcClient jdbc, String name, String owner, Duration duration) {
        this.jdbc = jdbc;
        this.name = name;
        this.owner = owner;
        this.duration = duration;
    }

    /** Takes the lease if it is free or expired, or renews it if this node holds it; true if this node holds it. */
    public boolean acquire() {
        long asked = System.nanoTime();
        int taken = jdbc.sql("""
                        INSERT INTO query_side.node_lease AS l (name, owner, expires_at)
                        VALUES (?, ?, clock_timestamp() + ? * interval '1 millisecond')
                        ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
                        WHERE l.owner = EXCLUDED.owner OR l.expires_at < clock_timestamp()""")
                .params(name, owner, duration.toMillis()).update();
        heldUntil = taken == 1 ? asked + duration.toNanos() / 2 : asked;
        return taken == 1;
    }

    /** Whether this node may still act on the lease, without asking the database. */
    public boolean held() {
        return System.nanoTime() - heldUntil < 0;
    }

    /** Gives the lease up (on a clean stop), so that another node need not wait for it to expire. */
    public void release() {
        heldUntil = System.nanoTime();
        jdbc.sql("DELETE FROM query_side.node_lease WHERE name = ? AND owner = ?").params(name, owner).update();
    }

    public String owner() {
        return owner;
    }
}
