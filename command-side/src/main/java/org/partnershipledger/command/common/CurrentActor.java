package org.partnershipledger.command.common;

/** Names the principal on whose behalf the current command is sent. */
@FunctionalInterface
public interface CurrentActor {

    String name();
}
