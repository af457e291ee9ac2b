package org.partnershipledger.query.accesslog;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one policy of what the access log records: every request, whatever its method, to these paths. A new
 * sensitive endpoint is one more pattern here, never code in its controller. A pattern's {@code partnershipId}
 * variable, or else the request's {@code partnershipId} parameter, names the partnership read.
 *
 * <p>The command side serves no reads of this kind: it answers commands only (and the admin's metrics).
 */
final class SensitiveReads {

    static final List<String> PATTERNS = List.of(
            "/api/export/**",
            "/api/partnerships/{partnershipId}/audit-pack",
            "/api/admin/dead-letters/**",
            // who read who read what
            "/api/admin/access-log");
    private static final String PARTNERSHIP = "partnershipId";
    private static final int MAX_ID_LENGTH = 255;

    /** A request the log records, and the partnership it reads, if it names one. */
    record Read(String partnershipId) {
    }

    private final List<PathPattern> patterns = PATTERNS.stream().map(PathPatternParser.defaultInstance::parse)
            .toList();

    Optional<Read> match(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        for (PathPattern pattern : patterns) {
            PathPattern.PathMatchInfo match = pattern.matchAndExtract(path);
            if (match != null) {
                String partnership = match.getUriVariables().get(PARTNERSHIP);
                if (partnership == null && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
                    // a GET has no body, so reading its parameters never consumes one
                    partnership = request.getParameter(PARTNERSHIP);
                }
                return Optional.of(new Read(partnership == null ? null : cut(partnership, MAX_ID_LENGTH)));
            }
        }
        return Optional.empty();
    }

    static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
