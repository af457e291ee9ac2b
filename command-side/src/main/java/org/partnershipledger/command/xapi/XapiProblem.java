package org.partnershipledger.command.xapi;

import org.partnershipledger.platform.web.ProblemCode;

/** A request to the xAPI resources the ledger refuses, with its stable code; nothing was stored. */
class XapiProblem extends RuntimeException {

    private final ProblemCode code;

    XapiProblem(ProblemCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    ProblemCode code() {
        return code;
    }
}
