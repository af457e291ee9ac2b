package org.partnershipledger.command.xapi;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The value formats the xAPI specification names: UUIDs, IRIs, RFC 5646 tags, ISO 8601 timestamps and durations. */
final class XapiFormats {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /** An absolute IRI: a scheme, a colon, and no white space or characters an IRI never holds. */
    private static final Pattern IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|\\\\^`]+$");
    /** RFC 5646: language, extlang, script, region, variants, extensions, private use (or private use alone). */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}"
            + "|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
            + "(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
            + "(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?"
            + "|[xX](?:-[A-Za-z0-9]{1,8})+)$");
    private static final Pattern DURATION = Pattern.compile("^P(?!$)(?:\\d+(?:\\.\\d+)?Y)?(?:\\d+(?:\\.\\d+)?M)?"
            + "(?:\\d+(?:\\.\\d+)?W)?(?:\\d+(?:\\.\\d+)?D)?(?:T(?=\\d)(?:\\d+(?:\\.\\d+)?H)?(?:\\d+(?:\\.\\d+)?M)?"
            + "(?:\\d+(?:\\.\\d+)?S)?)?$");
    private static final Pattern SHA1 = Pattern.compile("^[0-9a-fA-F]{40}$");
    private static final Pattern VERSION = Pattern.compile("^(?:1\\.0|2\\.0)(?:\\.\\d+)?$");

    private XapiFormats() {
    }

    static boolean uuid(String text) {
        return text != null && UUID.matcher(text).matches();
    }

    static boolean iri(String text) {
        return text != null && IRI.matcher(text).matches();
    }

    /** An IRL: an IRI that locates something, here one with an http(s) scheme. */
    static boolean irl(String text) {
        return iri(text) && (text.regionMatches(true, 0, "http://", 0, 7)
                || text.regionMatches(true, 0, "https://", 0, 8));
    }

    static boolean languageTag(String text) {
        return text != null && LANGUAGE_TAG.matcher(text).matches();
    }

    static boolean duration(String text) {
        return text != null && DURATION.matcher(text).matches();
    }

    static boolean sha1(String text) {
        return text != null && SHA1.matcher(text).matches();
    }

    static boolean version(String text) {
        return text != null && VERSION.matcher(text).matches();
    }

    /** An ISO 8601 timestamp with a time zone offset (or Z). */
    static boolean timestamp(String text) {
        if (text == null) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
