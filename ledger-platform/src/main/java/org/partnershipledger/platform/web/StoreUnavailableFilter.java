package org.partnershipledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 STORE_UNAVAILABLE also when the store fails under a filter (a filter that reads the database, such as
 * the command side's Idempotency-Key lookup), where the controller advice never sees the exception and the servlet
 * container would answer 500.
 */
public class StoreUnavailableFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    public StoreUnavailableFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || !StoreUnavailable.causedBy(e)) {
                throw e;
            }
            ResponseEntity<ProblemDetail> answer = StoreUnavailable.respond(e);
            response.resetBuffer();
            response.setStatus(answer.getStatusCode().value());
            answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
            json.writeValue(response.getOutputStream(), answer.getBody());
        }
    }
}
