package org.partnershipledger.command.common;

/** Hands out new identifiers for aggregates and their parts; never called inside an aggregate. */
@FunctionalInterface
public interface IdGenerator {

    String next();
}
