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
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Reads of the PostgreSQL event store that return only events of some payload types: a read model built from a few
 * of the ledger's event types (a new metric) is rebuilt by reading those rows alone, so its speed follows the events
 * it needs, not the size of the store. The filter is in SQL ({@code payload_type = ANY(?)}); the rows left out are
 * neither sent nor deserialised.
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
     * names, as stored), each with its own position, reading the store in {@code transactions} (null: the event
     * store's own), so that a caller can bound how many connections its readers hold at once; empty with Axon
     * Server. Shut it down when done.
     */
    public Optional<EmbeddedEventStore> only(Collection<String> payloadTypes, TransactionManager transactions) {
        if (engines == null) {
            return Optional.empty();
        }
        String[] types = payloadTypes.stream().sorted().distinct().toArray(String[]::new);
        long boundary = boundary();
        String index = schema.globalIndexColumn();
        String tracked = schema.trackedEventFields();
        JdbcEventStorageEngine engine = engines.apply(builder -> (transactions == null ? builder
                : builder.transactionManager(transactions))
                .readEventDataWithoutGaps((connection, ignored, from, size) -> statement(connection, tracked,
                        index + " > ? AND " + index + " <= ?", true, types, boundary, from, from + size))
                .readEventDataWithGaps((connection, ignored, from, size, gaps) -> statement(connection, tracked,
                        "(" + index + " > ? AND " + index + " <= ? OR " + index + " = ANY(?))", true, types, boundary,
                        from, from + size, gaps))
                .fetchTrackedEvents((connection, ignored, from) -> statement(connection, "min(" + index + ")",
                        index + " > ?", false, types, boundary, from))
                .cleanGaps((connection, ignored, gaps) -> statement(connection,
                        index + ", " + schema.timestampColumn(), index + " >= ? AND " + index + " <= ?", true,
                        types, boundary, gaps.first(), gaps.last() + 1)));
        return Optional.of(EmbeddedEventStore.builder()
                .storageEngine(new PositionedReads(engine))
                .fetchDelay(fetchDelayMillis)
                .build());
    }

    /**
     * One of the reader's four statements, as Axon's own but for the last condition: only rows of the wanted types,
     * or from the boundary on.
     */
    private PreparedStatement statement(Connection connection, String columns, String range, boolean ordered,
                                        String[] types, long boundary, Object... values) throws SQLException {
        String sql = "SELECT " + columns + " FROM " + schema.domainEventTable() + " WHERE (" + range + ") AND ("
                + schema.payloadTypeColumn() + " = ANY(?) OR " + schema.globalIndexColumn() + " >= ?)"
                + (ordered ? " ORDER BY " + schema.globalIndexColumn() + " ASC" : "");
        PreparedStatement statement = connection.prepareStatement(sql);
        int parameter = 1;
        for (Object value : values) {
            if (value instanceof List<?> gaps) {
                statement.setArray(parameter++, connection.createArrayOf("bigint", gaps.toArray()));
            } else {
                statement.setLong(parameter++, (Long) value);
            }
        }
        statement.setArray(parameter++, connection.createArrayOf("varchar", types));
        statement.setLong(parameter, boundary);
        return statement;
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
