package org.partnershipledger.command.common;

/**
 * What travels back to the sender of a rejected command: the same locally and across Axon Server, where only
 * the details of a {@code CommandExecutionException} survive the trip.
 */
public record RejectionDetails(int status, String code, String message) {
}
