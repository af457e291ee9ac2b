package org.partnershipledger.query.readmodel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Names under which an object keeps what it collects in a unit of work ({@code root.resources()}): one of its own
 * for each object. Not its identity hash code, which two live objects may share: two batches of rows under one name
 * would be written with one statement.
 */
public final class ResourceKeys {

    private static final AtomicLong MADE = new AtomicLong();

    private ResourceKeys() {
    }

    /** A name no other call returns while this JVM runs. */
    public static String of(Object owner) {
        return owner.getClass().getName() + "#" + MADE.incrementAndGet();
    }
}
