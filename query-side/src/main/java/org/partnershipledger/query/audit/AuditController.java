package org.partnershipledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.partnershipledger.audit.note.NoteVerifier;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.http.Refused;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for anyone who wants to check it (docs/audit.md): the public key, every signed checkpoint, and
 * inclusion and consistency proofs (RFC 9162) against them. Hashes are base64.
 */
@RestController
@RequestMapping(path = "/api/audit")
@Tag(name = "Audit")
class AuditController {

    private static final int MAX_PAGE = 1000;

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @Schema(name = "AuditPublicKey")
    record PublicKey(String origin, String keyName,
                     @Schema(description = "signed-note verifier key: <name>+<key id>+<base64 key>") String verifierKey,
                     @Schema(description = "SHA256:<hex>, to compare with one obtained independently")
                     String fingerprint) {
    }

    @Schema(name = "AuditCheckpoints")
    record Checkpoints(List<AuditLog.SignedCheckpoint> checkpoints) {
    }

    @Schema(name = "AuditInclusionProof")
    record InclusionProof(long position, String eventId, long logIndex, String leafHash, long treeSize,
                          String rootHash, List<String> proof,
                          @Schema(description = "the signed checkpoint of treeSize, if one was signed at that size")
                          String checkpoint) {
    }

    @Schema(name = "AuditConsistencyProof")
    record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> proof) {
    }

    @GetMapping(path = "/public-key", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @Operation(operationId = "getAuditPublicKey", summary = "The key that signs checkpoints (open to anyone); "
            + "Accept: text/plain answers the verifier key text alone, for `ledger verify --key`")
    @ApiResponse(responseCode = "200", description = "The public key", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PublicKey.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"))})
    ResponseEntity<?> publicKey(@Parameter(hidden = true) @RequestHeader(value = "Accept", required = false)
                                String accept) {
        NoteVerifier key = log.publicKey();
        if (wantsText(accept)) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(key.verifierKey() + "\n");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new PublicKey(log.origin(), key.keyName(), key.verifierKey(), key.fingerprint()));
    }

    @GetMapping(path = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listAuditCheckpoints", summary = "Every signed checkpoint, oldest first, after a tree size")
    @Rejects(ProblemCode.VALIDATION_FAILED)
    Checkpoints checkpoints(@RequestParam(defaultValue = "0") long afterSize,
                            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE);
        }
        return new Checkpoints(log.checkpoints(afterSize, limit));
    }

    @GetMapping(path = "/checkpoints/latest", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @Operation(operationId = "getLatestAuditCheckpoint", summary = "The latest signed checkpoint; Accept: text/plain "
            + "answers the signed note alone, to keep and pass to `ledger verify --since`")
    @ApiResponse(responseCode = "200", description = "The latest checkpoint", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AuditLog.SignedCheckpoint.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"))})
    @Rejects(ProblemCode.AUDIT_NO_CHECKPOINT)
    ResponseEntity<?> latest(@Parameter(hidden = true) @RequestHeader(value = "Accept", required = false)
                             String accept) {
        AuditLog.SignedCheckpoint latest = log.latest().orElseThrow(AuditController::noCheckpoint);
        if (wantsText(accept)) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(latest.note());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(latest);
    }

    @GetMapping(path = "/proofs/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAuditInclusionProof", summary = "Proof that the event at a position (as on the "
            + "stream) is in the tree of treeSize leaves (default: the latest checkpoint's)")
    @Rejects({ProblemCode.AUDIT_NOT_LOGGED, ProblemCode.AUDIT_TREE_SIZE, ProblemCode.AUDIT_NO_CHECKPOINT})
    InclusionProof inclusion(@RequestParam long position, @RequestParam Optional<Long> treeSize) {
        long size = treeSize.orElseGet(() -> log.latest().orElseThrow(AuditController::noCheckpoint).treeSize());
        long logged = requireSize(size, "treeSize");
        AuditLog.StoredLeaf leaf = log.leafAt(position).orElseThrow(() -> new NotFound(ProblemCode.AUDIT_NOT_LOGGED,
                "No event at position " + position + " is in the audit log (yet)"));
        if (leaf.logIndex() >= size) {
            throw new NotFound(ProblemCode.AUDIT_NOT_LOGGED, "The event at position " + position + " is at log index "
                    + leaf.logIndex() + ", after a tree of " + size + " (the log holds " + logged + ")");
        }
        return new InclusionProof(position, leaf.eventId(), leaf.logIndex(), base64(leaf.leafHash()), size,
                base64(log.tree().root(size)), base64(log.tree().inclusionProof(leaf.logIndex(), size)),
                log.checkpointOfSize(size).map(AuditLog.SignedCheckpoint::note).orElse(null));
    }

    @GetMapping(path = "/proofs/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAuditConsistencyProof", summary = "Proof that the tree of `to` leaves (default: the "
            + "latest checkpoint's) extends the tree of `from` leaves: the log only grew")
    @Rejects({ProblemCode.AUDIT_TREE_SIZE, ProblemCode.AUDIT_NO_CHECKPOINT})
    ConsistencyProof consistency(@RequestParam long from, @RequestParam Optional<Long> to) {
        long newer = to.orElseGet(() -> log.latest().orElseThrow(AuditController::noCheckpoint).treeSize());
        requireSize(newer, "to");
        if (from < 0 || from > newer) {
            throw new Refused(ProblemCode.AUDIT_TREE_SIZE, "from must be between 0 and to (" + newer + "), not " + from);
        }
        return new ConsistencyProof(from, newer, base64(log.tree().root(from)), base64(log.tree().root(newer)),
                base64(log.tree().consistencyProof(from, newer)));
    }

    private long requireSize(long size, String name) {
        long logged = log.sync();
        if (size < 0 || size > logged) {
            throw new Refused(ProblemCode.AUDIT_TREE_SIZE, name + " must be between 0 and the log's " + logged
                    + " leaves, not " + size);
        }
        return logged;
    }

    private static boolean wantsText(String accept) {
        return accept != null && accept.contains(MediaType.TEXT_PLAIN_VALUE)
                && !accept.contains(MediaType.APPLICATION_JSON_VALUE);
    }

    private static NotFound noCheckpoint() {
        return new NotFound(ProblemCode.AUDIT_NO_CHECKPOINT,
                "The audit log has no signed checkpoint yet; one is signed within seconds of the first event");
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(AuditController::base64).toList();
    }
}
