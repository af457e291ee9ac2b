package org.partnershipledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query parameter with a NUL character ({@code %00}) with 400 VALIDATION_FAILED: PostgreSQL cannot compare
 * text with it, so it would otherwise fail deep in a query as a 500.
 */
class QueryTextFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    QueryTextFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || !query.toLowerCase(Locale.ROOT).contains("%00");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String parameter = "";
        for (String pair : request.getQueryString().split("&")) {
            if (pair.toLowerCase(Locale.ROOT).contains("%00")) {
                parameter = pair.split("=", 2)[0];
                break;
            }
        }
        ProblemDetail problem = Problems.problem(ProblemCode.VALIDATION_FAILED,
                "A query parameter must not contain the NUL character (%00)");
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", "must not contain NUL")));
        response.setStatus(ProblemCode.VALIDATION_FAILED.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
