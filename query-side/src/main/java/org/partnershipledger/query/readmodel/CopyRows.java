package org.partnershipledger.query.readmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * The rows of a batched {@code INSERT … VALUES (?, …)} sent to PostgreSQL as one {@code COPY … FROM STDIN}: one
 * message of text instead of a bind and execute per row, which PostgreSQL also takes in with less work per row.
 * A replay writes most of its rows this way (the event log, a row per event).
 *
 * <p>{@code COPY} knows no {@code ON CONFLICT}: it runs under a savepoint, and when it meets a row whose key is
 * taken (a redelivered event, a row changed twice in one batch) it is rolled back and the rows go as the
 * statement says, with its {@code ON CONFLICT}. So what lands is what the statement would have written either way.
 * Only a statement of the form {@code INSERT INTO t (c, …) VALUES (?, …, CAST(? AS type), …) [ON CONFLICT …]} is
 * sent this way, and only values whose text PostgreSQL reads back as the same value (text, numbers, booleans,
 * dates, arrays of text, and instants into {@code timestamptz} columns); anything else goes as a batch.
 */
final class CopyRows {

    /**
     * Fewer rows than this go as a JDBC batch: a live processor's batches are small, and for them a savepoint and a
     * COPY cost more than they save; a replay's are thousands of events, and so is a processor's catching up.
     */
    static final int FEWEST = 256;

    private static final Pattern INSERT = Pattern.compile(
            "\\s*INSERT\\s+INTO\\s+([\\w.]+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\((.*)\\)\\s*(ON\\s+CONFLICT\\b.*)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\?|CAST\\(\\s*\\?\\s+AS\\s+\\w+\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private final String table;
    private final List<String> columns;
    private final String copy;
    /** Each column's type as PostgreSQL names it, read at the first use. */
    private volatile Map<String, String> types;
    /** Bytes per row in the last COPY: the next one's text is made that large at once, rather than grown. */
    private volatile int rowBytes = 256;

    private CopyRows(String table, List<String> columns) {
        this.table = table;
        this.columns = columns;
        this.copy = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    }

    /** The COPY form of {@code sql}, when it is a plain multi-value INSERT of placeholders. */
    static Optional<CopyRows> of(String sql) {
        Matcher insert = INSERT.matcher(sql);
        if (!insert.matches()) {
            return Optional.empty();
        }
        List<String> columns = List.of(insert.group(2).trim().split("\\s*,\\s*"));
        String[] values = insert.group(3).split(",");
        if (values.length != columns.size()) {
            return Optional.empty();
        }
        for (String value : values) {
            if (!PLACEHOLDER.matcher(value.trim()).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(new CopyRows(insert.group(1), columns));
    }

    /**
     * Writes {@code rows} with COPY on {@code connection}, inside the caller's transaction. False, with nothing
     * written, when a row's key is taken or a value has no safe text form: then the caller writes them its own way.
     */
    boolean write(Connection connection, List<Object[]> rows) throws SQLException {
        Text text = encode(connection, rows);
        if (text == null) {
            return false;
        }
        // outside a transaction the COPY is one statement, all or nothing; inside one, a savepoint undoes it
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, text.stream());
        } catch (SQLException e) {
            if (!keyTaken(e) && !notUtf8(e)) {
                throw e;
            }
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            return false;
        } catch (IOException e) {
            throw new SQLException("Could not send rows to " + table, e);
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        return true;
    }

    /** The rows in COPY's text format, as UTF-8; null when a value cannot be written so. */
    private Text encode(Connection connection, List<Object[]> rows) throws SQLException {
        Map<String, String> known = types(connection);
        String[] columnTypes = columns.stream().map(known::get).toArray(String[]::new);
        Text text = new Text(rows.size() * (rowBytes + rowBytes / 8));
        for (Object[] row : rows) {
            if (row.length != columnTypes.length) {
                return null;
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.add((byte) '\t');
                }
                if (!append(text, row[i], columnTypes[i])) {
                    return null;
                }
            }
            text.add((byte) '\n');
        }
        rowBytes = Math.max(16, text.size / rows.size());
        return text;
    }

    private static boolean append(Text text, Object value, String type) {
        if (value == null) {
            text.ascii("\\N");
        } else if (value instanceof String string) {
            text.escaped(string);
        } else if (value instanceof Storable.JsonBytes json && type != null && type.startsWith("json")) {
            text.json(json);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            text.ascii(value.toString());
        } else if (value instanceof BigDecimal decimal) {
            text.ascii(decimal.toString());
        } else if (value instanceof Boolean bool) {
            text.add((byte) (bool ? 't' : 'f'));
        } else if (value instanceof Timestamp timestamp && "timestamp with time zone".equals(type)) {
            text.instant(timestamp);
        } else if (value instanceof java.time.LocalDate date && "date".equals(type)) {
            text.ascii(date.toString());
        } else if (value instanceof String[] array && type != null && type.endsWith("[]")) {
            text.escaped(arrayLiteral(array));
        } else {
            return false;
        }
        return true;
    }

    /** An array of text as PostgreSQL writes one: every element quoted, its quotes and backslashes escaped. */
    static String arrayLiteral(String[] array) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < array.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            if (array[i] == null) {
                literal.append("NULL");
            } else {
                literal.append('"').append(array[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return literal.append('}').toString();
    }

    /**
     * COPY's text as UTF-8 bytes, written straight from each value's bytes: no text is built and encoded again
     * (a replay's rows are mostly JSON payloads, copied here once).
     */
    private static final class Text {

        private byte[] bytes;
        private int size;

        Text(int capacity) {
            bytes = new byte[Math.max(capacity, 64)];
        }

        void add(byte b) {
            room(1);
            bytes[size++] = b;
        }

        /** Text known to be ASCII with nothing to escape: numbers, dates, instants. */
        void ascii(String value) {
            room(value.length());
            for (int i = 0; i < value.length(); i++) {
                bytes[size++] = (byte) value.charAt(i);
            }
        }

        /**
         * COPY's text format: backslash, tab, newline and carriage return are escaped; the stretches between them
         * are copied whole. In UTF-8 those bytes are never part of another character.
         */
        void escaped(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            if (value.indexOf('\\') < 0 && value.indexOf('\n') < 0 && value.indexOf('\t') < 0
                    && value.indexOf('\r') < 0) {
                copy(utf8, 0, utf8.length); // nothing to escape, the common case: searched and copied a block at a time
            } else {
                escaped(utf8);
            }
        }

        private void escaped(byte[] utf8) {
            int from = 0;
            for (int i = 0; i < utf8.length; i++) {
                byte b = utf8[i];
                if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                    copy(utf8, from, i);
                    room(2);
                    bytes[size++] = '\\';
                    bytes[size++] = (byte) (b == '\\' ? '\\' : b == '\t' ? 't' : b == '\n' ? 'n' : 'r');
                    from = i + 1;
                }
            }
            copy(utf8, from, utf8.length);
        }

        /**
         * JSON as its UTF-8 bytes, copied as they are when they need no escape (compact JSON has no raw tab, newline
         * or carriage return, and a backslash only in an escape within a string); searched as Latin-1 text, which
         * is a copy and a vectorised search rather than a loop over the bytes.
         */
        void json(Storable.JsonBytes json) {
            byte[] utf8 = json.utf8();
            String latin1 = new String(utf8, StandardCharsets.ISO_8859_1);
            if (latin1.indexOf('\\') < 0 && latin1.indexOf('\n') < 0 && latin1.indexOf('\t') < 0
                    && latin1.indexOf('\r') < 0) {
                copy(utf8, 0, utf8.length);
            } else if (latin1.contains("\\u0000")) {
                escaped(json.text()); // an escaped U+0000, which jsonb cannot keep, rewritten as Storable does
            } else {
                escaped(utf8);
            }
        }

        /**
         * An instant as {@code timestamptz} text in UTC ({@code 2026-12-05 09:15:24.123456+00}), written digit by
         * digit: {@code Instant.toString()} goes through a date formatter, a tenth of the event log's JVM time.
         */
        void instant(Timestamp timestamp) {
            LocalDateTime utc = LocalDateTime.ofEpochSecond(Math.floorDiv(timestamp.getTime(), 1000L),
                    timestamp.getNanos(), ZoneOffset.UTC);
            int year = utc.getYear();
            if (year < 1 || year > 9999) {
                ascii(timestamp.toInstant().toString());
                return;
            }
            room(32);
            digits(year, 4);
            bytes[size++] = '-';
            digits(utc.getMonthValue(), 2);
            bytes[size++] = '-';
            digits(utc.getDayOfMonth(), 2);
            bytes[size++] = ' ';
            digits(utc.getHour(), 2);
            bytes[size++] = ':';
            digits(utc.getMinute(), 2);
            bytes[size++] = ':';
            digits(utc.getSecond(), 2);
            bytes[size++] = '.';
            digits(utc.getNano(), 9);
            bytes[size++] = '+';
            bytes[size++] = '0';
            bytes[size++] = '0';
        }

        private void digits(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                bytes[size + i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            size += count;
        }

        private void copy(byte[] from, int start, int end) {
            room(end - start);
            System.arraycopy(from, start, bytes, size, end - start);
            size += end - start;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        InputStream stream() {
            return new ByteArrayInputStream(bytes, 0, size);
        }
    }

    private Map<String, String> types(Connection connection) throws SQLException {
        Map<String, String> known = types;
        if (known == null) {
            known = new java.util.HashMap<>();
            try (var statement = connection.prepareStatement("""
                    SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
                    WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped""")) {
                statement.setString(1, table);
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        known.put(result.getString(1), result.getString(2));
                    }
                }
            }
            types = known;
        }
        return known;
    }

    /**
     * Bytes sent as they were stored were not UTF-8 (JSON the ledger did not write): the statement binds them as
     * text, decoded with replacement characters, as it always did.
     */
    private static boolean notUtf8(SQLException e) {
        return "22021".equals(e.getSQLState());
    }

    /** A unique or exclusion constraint refused a row. */
    private static boolean keyTaken(SQLException e) {
        return "23505".equals(e.getSQLState()) || "23P01".equals(e.getSQLState());
    }

    /** For tests: the COPY statement this INSERT becomes. */
    String copyStatement() {
        return copy;
    }
}
