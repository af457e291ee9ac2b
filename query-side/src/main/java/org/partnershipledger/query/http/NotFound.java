package org.partnershipledger.query.http;

import org.partnershipledger.platform.web.ProblemCode;

/** 404 with a stable code: the thing does not exist, did not exist then, or is not visible to the caller. */
public class NotFound extends Refused {

    public NotFound(ProblemCode code, String message) {
        super(code, message);
    }

    public static NotFound partnership(String id) {
        return new NotFound(ProblemCode.PARTNERSHIP_NOT_FOUND, "No such partnership: " + id);
    }

    public static NotFound program(String id) {
        return new NotFound(ProblemCode.PROGRAM_NOT_FOUND, "No such program: " + id);
    }
}
