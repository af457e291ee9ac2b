package org.partnershipledger.command.common;

/** The answer to a command that changed something already there: the aggregate's new version (also its ETag). */
public record CommandAccepted(long version) {
}
