package org.partnershipledger.platform.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Reads of the PostgreSQL event store that return only events of some payload types: a read model built from a few
 * of the ledger's event types (a new metric) is rebuilt by reading those rows alone, so its speed follows the events
 * it needs, not the size of the store. The filter is in SQL ({@code payload_type = ANY(?)}); the rows left out are
 * neither sent nor deserialised, nor visited: the store has an index by payload type and position
 * ({@code V2__event_types_index.sql}), and each statement reads the wanted types' rows through it.
 *
 * <p>Only the history is filtered. A row left out of a read looks, to Axon's gap-aware token, like a position not
 * committed yet. For an event older than the gap timeout the token keeps no gap; but when a newer event is read
 * after rows left out, the token would keep a gap for each of them until the gap timeout, and ask for each of them
 * again with every read. So the reader takes a boundary when it is made: the last position stored before the gap
 * timeout (and a margin) ago. Rows before it are read only if of a wanted type; the boundary's own row and every
 * row after it are read whatever their type (a processor skips those it has no handler for without deserialising
 * them), so the token passes the boundary as an old event, with no gap, before it meets a new one. Every statement
 * of the reader, gap cleaning included, sees the same rows.
 *
 * <p>With Axon Server there is no such reader ({@link #available()} is false): its events are not in PostgreSQL.
 */
public final class EventTypeReads {

    /** How much older than the gap timeout a row must be before a read may leave it out. */
    static final Duration MARGIN = Duration.ofMinutes(1);

    private final Function<UnaryOperator<JdbcEventStorageEngine.Builder>, JdbcEventStorageEngine> engines;
    private final DataSource dataSource;
    private final EventSchema schema;
    private final Duration gapTimeout;
    private final long fetchDelayMillis;
    private final Clock clock;

    /**
     * {@code engines}: makes a storage engine as the event store's own, with the statements its argument sets on the
     * builder; null with Axon Server.
     */
    public EventTypeReads(Function<UnaryOperator<JdbcEventStorageEngine.Builder>, JdbcEventStorageEngine> engines,
                          DataSource dataSource, EventSchema schema,
                          Duration gapTimeout, long fetchDelayMillis, Clock clock) {
        this.engines = engines;
        this.dataSource = dataSource;
        this.schema = schema;
        this.gapTimeout = gapTimeout;
        this.fetchDelayMillis = fetchDelayMillis;
        this.clock = clock;
    }

    /** Whether the store can be read by type: it is the PostgreSQL event store. */
    public boolean available() {
        return engines != null;
    }

    /**
     * An event store that streams only events whose stored payload type is one of {@code payloadTypes} (class
     * names, as stored), each with its own position; empty with Axon Server. Shut it down when done.
     */
    public Optional<EmbeddedEventStore> only(Collection<String> payloadTypes) {
        if (engines == null) {
            return Optional.empty();
        }
        String[] types = payloadTypes.stream().sorted().distinct().toArray(String[]::new);
        long boundary = boundary();
        String index = schema.globalIndexColumn();
        String tracked = schema.trackedEventFields();
        JdbcEventStorageEngine engine = engines.apply(builder -> builder
                .readEventDataWithoutGaps((connection, ignored, from, size) -> rows(connection, tracked,
                        index + " > ? AND " + index + " <= ?", types, boundary, from, from + size))
                .readEventDataWithGaps((connection, ignored, from, size, gaps) -> rows(connection, tracked,
                        "(" + index + " > ? AND " + index + " <= ? OR " + index + " = ANY(?))", types, boundary,
                        from, from + size, gaps))
                .fetchTrackedEvents((connection, ignored, from) -> first(connection, types, boundary, from))
                .cleanGaps((connection, ignored, gaps) -> rows(connection,
                        index + ", " + schema.timestampColumn(), index + " >= ? AND " + index + " <= ?",
                        types, boundary, gaps.first(), gaps.last() + 1)));
        return Optional.of(EmbeddedEventStore.builder()
                .storageEngine(new PositionedReads(engine))
                .fetchDelay(fetchDelayMillis)
                .build());
    }

    /**
     * Rows in {@code range} as Axon's own statement reads them, but before the boundary only those of the wanted
     * types: two parts, each of which an index serves (the store's index by payload type and position, then its
     * primary key), so that rows of other types are never visited.
     */
    private PreparedStatement rows(Connection connection, String columns, String range, String[] types,
                                   long boundary, Object... values) throws SQLException {
        String table = schema.domainEventTable();
        String index = schema.globalIndexColumn();
        String sql = "SELECT " + columns + " FROM " + table + " WHERE (" + range + ") AND "
                + schema.payloadTypeColumn() + " = ANY(?) AND " + index + " < ?"
                + " UNION ALL SELECT " + columns + " FROM " + table + " WHERE (" + range + ") AND " + index + " >= ?"
                + " ORDER BY " + index + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        int parameter = bind(connection, statement, 1, values);
        statement.setArray(parameter++, connection.createArrayOf("varchar", types));
        statement.setLong(parameter++, boundary);
        parameter = bind(connection, statement, parameter, values);
        statement.setLong(parameter, boundary);
        return statement;
    }

    /**
     * The first position after {@code from} that the reader reads (Axon asks for it to pass a stretch of the store
     * with nothing to read): the first of each wanted type, one look into the index by type each, or the first from
     * the boundary on.
     */
    private PreparedStatement first(Connection connection, String[] types, long boundary, long from)
            throws SQLException {
        String table = schema.domainEventTable();
        String index = schema.globalIndexColumn();
        String sql = "SELECT LEAST((SELECT min(f.position) FROM unnest(CAST(? AS varchar[])) AS k(type)"
                + " CROSS JOIN LATERAL (SELECT " + index + " AS position FROM " + table + " WHERE "
                + schema.payloadTypeColumn() + " = k.type AND " + index + " > ? AND " + index + " < ? ORDER BY "
                + index + " LIMIT 1) f), (SELECT min(" + index + ") FROM " + table + " WHERE " + index + " > ? AND "
                + index + " >= ?))";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("varchar", types));
        statement.setLong(2, from);
        statement.setLong(3, boundary);
        statement.setLong(4, from);
        statement.setLong(5, boundary);
        return statement;
    }

    private static int bind(Connection connection, PreparedStatement statement, int first, Object... values)
            throws SQLException {
        int parameter = first;
        for (Object value : values) {
            if (value instanceof List<?> gaps) {
                statement.setArray(parameter++, connection.createArrayOf("bigint", gaps.toArray()));
            } else {
                statement.setLong(parameter++, (Long) value);
            }
        }
        return parameter;
    }

    /**
     * The last position stored more than the gap timeout and {@link #MARGIN} ago; 0 when there is none (every row
     * is then read). Found from the head backwards, over the recent rows only.
     */
    long boundary() {
        String sql = "SELECT " + schema.globalIndexColumn() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.timestampColumn() + " COLLATE \"C\" < ? ORDER BY " + schema.globalIndexColumn()
                + " DESC LIMIT 1";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, DateTimeUtils.formatInstant(clock.instant().minus(gapTimeout).minus(MARGIN)));
            try (ResultSet found = statement.executeQuery()) {
                return found.next() ? found.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not find where the event store's recent events begin", e);
        }
    }
}
