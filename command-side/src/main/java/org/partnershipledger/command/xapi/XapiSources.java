package org.partnershipledger.command.xapi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The LRS sources the ledger pulls from ({@code command_side.xapi_source}): query, credentials, cursor, health. */
@Component
class XapiSources {

    private final JdbcClient jdbc;
    private final SourcePasswords passwords;

    XapiSources(JdbcClient jdbc, SourcePasswords passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /**
     * A source as stored; {@code password} is sealed ({@link SourcePasswords}) and never leaves the command side (see
     * {@link State}).
     */
    record Source(String name, String endpoint, String username, String password, String activity, String verb,
                  boolean relatedActivities, Instant since, String moreUrl, Instant lastPollAt,
                  Instant lastSuccessAt, int failures, Instant nextAttemptAt, String lastError, long received,
                  long rejected) {

        State state() {
            return new State(name, endpoint, username, password != null, activity, verb, relatedActivities, since,
                    moreUrl, lastPollAt, lastSuccessAt, failures, nextAttemptAt, lastError, received, rejected);
        }
    }

    /** What an admin reads of a source: everything but the password (only whether one is set). */
    record State(String name, String endpoint, String username, boolean passwordSet, String activity, String verb,
                 boolean relatedActivities, Instant since, String more, Instant lastPollAt, Instant lastSuccessAt,
                 int failures, Instant nextAttemptAt, String lastError, long received, long rejected) {
    }

    void save(String name, String endpoint, String username, String password, String activity, String verb,
              boolean relatedActivities, Instant since) {
        jdbc.sql("""
                        INSERT INTO command_side.xapi_source (name, endpoint, username, password, activity, verb,
                            related_activities, since) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET endpoint = EXCLUDED.endpoint, username = EXCLUDED.username,
                            password = COALESCE(EXCLUDED.password, xapi_source.password),
                            activity = EXCLUDED.activity, verb = EXCLUDED.verb,
                            related_activities = EXCLUDED.related_activities,
                            since = COALESCE(EXCLUDED.since, xapi_source.since), more_url = NULL, failures = 0,
                            next_attempt_at = NULL, last_error = NULL""")
                .params(name, endpoint, username, passwords.seal(name, password), activity, verb, relatedActivities,
                        timestamp(since))
                .update();
    }

    List<Source> all() {
        return jdbc.sql("SELECT * FROM command_side.xapi_source ORDER BY name").query(XapiSources::source).list();
    }

    Optional<Source> find(String name) {
        return jdbc.sql("SELECT * FROM command_side.xapi_source WHERE name = ?").param(name)
                .query(XapiSources::source).optional();
    }

    /** The cursor after a page: where the next poll starts. */
    void cursor(String name, Instant since, String moreUrl, int received, int rejected) {
        jdbc.sql("""
                        UPDATE command_side.xapi_source SET since = COALESCE(?, since), more_url = ?,
                            received = received + ?, rejected = rejected + ? WHERE name = ?""")
                .params(timestamp(since), moreUrl, received, rejected, name).update();
    }

    void succeeded(String name, Instant at, Instant next) {
        jdbc.sql("""
                        UPDATE command_side.xapi_source SET last_poll_at = ?, last_success_at = ?, failures = 0,
                            last_error = NULL, next_attempt_at = ? WHERE name = ?""")
                .params(timestamp(at), timestamp(at), timestamp(next), name).update();
    }

    void failed(String name, Instant at, String error, Instant next) {
        jdbc.sql("""
                        UPDATE command_side.xapi_source SET last_poll_at = ?, failures = failures + 1, last_error = ?,
                            next_attempt_at = ? WHERE name = ?""")
                .params(timestamp(at), error, timestamp(next), name).update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Source source(ResultSet rs, int row) throws SQLException {
        return new Source(rs.getString("name"), rs.getString("endpoint"), rs.getString("username"),
                rs.getString("password"), rs.getString("activity"), rs.getString("verb"),
                rs.getBoolean("related_activities"), instant(rs, "since"), rs.getString("more_url"),
                instant(rs, "last_poll_at"), instant(rs, "last_success_at"), rs.getInt("failures"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getLong("received"),
                rs.getLong("rejected"));
    }
}
