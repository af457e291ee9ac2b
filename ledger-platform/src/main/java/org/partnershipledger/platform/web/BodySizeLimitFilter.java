package org.partnershipledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit (256 KiB by default) with 413 PAYLOAD_TOO_LARGE, whether the size is
 * announced in Content-Length or only found while reading a chunked body; and bodies that do not arrive in time with
 * 400 BAD_REQUEST: one that stops (no byte for the connector's connection timeout) or trickles in past the deadline
 * (30 s by default from the first read), so a slow client holds a thread for a bounded time.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final Duration deadline;
    private final ObjectMapper json;

    public BodySizeLimitFilter(long limit, ObjectMapper json) {
        this(limit, Duration.ofSeconds(30), json);
    }

    public BodySizeLimitFilter(long limit, Duration deadline, ObjectMapper json) {
        this.limit = limit;
        this.deadline = deadline;
        this.json = json;
    }

    /** Thrown while reading a body that turns out larger than the limit. */
    public static class TooLarge extends IOException {
        TooLarge(long limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }

    /** Thrown while reading a body that stopped arriving, or did not arrive whole before the deadline. */
    public static class TooSlow extends IOException {
        TooSlow(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit, deadline), response);
        } catch (TooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                refuse(response);
            }
        } catch (TooSlow e) {
            // read outside a message converter (the command side's Idempotency-Key filter reads the whole body)
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(ProblemCode.BAD_REQUEST.status().value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), Problems.problem(ProblemCode.BAD_REQUEST, e.getMessage()));
            }
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(ProblemCode.PAYLOAD_TOO_LARGE.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.problem(ProblemCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + limit / 1024 + " KiB"));
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private final Duration deadline;

        Limited(HttpServletRequest request, long limit, Duration deadline) {
            super(request);
            this.limit = limit;
            this.deadline = deadline;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;
                private long started;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (started == 0) {
                        started = System.nanoTime();
                    }
                    int n;
                    try {
                        n = in.read(buffer, offset, length);
                    } catch (SocketTimeoutException stopped) {
                        throw new TooSlow("The request body stopped arriving", stopped);
                    }
                    if (n > 0 && (read += n) > limit) {
                        throw new TooLarge(limit);
                    }
                    if (n > 0 && System.nanoTime() - started > deadline.toNanos()) {
                        throw new TooSlow("The request body did not arrive within " + deadline.toSeconds() + " s",
                                null);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
