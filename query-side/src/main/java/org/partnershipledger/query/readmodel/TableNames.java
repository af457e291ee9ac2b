package org.partnershipledger.query.readmodel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the tables a read model owns. The live read model uses them as they are; a rebuild writes the same
 * SQL into copies beside them ({@code query_side.partnership_view} becomes {@code query_side.partnership_view__next}),
 * which take the live names when the rebuild has caught up. SQL that names a read-model table the read model does not
 * own is refused: a projection that wrote (or read) another one's tables would not rebuild to the same result.
 */
final class TableNames {

    /** What a rebuild's tables are called: the live name with this ending. */
    static final String NEXT = "__next";

    private static final Pattern READ_MODEL_TABLE = Pattern.compile("\\b(?:query_side|analytics)\\.[a-z_]+\\b");

    private final Set<String> owned;
    private final String suffix;
    private final Map<String, String> rewritten = new ConcurrentHashMap<>();

    private TableNames(List<String> owned, String suffix) {
        this.owned = Set.copyOf(owned);
        this.suffix = suffix;
    }

    /** {@code tables} under their live names. */
    static TableNames live(List<String> tables) {
        return new TableNames(tables, "");
    }

    /** A rebuild's copies of {@code tables}. */
    static TableNames next(List<String> tables) {
        return new TableNames(tables, NEXT);
    }

    /** {@code sql} with every owned table name turned into this set's name for it. */
    String sql(String sql) {
        return rewritten.computeIfAbsent(sql, text -> READ_MODEL_TABLE.matcher(text).replaceAll(match -> {
            if (!owned.contains(match.group())) {
                throw new IllegalArgumentException(match.group() + " is not a table of this read model (it owns "
                        + owned + "): " + text);
            }
            return Matcher.quoteReplacement(match.group() + suffix);
        }));
    }
}
