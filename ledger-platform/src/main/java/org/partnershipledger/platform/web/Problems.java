package org.partnershipledger.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Every error the ledger answers is {@code application/problem+json} with a stable {@code code} that clients
 * can branch on; {@code title} and {@code detail} are for people and may change.
 */
public final class Problems {

    public static final String CODE = "code";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:partnership-ledger:problem:" + code.toLowerCase().replace('_', '-')));
        problem.setProperty(CODE, code);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, String code, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, code, detail));
    }
}
