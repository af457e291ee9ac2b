package org.partnershipledger.query.accesslog;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.partnershipledger.platform.security.Principals;
import org.partnershipledger.platform.web.RequestCorrelationFilter;
import org.partnershipledger.platform.web.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every request to a {@link SensitiveReads sensitive read} by an authenticated caller in the
 * {@link AccessLog}: who (name, roles, address), what (method, path and query, partnership), when; before the answer
 * starts, so no read goes unrecorded (if the record cannot be written, the read is refused with the store's 503).
 * Once the answer is complete, also when it was streamed after the request's thread returned, its status, size and
 * duration. Runs inside the security chain before access is decided, so refusals (403) are recorded too; a request
 * without credentials (401) reads nothing and is not.
 */
final class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogFilter.class);
    private static final int MAX_TEXT = 4096;

    private final SensitiveReads reads;
    private final AccessLog log;
    private final Clock clock;

    AccessLogFilter(SensitiveReads reads, AccessLog log, Clock clock) {
        this.reads = reads;
        this.log = log;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<SensitiveReads.Read> read = reads.match(request);
        Optional<Authentication> caller = Principals.current()
                .filter(authentication -> !(authentication instanceof AnonymousAuthenticationToken));
        if (read.isEmpty() || caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Instant started = clock.instant();
        long id = log.opened(new AccessLog.Opened(started, caller.get().getName(), roles(caller.get()),
                request.getMethod(), SensitiveReads.cut(request.getRequestURI(), MAX_TEXT),
                request.getQueryString() == null ? null : SensitiveReads.cut(request.getQueryString(), MAX_TEXT),
                read.get().partnershipId(), request.getRemoteAddr(), RequestCorrelationFilter.correlationId(request)));
        CountingResponse counted = new CountingResponse(response);
        try {
            chain.doFilter(request, counted);
        } catch (IOException | ServletException | RuntimeException e) {
            complete(id, StoreUnavailable.causedBy(e) ? 503 : 500, counted.bytes(), started);
            throw e;
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    complete(id, counted.getStatus(), counted.bytes(), started);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                }

                @Override
                public void onError(AsyncEvent event) {
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                }
            });
        } else {
            complete(id, counted.getStatus(), counted.bytes(), started);
        }
    }

    private void complete(long id, int status, Long bytes, Instant started) {
        try {
            log.completed(id, status, bytes, Duration.between(started, clock.instant()).toMillis());
        } catch (RuntimeException e) {
            // the answer has gone out; its entry stays without a status
            LOG.warn("Could not complete access log entry {} (status {}, {} bytes)", id, status, bytes, e);
        }
    }

    private static List<String> roles(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(authority -> authority.startsWith("ROLE_") ? authority.substring(5) : authority)
                .sorted().toList();
    }
}
