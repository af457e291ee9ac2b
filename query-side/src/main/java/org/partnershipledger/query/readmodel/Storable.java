package org.partnershipledger.query.readmodel;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.SqlTypeValue;

/**
 * Text as PostgreSQL can keep it in a read model. PostgreSQL's text and jsonb cannot hold the character U+0000,
 * which an event recorded before the command side refused it may carry; such an event must still reach every
 * read model, so the character is shown as U+FFFD (the replacement character) there. The event store keeps the
 * event as it was recorded.
 */
public final class Storable {

    /** A {@code \u0000} escape in JSON text, not preceded by an escaped backslash. */
    private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private Storable() {
    }

    /** {@code text} with each U+0000 replaced by U+FFFD; null stays null. */
    public static String text(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    /** JSON text with each escaped U+0000 written as an escaped U+FFFD, for a jsonb column. */
    public static String json(String json) {
        if (json == null || !json.contains("\\u0000")) {
            return text(json);
        }
        return text(NUL_ESCAPE.matcher(json).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "\\ufffd")));
    }

    /** JSON text given as its UTF-8 bytes (an event's payload as stored), for a jsonb column; null stays null. */
    public static JsonBytes json(byte[] utf8) {
        return utf8 == null ? null : new JsonBytes(utf8);
    }

    /**
     * JSON text as its UTF-8 bytes, for a jsonb column. A {@code COPY} sends the bytes as they are, with no text
     * made of them and encoded again ({@link CopyRows}); a statement binds them as text, with {@link #json(String)}.
     */
    public record JsonBytes(byte[] utf8) implements SqlTypeValue {

        /** The JSON text, as a statement binds it. */
        public String text() {
            return json(new String(utf8, StandardCharsets.UTF_8));
        }

        @Override
        public void setTypeValue(PreparedStatement statement, int index, int sqlType, String typeName)
                throws SQLException {
            statement.setString(index, text());
        }
    }
}
