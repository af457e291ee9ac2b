package org.partnershipledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json, like every other error of the ledger; and 429 with Retry-After for a login refused
 * because its user name failed too often ({@link FailedLogins}).
 */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    static AuthenticationEntryPoint unauthenticated(ObjectMapper json, String challenge) {
        return (request, response, e) -> {
            if (e instanceof TooManyFailedLogins refused) {
                long seconds = refused.retryAfterSeconds();
                response.setHeader("Retry-After", Long.toString(seconds));
                write(json, response, Problems.problem(ProblemCode.TOO_MANY_FAILED_LOGINS,
                        "Too many failed logins for this user name; retry after " + seconds + " s"));
                return;
            }
            response.setHeader("WWW-Authenticate", challenge);
            write(json, response, Problems.problem(ProblemCode.UNAUTHENTICATED,
                    "Credentials are missing or not valid"));
        };
    }

    static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> write(json, response, Problems.problem(ProblemCode.FORBIDDEN,
                "Your role does not allow this"));
    }

    private static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
