package org.partnershipledger.command.common;

/** A command that says why; the reason is recorded in the metadata of every event it causes. */
public interface ReasonedCommand {

    String reason();
}
