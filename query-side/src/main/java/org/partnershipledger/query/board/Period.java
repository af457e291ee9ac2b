package org.partnershipledger.query.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A governance period: a quarter ({@code 2026-Q3}) or a month ({@code 2026-09}), as [start, end) in UTC. */
record Period(String name, LocalDate firstDay, LocalDate dayAfter) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    static Period parse(String text) {
        Matcher quarter = QUARTER.matcher(text == null ? "" : text);
        if (quarter.matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1);
            return new Period(text, first, first.plusMonths(3));
        }
        Matcher month = MONTH.matcher(text == null ? "" : text);
        if (month.matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)), 1);
            return new Period(text, first, first.plusMonths(1));
        }
        throw new IllegalArgumentException("period must be a quarter such as 2026-Q3 or a month such as 2026-09");
    }

    Instant start() {
        return firstDay.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    Instant end() {
        return dayAfter.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
