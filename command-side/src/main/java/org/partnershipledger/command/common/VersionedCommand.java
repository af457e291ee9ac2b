package org.partnershipledger.command.common;

/** A command on an existing aggregate that may name the version it was decided on (from {@code If-Match}). */
public interface VersionedCommand {

    /** The aggregate version the sender saw, or null to apply to whatever version is current. */
    Long expectedVersion();
}
