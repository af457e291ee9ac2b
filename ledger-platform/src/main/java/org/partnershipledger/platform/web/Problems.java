package org.partnershipledger.platform.web;

import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Every error the ledger answers is {@code application/problem+json} with a stable {@code code} from
 * {@link ProblemCode} that clients can branch on; {@code title} and {@code detail} are for people and may change.
 */
public final class Problems {

    public static final String CODE = "code";

    private Problems() {
    }

    /** A problem with the code's own status. */
    public static ProblemDetail problem(ProblemCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(URI.create("urn:partnership-ledger:problem:" + code.name().toLowerCase().replace('_', '-')));
        problem.setProperty(CODE, code.name());
        return problem;
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemCode code, String detail) {
        return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(code, detail));
    }
}
