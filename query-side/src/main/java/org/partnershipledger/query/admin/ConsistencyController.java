package org.partnershipledger.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.http.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code ledger check} behind it: runs the {@link ConsistencyCheck} on a thread of its own, one at a time, so a
 * long check on a big store can be followed (its progress) and a client that goes away does not stop it.
 */
@RestController
@RequestMapping(path = "/api/admin/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin")
class ConsistencyController {

    private static final int KEPT = 10;

    private final ConsistencyCheck check;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ledger-consistency-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private Job running;

    ConsistencyController(ConsistencyCheck check) {
        this.check = check;
    }

    /** A check: RUNNING with its progress (0 to 1), then DONE with its report, or FAILED with why. */
    @Schema(name = "ConsistencyCheckStatus")
    record Status(String id, String state, double progress, String error, ConsistencyCheck.Report report) {
    }

    private static final class Job {
        final String id = UUID.randomUUID().toString();
        final CompletableFuture<ConsistencyCheck.Report> result = new CompletableFuture<>();
        volatile double progress;

        Status status() {
            if (!result.isDone()) {
                return new Status(id, "RUNNING", progress, null, null);
            }
            try {
                return new Status(id, "DONE", 1.0, null, result.join());
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return new Status(id, "FAILED", progress, String.valueOf(cause.getMessage()), null);
            }
        }
    }

    @GetMapping
    @Operation(operationId = "checkConsistency", summary = "Is every read model complete and equal to what the event "
            + "store says? Runs a check (or joins the one running) and answers its report (200) within `wait` seconds, "
            + "else where to follow it (202)")
    @ApiResponse(responseCode = "200", description = "The check's report",
            content = @Content(schema = @Schema(implementation = ConsistencyCheck.Report.class)))
    @ApiResponse(responseCode = "202", description = "Still running: follow it at Location",
            content = @Content(schema = @Schema(implementation = Status.class)))
    @Rejects(ProblemCode.CHECK_NEEDS_POSTGRESQL_STORE)
    ResponseEntity<?> checkNow(@RequestParam(defaultValue = "true") boolean digests,
                               @RequestParam(defaultValue = "60") int wait) {
        if (wait < 0 || wait > 600) {
            throw new IllegalArgumentException("wait must be between 0 and 600 seconds");
        }
        Job job = start(digests);
        try {
            return ResponseEntity.ok(job.result.get(wait, TimeUnit.SECONDS));
        } catch (TimeoutException stillRunning) {
            return accepted(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return accepted(job);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The consistency check failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @PostMapping("/checks")
    @Operation(operationId = "startConsistencyCheck",
            summary = "Start a check (or join the one running): 202 with where to follow it")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Rejects(ProblemCode.CHECK_NEEDS_POSTGRESQL_STORE)
    ResponseEntity<Status> startCheck(@RequestParam(defaultValue = "true") boolean digests) {
        return accepted(start(digests));
    }

    @GetMapping("/checks/{id}")
    @Operation(operationId = "getConsistencyCheck", summary = "A check's state and progress, and its report once DONE")
    @Rejects(ProblemCode.CHECK_NOT_FOUND)
    synchronized Status checkStatus(@PathVariable String id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new NotFound(ProblemCode.CHECK_NOT_FOUND, "No consistency check " + id + " (the last " + KEPT + " are kept)");
        }
        return job.status();
    }

    private synchronized Job start(boolean digests) {
        check.requireComparableStore();
        if (running != null && !running.result.isDone()) {
            return running;
        }
        Job job = new Job();
        running = job;
        jobs.put(job.id, job);
        while (jobs.size() > KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        runner.execute(() -> {
            try {
                job.result.complete(check.run(digests, done -> job.progress = done));
            } catch (RuntimeException e) {
                job.result.completeExceptionally(e);
            }
        });
        return job;
    }

    private static ResponseEntity<Status> accepted(Job job) {
        return ResponseEntity.accepted().location(URI.create("/api/admin/consistency/checks/" + job.id))
                .header("Retry-After", Long.toString(Duration.ofSeconds(1).toSeconds())).body(job.status());
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
