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
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit (256 KiB by default) with 413 PAYLOAD_TOO_LARGE, whether the size is
 * announced in Content-Length or only found while reading a chunked body.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ObjectMapper json;

    public BodySizeLimitFilter(long limit, ObjectMapper json) {
        this.limit = limit;
        this.json = json;
    }

    /** Thrown while reading a body that turns out larger than the limit. */
    public static class TooLarge extends IOException {
        TooLarge(long limit) {
            super("The request body is larger than " + limit + " bytes");
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
            chain.doFilter(new Limited(request, limit), response);
        } catch (TooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                refuse(response);
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

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > limit) {
                        throw new TooLarge(limit);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > limit) {
                        throw new TooLarge(limit);
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
