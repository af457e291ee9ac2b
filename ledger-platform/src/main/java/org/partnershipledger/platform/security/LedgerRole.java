package org.partnershipledger.platform.security;

/** What a principal may do in the ledger; see docs/operations.md. */
public enum LedgerRole {
    /** Reads every partnership, program, history, governance pack and pivot log; never writes. */
    BOARD,
    /** Sends every partnership and program command; reads. */
    MANAGER,
    /** Reads, exports, analytics; never writes. */
    ANALYST,
    /** The event stream and its own webhook subscriptions; reads. */
    INTEGRATION,
    /** Processor control, replays, dead letters; reads. */
    ADMIN,
    /** Reads only the partnerships where its organisation is shortlisted or selected, and raises concerns there. */
    PARTNER;

    /** Every role that may read partnerships (partners only their own). */
    public static final String[] READERS = {"BOARD", "MANAGER", "ANALYST", "INTEGRATION", "ADMIN", "PARTNER"};
}
