package org.partnershipledger.query.http;

import org.partnershipledger.platform.web.ProblemCode;

/** A request the query side refuses, answered as problem+json with the code's status. */
public class Refused extends RuntimeException {

    final ProblemCode code;

    public Refused(ProblemCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }
}
