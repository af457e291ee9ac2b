package org.partnershipledger.web.pages;

import java.util.Map;

/**
 * Where a page of a list stands: "21–40 of 10,000", and whether there is a page before and after. Getters, so
 * the templates read them as properties.
 */
record Pager(int page, int size, long total, long first, long last, boolean next) {

    /** A page of an API's list, as the API numbered it. */
    static Pager of(Map<String, Object> answer) {
        int page = number(answer.get("page"));
        int size = number(answer.get("size"));
        long total = answer.get("total") instanceof Number n ? n.longValue() : 0;
        long first = total == 0 ? 0 : (long) page * size + 1;
        long last = Math.min(total, (long) (page + 1) * size);
        return new Pager(page, size, total, first, last, last < total);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    public int getPage() {
        return page;
    }

    public long getTotal() {
        return total;
    }

    public long getFirst() {
        return first;
    }

    public long getLast() {
        return last;
    }

    public boolean getHasPrevious() {
        return page > 0;
    }

    public boolean getHasNext() {
        return next;
    }
}
