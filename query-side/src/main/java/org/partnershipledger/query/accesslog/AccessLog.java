package org.partnershipledger.query.accesslog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code query_side.access_log}: who read what, when, and the answer. */
class AccessLog {

    /** One entry; status, bytes and durationMs are null until the answer is complete. */
    record Entry(long id, Instant at, String user, List<String> roles, String method, String path, String query,
                 String partnershipId, String remoteAddress, String requestId, Integer status, Long bytes,
                 Long durationMs) {
    }

    /** A request to a sensitive read, as it starts. */
    record Opened(Instant at, String user, List<String> roles, String method, String path, String query,
                  String partnershipId, String remoteAddress, String requestId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate durable;

    AccessLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.durable = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Records a read before its answer starts, and waits for the record to reach disk (the query side otherwise
     * commits without waiting, as its read models can be rebuilt; this log cannot).
     */
    long opened(Opened read) {
        Long id = durable.execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit TO on").update();
            return jdbc.sql("""
                            INSERT INTO query_side.access_log (accessed_at, user_name, roles, method, path, query,
                                                               partnership_id, remote_address, request_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(Timestamp.from(read.at()), read.user(), read.roles().toArray(String[]::new),
                            read.method(), read.path(), read.query(), read.partnershipId(), read.remoteAddress(),
                            read.requestId())
                    .query(Long.class).single();
        });
        return id;
    }

    /** The answer is complete: its status, its size when known, and how long it took. */
    void completed(long id, int status, Long bytes, long durationMs) {
        jdbc.sql("UPDATE query_side.access_log SET status = ?, bytes = ?, duration_ms = ? WHERE id = ?")
                .params(status, bytes, durationMs, id).update();
    }

    /** The newest entries first, of one user if given, from (inclusive) and to (exclusive) if given. */
    List<Entry> find(Optional<String> user, Optional<Instant> from, Optional<Instant> to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM query_side.access_log WHERE true");
        List<Object> params = new ArrayList<>();
        user.ifPresent(name -> {
            sql.append(" AND user_name = ?");
            params.add(name);
        });
        from.ifPresent(instant -> {
            sql.append(" AND accessed_at >= ?");
            params.add(Timestamp.from(instant));
        });
        to.ifPresent(instant -> {
            sql.append(" AND accessed_at < ?");
            params.add(Timestamp.from(instant));
        });
        sql.append(" ORDER BY accessed_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> entry(rs)).list();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Array roles = rs.getArray("roles");
        return new Entry(rs.getLong("id"), rs.getTimestamp("accessed_at").toInstant(), rs.getString("user_name"),
                List.of((String[]) roles.getArray()), rs.getString("method"), rs.getString("path"),
                rs.getString("query"), rs.getString("partnership_id"), rs.getString("remote_address"),
                rs.getString("request_id"), rs.getObject("status", Integer.class), rs.getObject("bytes", Long.class),
                rs.getObject("duration_ms", Long.class));
    }
}
