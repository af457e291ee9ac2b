package org.partnershipledger.command.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.partnershipledger.platform.security.Principals;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.Problems;
import org.partnershipledger.platform.web.StoreUnavailable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Idempotency-Key} on a write: a retry with the same key and the same request gets the original response
 * and changes nothing; the same key with another request is 422 IDEMPOTENCY_KEY_REUSED. Runs after
 * authentication, because keys belong to the principal that used them.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:\\-]{1,255}");

    private final Idempotency idempotency;
    private final ObjectMapper json;

    IdempotencyFilter(Idempotency idempotency, ObjectMapper json) {
        this.idempotency = idempotency;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || request.getMethod().equals("GET");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication principal = Principals.current().orElse(null);
        if (principal == null) {
            chain.doFilter(request, response); // security answers 401 further on
            return;
        }
        if (!ACCEPTED.matcher(key).matches()) {
            write(response, Problems.respond(ProblemCode.VALIDATION_FAILED,
                    "Idempotency-Key must be 1 to 255 letters, digits or . _ : -"));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        Idempotency.Request keyed = new Idempotency.Request(principal.getName(), key, hash(request, body));
        try {
            var stored = idempotency.replay(keyed);
            if (stored.isPresent()) {
                response.setHeader("Idempotent-Replayed", "true");
                write(response, stored.get());
                return;
            }
        } catch (LedgerRejection reused) {
            write(response, Problems.respond(reused.code(), reused.getMessage()));
            return;
        } catch (Idempotency.OutcomePending pending) {
            write(response, StoreUnavailable.respond(pending));
            return;
        }
        request.setAttribute(Idempotency.Request.ATTRIBUTE, keyed);
        chain.doFilter(new CachedBody(request, body), response);
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(HttpServletResponse response, ResponseEntity<?> entity) throws IOException {
        response.setStatus(entity.getStatusCode().value());
        entity.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (entity.getHeaders().getContentType() == null) {
            response.setContentType("application/json");
        }
        json.writeValue(response.getOutputStream(), entity.getBody() instanceof Map<?, ?> map ? map : entity.getBody());
    }

    /** The request with its body already read, so the controller can read it again. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
