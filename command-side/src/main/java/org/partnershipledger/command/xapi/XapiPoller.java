package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.partnershipledger.platform.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Pulls statements from each configured LRS when it is due: page after page ({@code more}), the cursor saved after
 * each page, so a restart resumes where the last page ended. A failure backs off exponentially (the base, doubled
 * per failure in a row, at most an hour). One node polls a source at a time: a PostgreSQL advisory lock, held for
 * the poll on a connection of its own. Commands it sends are sent as {@code lrs:<source>}.
 */
@Component
class XapiPoller implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(XapiPoller.class);
    private static final int PAGES_PER_POLL = 100;
    private static final Duration MOST = Duration.ofHours(1);

    private final XapiSources sources;
    private final LrsClient lrs;
    private final StatementIntake intake;
    private final DataSource dataSource;
    private final Clock clock;
    private final Duration interval;
    private final Duration backoff;
    private final Duration tick;
    private volatile Ticker ticker;

    XapiPoller(XapiSources sources, LrsClient lrs, StatementIntake intake, DataSource dataSource, Clock clock,
               @Value("${ledger.xapi.poll-interval:PT1M}") Duration interval,
               @Value("${ledger.xapi.backoff:PT30S}") Duration backoff,
               @Value("${ledger.xapi.poll-tick:PT5S}") Duration tick) {
        this.sources = sources;
        this.lrs = lrs;
        this.intake = intake;
        this.dataSource = dataSource;
        this.clock = clock;
        this.interval = interval;
        this.backoff = backoff;
        this.tick = tick;
    }

    /** Polls every source that is due. */
    void tick() {
        Instant now = clock.instant();
        for (XapiSources.Source source : sources.all()) {
            if (source.nextAttemptAt() == null || !source.nextAttemptAt().isAfter(now)) {
                poll(source.name(), false);
            }
        }
    }

    /**
     * Polls one source now, whatever its schedule. When another node (or the schedule) is polling it, either gives
     * up (false) or, with {@code wait}, polls once that poll is over (for at most a minute).
     */
    boolean poll(String name, boolean wait) {
        try (Connection connection = dataSource.getConnection()) {
            long key = ("xapi-source:" + name).hashCode();
            if (wait) {
                execute(connection, "SET lock_timeout = '60s'");
                try {
                    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                        lock.setLong(1, key);
                        lock.executeQuery().close();
                    }
                } finally {
                    execute(connection, "RESET lock_timeout");
                }
            } else if (!advisory(connection, "SELECT pg_try_advisory_lock(?)", key)) {
                return false;
            }
            try {
                asSource(name, () -> pollLocked(name));
            } finally {
                advisory(connection, "SELECT pg_advisory_unlock(?)", key);
            }
            return true;
        } catch (SQLException e) {
            LOG.warn("xAPI source {} could not be locked for polling: {}", name, e.getMessage());
            return false;
        }
    }

    private void pollLocked(String name) {
        XapiSources.Source source = sources.find(name).orElse(null);
        if (source == null) {
            return;
        }
        Instant started = clock.instant();
        try {
            URI url = LrsClient.first(source);
            for (int pages = 0; pages < PAGES_PER_POLL && url != null; pages++) {
                JsonNode page = lrs.page(source, url);
                String more = page.path("more").asText("");
                url = more.isBlank() ? null : LrsClient.next(source, more);
                take(source, page.path("statements"), more.isBlank() ? null : more);
            }
            sources.succeeded(name, started, clock.instant().plus(interval));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            int failures = source.failures() + 1;
            Duration wait = backoff(backoff, failures);
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("xAPI source {} failed ({} in a row), next attempt in {}: {}", name, failures, wait, error);
            sources.failed(name, started, error, clock.instant().plus(wait));
        }
    }

    /** The wait after {@code failures} failures in a row: the base, doubled per further failure, an hour at most. */
    static Duration backoff(Duration base, int failures) {
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 16));
        return wait.compareTo(MOST) > 0 ? MOST : wait;
    }

    static final Duration OVERLAP = Duration.ofSeconds(1);

    /** Stores a page's valid statements (an invalid one is counted as rejected) and moves the cursor past it. */
    private void take(XapiSources.Source source, JsonNode statements, String more) {
        List<ObjectNode> valid = new ArrayList<>();
        int rejected = 0;
        Instant latest = null;
        for (JsonNode statement : statements) {
            try {
                valid.add(StatementRules.validated(statement));
            } catch (XapiInvalid invalid) {
                rejected++;
            }
            if (statement.path("stored").isTextual() && XapiFormats.timestamp(statement.get("stored").asText())) {
                Instant stored = OffsetDateTime.parse(statement.get("stored").asText()).toInstant();
                latest = latest == null || stored.isAfter(latest) ? stored : latest;
            }
        }
        StatementIntake.Accepted accepted = valid.isEmpty() ? new StatementIntake.Accepted(List.of(), 0, 0)
                : intake.accept(valid, "source:" + source.name(), "lrs:" + source.name(), "1.0.3", true);
        // the next poll asks again from a little before the latest stored time: an LRS may store two statements
        // in the same instant, or commit one late, and a statement taken twice changes nothing
        sources.cursor(source.name(), latest == null ? null : latest.minus(OVERLAP), more, accepted.stored(),
                rejected + accepted.conflicts());
    }

    /** Runs as the source, so commands name it as their actor; the caller's own context is put back after. */
    private static void asSource(String name, Runnable work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken("lrs:" + name, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static boolean advisory(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    @Override
    public synchronized void start() {
        ticker = Ticker.start("ledger-xapi-poller", tick, tick, this::tick,
                e -> LOG.warn("xAPI polling failed: {}", e.getMessage()));
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
