package org.partnershipledger.query.readmodel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
}
