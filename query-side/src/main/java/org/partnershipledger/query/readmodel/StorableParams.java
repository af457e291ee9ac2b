package org.partnershipledger.query.readmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.KeyHolder;

/**
 * A projection's statement whose text parameters are made storable ({@link Storable#text}): an event recorded with
 * U+0000 (before the command side refused it) reaches every read model, where PostgreSQL's text could not hold it.
 * Every statement and row a projection sends through {@link Tables} goes this way; a parameter source is passed on
 * as it is (no projection uses one).
 */
final class StorableParams implements JdbcClient.StatementSpec {

    private final JdbcClient.StatementSpec statement;

    StorableParams(JdbcClient.StatementSpec statement) {
        this.statement = statement;
    }

    /** {@code value} as a read model can keep it: text (also in an array or a list) without U+0000. */
    static Object storable(Object value) {
        if (value instanceof String text) {
            return Storable.text(text);
        }
        if (value instanceof String[] texts) {
            return kept(texts, Storable::text);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StorableParams::storable).toList();
        }
        return value;
    }

    /** A row of values as a read model can keep them; the same array when nothing needed a change. */
    static Object[] storable(Object[] row) {
        return kept(row, StorableParams::storable);
    }

    /** {@code values}, each as {@code storable} keeps it: the same array when none changed, else a changed copy. */
    private static <T> T[] kept(T[] values, UnaryOperator<T> storable) {
        T[] kept = values;
        for (int i = 0; i < values.length; i++) {
            T value = storable.apply(values[i]);
            if (value != values[i]) {
                kept = kept == values ? values.clone() : kept;
                kept[i] = value;
            }
        }
        return kept;
    }

    @Override
    public JdbcClient.StatementSpec param(Object value) {
        statement.param(storable(value));
        return this;
    }

    @Override
    public JdbcClient.StatementSpec param(int jdbcIndex, Object value) {
        statement.param(jdbcIndex, storable(value));
        return this;
    }

    @Override
    public JdbcClient.StatementSpec param(int jdbcIndex, Object value, int sqlType) {
        statement.param(jdbcIndex, storable(value), sqlType);
        return this;
    }

    @Override
    public JdbcClient.StatementSpec param(String name, Object value) {
        statement.param(name, storable(value));
        return this;
    }

    @Override
    public JdbcClient.StatementSpec param(String name, Object value, int sqlType) {
        statement.param(name, storable(value), sqlType);
        return this;
    }

    @Override
    public JdbcClient.StatementSpec params(Object... values) {
        statement.params(storable(values));
        return this;
    }

    @Override
    public JdbcClient.StatementSpec params(List<?> values) {
        statement.params(values.stream().map(StorableParams::storable).toList());
        return this;
    }

    @Override
    public JdbcClient.StatementSpec params(Map<String, ?> paramMap) {
        Map<String, Object> kept = new LinkedHashMap<>();
        paramMap.forEach((name, value) -> kept.put(name, storable(value)));
        statement.params(kept);
        return this;
    }

    @Override
    public JdbcClient.StatementSpec paramSource(Object namedParamObject) {
        statement.paramSource(namedParamObject);
        return this;
    }

    @Override
    public JdbcClient.StatementSpec paramSource(SqlParameterSource namedParamSource) {
        statement.paramSource(namedParamSource);
        return this;
    }

    @Override
    public JdbcClient.ResultQuerySpec query() {
        return statement.query();
    }

    @Override
    public <T> JdbcClient.MappedQuerySpec<T> query(Class<T> mappedClass) {
        return statement.query(mappedClass);
    }

    @Override
    public <T> JdbcClient.MappedQuerySpec<T> query(RowMapper<T> rowMapper) {
        return statement.query(rowMapper);
    }

    @Override
    public void query(RowCallbackHandler rowCallbackHandler) {
        statement.query(rowCallbackHandler);
    }

    @Override
    public <T> T query(ResultSetExtractor<T> resultSetExtractor) {
        return statement.query(resultSetExtractor);
    }

    @Override
    public int update() {
        return statement.update();
    }

    @Override
    public int update(KeyHolder generatedKeyHolder) {
        return statement.update(generatedKeyHolder);
    }

    @Override
    public int update(KeyHolder generatedKeyHolder, String... keyColumnNames) {
        return statement.update(generatedKeyHolder, keyColumnNames);
    }
}
