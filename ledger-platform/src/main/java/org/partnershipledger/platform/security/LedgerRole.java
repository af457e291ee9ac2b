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
    /**
     * Reads only its own part of the partnerships where its organisation was shortlisted (the query side's
     * PartnerPolicy), and raises concerns there until it is declined or offboarded.
     */
    PARTNER;

    /** Every role that may read partnerships (partners only their own). */
    public static final String[] READERS = {"BOARD", "MANAGER", "ANALYST", "INTEGRATION", "ADMIN", "PARTNER"};
}
