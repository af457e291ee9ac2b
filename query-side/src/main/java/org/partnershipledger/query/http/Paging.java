package org.partnershipledger.query.http;

import java.util.List;

/** A page of results: which page, how big, and how many there are in all. */
public record Paging<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;

    public static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 to " + MAX_SIZE);
        }
    }
}
