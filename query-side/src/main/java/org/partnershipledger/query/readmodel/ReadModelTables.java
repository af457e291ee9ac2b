package org.partnershipledger.query.readmodel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the tables a read model writes. The live read model uses them as they are; a rebuild writes the same
 * SQL into copies beside them ({@code query_side.partnership_view} becomes {@code query_side.partnership_view__next}),
 * which take the live names when the rebuild has caught up.
 */
public final class ReadModelTables {

    /** What a rebuild's tables are called: the live name with this ending. */
    public static final String NEXT = "__next";
    /** The live tables, under their own names. */
    public static final ReadModelTables LIVE = new ReadModelTables(List.of(), "");

    private final Pattern owned;
    private final String suffix;
    private final Map<String, String> rewritten = new ConcurrentHashMap<>();

    private ReadModelTables(List<String> tables, String suffix) {
        this.owned = tables.isEmpty() ? null
                : Pattern.compile("\\b(" + String.join("|", tables.stream().map(Pattern::quote).toList()) + ")\\b");
        this.suffix = suffix;
    }

    /** The rebuild's copies of {@code tables} (schema-qualified names). */
    public static ReadModelTables next(List<String> tables) {
        return new ReadModelTables(tables, NEXT);
    }

    /** {@code sql} with every owned table name turned into this set's name for it. */
    public String sql(String sql) {
        if (owned == null) {
            return sql;
        }
        return rewritten.computeIfAbsent(sql, text -> owned.matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(match.group(1) + suffix)));
    }

    /** This set's name for one table. */
    public String name(String table) {
        return sql(table);
    }
}
