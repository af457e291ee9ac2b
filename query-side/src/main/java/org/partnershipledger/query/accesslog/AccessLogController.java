package org.partnershipledger.query.accesslog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who read exports, audit packs and dead letters (ADMIN, like everything under /api/admin). */
@RestController
@RequestMapping(path = "/api/admin/access-log", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin")
class AccessLogController {

    static final int MAX_LIMIT = 1000;

    private final AccessLog log;

    AccessLogController(AccessLog log) {
        this.log = log;
    }

    record AccessLogPage(int count, List<AccessLog.Entry> entries) {
    }

    @GetMapping
    @Operation(operationId = "listAccessLog", summary = "Every request to a sensitive read (exports, audit packs, "
            + "dead letters, this log), newest first: who (user, roles, address), what (method, path, query, "
            + "partnership), when, and the answer's status, bytes and duration (null until it is complete)")
    AccessLogPage list(@Parameter(description = "only this user's requests") @RequestParam Optional<String> user,
                       @Parameter(description = "from this instant, inclusive (ISO-8601)") @RequestParam(required = false)
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                       @Parameter(description = "up to this instant, exclusive (ISO-8601)") @RequestParam(required = false)
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                       @Parameter(description = "at most this many entries, 1 to " + MAX_LIMIT)
                       @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        List<AccessLog.Entry> entries = log.find(user, Optional.ofNullable(from), Optional.ofNullable(to), limit);
        return new AccessLogPage(entries.size(), entries);
    }
}
