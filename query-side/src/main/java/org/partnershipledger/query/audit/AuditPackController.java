package org.partnershipledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.partnershipledger.audit.pack.AuditPack;
import org.partnershipledger.audit.pack.AuditPackJson;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code ledger audit-pack} behind it: one file a board or an auditor verifies offline with {@code ledger verify}. */
@RestController
@Tag(name = "Audit")
class AuditPackController {

    private final AuditPackBuilder packs;

    AuditPackController(AuditPackBuilder packs) {
        this.packs = packs;
    }

    @GetMapping(path = "/api/partnerships/{id}/audit-pack", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAuditPack", summary = "The partnership's and its programs' events with inclusion "
            + "proofs against a signed checkpoint, to verify offline (docs/audit.md §4); `since` adds a consistency "
            + "proof from an older tree size you kept")
    @ApiResponse(responseCode = "200", description = "The audit pack (partnership-ledger/audit-pack/v1)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(type = "object", description = "see docs/audit.md §4")))
    @Rejects({ProblemCode.PARTNERSHIP_NOT_FOUND, ProblemCode.AUDIT_NO_CHECKPOINT, ProblemCode.AUDIT_TREE_SIZE})
    ResponseEntity<byte[]> pack(@PathVariable String id, @RequestParam(required = false) List<Long> since) {
        AuditPack pack = packs.partnership(id, since == null ? List.of() : since);
        byte[] body = AuditPackJson.write(pack).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-pack-" + safe(id) + ".json").build().toString())
                .contentLength(body.length)
                .body(body);
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
