package org.partnershipledger.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
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
        return build(code.status(), code.name(), detail);
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemCode code, String detail) {
        return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(code, detail));
    }

    /** Query side moves to ProblemCode; until then its codes are checked by ProblemCatalogueTest only. */
    @Deprecated(forRemoval = true)
    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        return build(status, code, detail);
    }

    /** Query side moves to ProblemCode; until then its codes are checked by ProblemCatalogueTest only. */
    @Deprecated(forRemoval = true)
    public static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, String code, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(build(status, code, detail));
    }

    private static ProblemDetail build(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        problem.setProperty(CODE, code);
        return problem;
    }

    /** E.g. {@code urn:partnership-ledger:problem:version-mismatch}. */
    private static URI type(String code) {
        return URI.create("urn:partnership-ledger:problem:" + code.toLowerCase().replace('_', '-'));
    }
}
