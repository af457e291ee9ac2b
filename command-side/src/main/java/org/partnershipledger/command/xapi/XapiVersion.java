package org.partnershipledger.command.xapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.partnershipledger.platform.web.ProblemCode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code X-Experience-API-Version} the Statements resource speaks: required on every request (1.0.x or 2.0.x),
 * answered on every response, errors and refusals included (so this runs before the security filters).
 */
final class XapiVersion extends OncePerRequestFilter {

    static final String HEADER = "X-Experience-API-Version";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/xapi/statements");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, answered(request.getHeader(HEADER)));
        chain.doFilter(request, response);
    }

    /** The version answered: the latest of the line the client speaks. */
    static String answered(String requested) {
        return requested != null && requested.trim().startsWith("1.0") ? "1.0.3" : "2.0.0";
    }

    /** The version the request names, checked. */
    static String required(String requested) {
        if (requested == null || requested.isBlank()) {
            throw new XapiProblem(ProblemCode.XAPI_VERSION_MISSING,
                    "The " + HEADER + " header is required (1.0.3 or 2.0.0)");
        }
        if (!XapiFormats.version(requested.trim())) {
            throw new XapiProblem(ProblemCode.XAPI_VERSION_UNSUPPORTED,
                    HEADER + " " + requested + " is not one the ledger takes: 1.0.x or 2.0.x");
        }
        return requested.trim();
    }
}
