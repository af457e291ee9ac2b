package org.partnershipledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A body that is too large, stops arriving or trickles in holds a request thread for a bounded time only. */
class BodySizeLimitFilterTest {

    /** As the services have it: Spring's, which writes a problem's properties (its code) as members. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    @Test
    void aBodyThatTricklesInPastTheDeadlineIsABadRequest() throws Exception {
        BodySizeLimitFilter filter = new BodySizeLimitFilter(1024, Duration.ofMillis(100), JSON);
        MockHttpServletResponse response = new MockHttpServletResponse();
        long start = System.nanoTime();
        filter.doFilter(body(new Trickle(20, false)), response, (request, ignored) ->
                request.getInputStream().readAllBytes());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.getContentAsString()).get("code").asText()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aBodyThatStopsArrivingIsABadRequest() throws Exception {
        BodySizeLimitFilter filter = new BodySizeLimitFilter(1024, Duration.ofSeconds(30), JSON);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(body(new Trickle(0, true)), response, (request, ignored) ->
                request.getInputStream().readAllBytes());
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("stopped arriving");
    }

    @Test
    void aBodyInTimeAndWithinTheLimitPasses() throws Exception {
        BodySizeLimitFilter filter = new BodySizeLimitFilter(1024, Duration.ofSeconds(30), JSON);
        MockHttpServletResponse response = new MockHttpServletResponse();
        byte[][] read = new byte[1][];
        filter.doFilter(body(new Trickle(0, false)), response, (request, ignored) ->
                read[0] = request.getInputStream().readAllBytes());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(read[0]).hasSize(100);
    }

    private static HttpServletRequestWrapper body(ServletInputStream in) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        return new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                return in;
            }
        };
    }

    /** 100 bytes, one per read, each {@code pause} ms apart; or, if {@code stalls}, none: the read times out. */
    private static final class Trickle extends ServletInputStream {
        private final long pause;
        private final boolean stalls;
        private int left = 100;

        Trickle(long pause, boolean stalls) {
            this.pause = pause;
            this.stalls = stalls;
        }

        @Override
        public int read() throws IOException {
            if (stalls) {
                throw new SocketTimeoutException("Read timed out");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return left-- > 0 ? 'x' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int b = read();
            if (b < 0) {
                return -1;
            }
            buffer[offset] = (byte) b;
            return 1;
        }

        @Override
        public boolean isFinished() {
            return left <= 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
