package org.partnershipledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.http.Conflict;
import org.partnershipledger.query.http.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code ledger verify --store} behind it: runs the {@link StoreVerifier} on a thread of its own, one at a time,
 * so that a long verification of a big store can be followed and a client that goes away does not stop it.
 */
@RestController
@RequestMapping(path = "/api/admin/audit/verifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin")
class StoreVerificationController {

    private static final Logger LOG = LoggerFactory.getLogger(StoreVerificationController.class);
    private static final int KEPT = 10;

    private final StoreVerifier verifier;
    private final StoredEvents store;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ledger-audit-verification");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private Run running;

    StoreVerificationController(StoreVerifier verifier, StoredEvents store, Clock clock) {
        this.verifier = verifier;
        this.store = store;
        this.clock = clock;
    }

    /** A verification: RUNNING with its progress, then VALID or TAMPERED with its first finding, or FAILED. */
    @Schema(name = "AuditStoreVerification")
    record Verification(String id, String requestedBy, Instant startedAt, Instant completedAt,
                        @Schema(allowableValues = {"RUNNING", "VALID", "TAMPERED", "FAILED"}) String state,
                        long checkedEvents, long totalEvents, double progress, long checkpointsChecked,
                        long findings, StoreVerifier.Finding finding, String error) {
    }

    private final class Run {
        final String id = UUID.randomUUID().toString();
        final String requestedBy;
        final Instant startedAt = clock.instant();
        volatile long total = 1;
        volatile long checked;
        volatile Instant completedAt;
        volatile StoreVerifier.Outcome outcome;
        volatile String error;

        Run(String requestedBy) {
            this.requestedBy = requestedBy;
        }

        Verification view() {
            String state = completedAt == null ? "RUNNING" : error != null ? "FAILED"
                    : outcome.first() == null ? "VALID" : "TAMPERED";
            double progress = completedAt != null ? 1.0 : Math.min(0.99, (double) checked / Math.max(1, total));
            return new Verification(id, requestedBy, startedAt, completedAt, state, checked, total, progress,
                    outcome == null ? 0 : outcome.checkpointsChecked(), outcome == null ? 0 : outcome.findings(),
                    outcome == null ? null : outcome.first(), error);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "startAuditStoreVerification", summary = "Recompute the whole audit log from the event "
            + "store and compare it with the stored log and its signed checkpoints (or join the run going): 202 with "
            + "where to follow it")
    @Rejects(ProblemCode.CHECK_NEEDS_POSTGRESQL_STORE)
    synchronized ResponseEntity<Verification> start(@Parameter(hidden = true) Authentication caller) {
        if (!store.available()) {
            throw new Conflict(ProblemCode.CHECK_NEEDS_POSTGRESQL_STORE, "The store verification reads the event "
                    + "store's table in PostgreSQL; this ledger keeps its events in Axon Server");
        }
        if (running == null || running.completedAt != null) {
            Run run = new Run(caller.getName());
            running = run;
            runs.put(run.id, run);
            while (runs.size() > KEPT) {
                runs.remove(runs.keySet().iterator().next());
            }
            runner.execute(() -> execute(run));
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/audit/verifications/" + running.id))
                .body(running.view());
    }

    @GetMapping("/latest")
    @Operation(operationId = "getLatestAuditStoreVerification", summary = "The latest store verification")
    @Rejects(ProblemCode.AUDIT_VERIFICATION_NOT_FOUND)
    synchronized Verification latest() {
        if (running == null) {
            throw new NotFound(ProblemCode.AUDIT_VERIFICATION_NOT_FOUND, "No store verification has run yet");
        }
        return running.view();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAuditStoreVerification", summary = "A store verification's state and progress, and "
            + "its first finding once done")
    @Rejects(ProblemCode.AUDIT_VERIFICATION_NOT_FOUND)
    synchronized Verification one(@PathVariable String id) {
        Run run = runs.get(id);
        if (run == null) {
            throw new NotFound(ProblemCode.AUDIT_VERIFICATION_NOT_FOUND,
                    "No store verification " + id + " (the last " + KEPT + " are kept)");
        }
        return run.view();
    }

    private void execute(Run run) {
        try {
            run.total = Math.max(1, verifier.total());
            run.outcome = verifier.verify(checked -> run.checked = checked);
            run.checked = run.outcome.checkedEvents();
            if (run.outcome.first() != null) {
                LOG.warn("Store verification {} found {} sign(s) of tampering; the first: {}", run.id,
                        run.outcome.findings(), run.outcome.first().detail());
            }
        } catch (RuntimeException e) {
            LOG.warn("Store verification {} failed", run.id, e);
            run.error = String.valueOf(e.getMessage());
        } finally {
            run.completedAt = clock.instant();
        }
    }
}
