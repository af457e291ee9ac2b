package org.partnershipledger.query.http;

import org.partnershipledger.platform.web.ProblemCode;

/** 409 with a stable code: the request cannot be served in the ledger's present state or setup. */
public class Conflict extends Refused {

    public Conflict(ProblemCode code, String message) {
        super(code, message);
    }
}
