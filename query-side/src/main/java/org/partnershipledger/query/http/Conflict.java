package org.partnershipledger.query.http;

/** 409 with a stable code: the request cannot be served in the ledger's present state or setup. */
public class Conflict extends RuntimeException {

    final String code;

    public Conflict(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }
}
