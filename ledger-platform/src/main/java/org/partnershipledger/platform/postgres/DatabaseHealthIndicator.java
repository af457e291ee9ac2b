package org.partnershipledger.platform.postgres;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;

/**
 * Spring Boot's {@code db} check with a time limit. The stock check waits for a pooled connection for the pool's
 * whole connection timeout, then asks {@code isValid(0)}, which has no limit at all on a server that stopped
 * answering without closing the connection. This one answers DOWN after {@code timeout} and lets the check finish
 * on its own thread.
 */
public class DatabaseHealthIndicator extends AbstractHealthIndicator {

    private final DataSourceHealthIndicator check;
    private final Duration timeout;

    public DatabaseHealthIndicator(DataSource dataSource, Duration timeout) {
        super("The database did not answer");
        this.check = new DataSourceHealthIndicator(dataSource);
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try {
            Health health = CompletableFuture.supplyAsync(check::health, DatabaseHealthIndicator::ownThread)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            builder.status(health.getStatus()).withDetails(health.getDetails());
        } catch (TimeoutException e) {
            builder.down().withDetail("error", "No answer within " + timeout.toMillis() + " ms");
        }
    }

    /** Not the common pool: a check can block there until the pool gives up, holding up whatever else runs in it. */
    private static void ownThread(Runnable check) {
        Thread thread = new Thread(check, "db-health-check");
        thread.setDaemon(true);
        thread.start();
    }
}
