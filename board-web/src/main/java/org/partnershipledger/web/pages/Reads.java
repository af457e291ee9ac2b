package org.partnershipledger.web.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.partnershipledger.web.api.ApiAnswer;
import org.partnershipledger.web.api.LedgerApi;
import org.partnershipledger.web.signin.SignedIn;
import org.springframework.stereotype.Component;

/** Reads for the pages: the body when the API answered 2xx, a page-level refusal otherwise. */
@Component
class Reads {

    private final LedgerApi api;
    /** A page's reads that do not depend on each other run at once, so a page takes as long as its slowest read. */
    private final ExecutorService parallel = Executors.newFixedThreadPool(32, runnable -> {
        Thread thread = new Thread(runnable, "page-read");
        thread.setDaemon(true);
        return thread;
    });

    Reads(LedgerApi api) {
        this.api = api;
    }

    /** A read started now, its answer taken with {@link #join}. */
    <T> CompletableFuture<T> start(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, parallel);
    }

    /** The answer of a read started earlier; a refusal is thrown as the read threw it. */
    static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    Map<String, Object> get(SignedIn me, String path, Map<String, ?> parameters) {
        return body(api.read(me, path, parameters));
    }

    Map<String, Object> get(SignedIn me, String path) {
        return get(me, path, Map.of());
    }

    /** The body, or null when the API answered with a status the page can do without (e.g. no checkpoint yet). */
    Map<String, Object> optional(SignedIn me, String path) {
        ApiAnswer answer = api.read(me, path);
        if (answer.status() == 401) {
            throw new SignedOut();
        }
        return answer.ok() ? answer.json() : null;
    }

    static Map<String, Object> body(ApiAnswer answer) {
        if (answer.ok()) {
            return answer.json();
        }
        if (answer.status() == 401) {
            throw new SignedOut();
        }
        if (answer.status() == 403 || answer.status() == 404) {
            throw new NotReadable(answer.status(), answer.problem().detail());
        }
        throw new IllegalStateException("The ledger answered " + answer.status() + ": " + answer.problem().detail());
    }

    /**
     * An "as of" from a form or a link: an ISO instant (the page's script converts the browser's local time), or a
     * date-time or date without zone, read as UTC. Blank is "now".
     */
    static Instant asOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new BadPageInput("\"" + text + "\" is not a date and time (e.g. 2026-09-30T12:00:00Z)");
                }
            }
        }
    }

    /** A query parameter of the page itself that cannot be read. */
    static class BadPageInput extends RuntimeException {
        BadPageInput(String message) {
            super(message);
        }
    }
}
