package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.partnershipledger.command.common.NotCommands;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The xAPI Statements resource, as far as the ledger needs it: an LRS's forwarding or any xAPI client sends
 * statements here, and reads one back. Statements of a mapped program become its impact records.
 */
@RestController
@NotCommands
@RequestMapping(path = "/api/xapi/statements", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Learning records (xAPI)", description = "Statements pushed by an LRS or pulled from one, turned into "
        + "impact records of the programs they are mapped to")
@Rejects({ProblemCode.XAPI_VERSION_MISSING, ProblemCode.XAPI_VERSION_UNSUPPORTED})
class XapiStatementsController {

    /** Statements per page of a bucket's StatementResult. */
    static final int PAGE = 500;

    private final StatementIntake intake;
    private final StatementStore store;
    private final Clock clock;

    XapiStatementsController(StatementIntake intake, StatementStore store, Clock clock) {
        this.intake = intake;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "postXapiStatements", summary = "Store one statement or a batch (an array); answers "
            + "their ids. A batch with one invalid statement stores nothing; re-sending a statement changes nothing")
    @Rejects({ProblemCode.XAPI_STATEMENT_INVALID, ProblemCode.XAPI_STATEMENT_CONFLICT})
    ResponseEntity<List<UUID>> post(
            @Parameter(description = "1.0.3 or 2.0.0") @RequestHeader(name = XapiVersion.HEADER, required = false)
            String version,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "A statement, or an array of "
                    + "statements", content = @Content(schema = @Schema(type = "object")))
            @RequestBody JsonNode body, Principal caller) {
        String speaks = XapiVersion.required(version);
        boolean batch = body.isArray();
        List<JsonNode> statements = new ArrayList<>();
        if (batch) {
            body.forEach(statements::add);
        } else {
            statements.add(body);
        }
        if (statements.isEmpty()) {
            throw new XapiInvalid("statements", "a batch holds at least one statement");
        }
        List<ObjectNode> valid = StatementIntake.validated(statements, batch);
        return ResponseEntity.ok(intake.accept(valid, "push", caller.getName(), speaks).ids());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "putXapiStatement", summary = "Store one statement under the id given (204); the same "
            + "statement again changes nothing, other content under its id is a 409")
    @Rejects({ProblemCode.XAPI_STATEMENT_INVALID, ProblemCode.XAPI_STATEMENT_CONFLICT})
    ResponseEntity<Void> put(@RequestHeader(name = XapiVersion.HEADER, required = false) String version,
                             @RequestParam String statementId,
                             @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "A statement",
                                     content = @Content(schema = @Schema(type = "object")))
                             @RequestBody JsonNode body, Principal caller) {
        String speaks = XapiVersion.required(version);
        if (!XapiFormats.uuid(statementId)) {
            throw new XapiInvalid("statementId", "must be a UUID");
        }
        if (!body.isObject()) {
            throw new XapiInvalid("statement", "must be a JSON object");
        }
        if (body.has("id") && !statementId.equalsIgnoreCase(body.get("id").asText())) {
            throw new XapiInvalid("statement.id", "must be the statementId of the request, or left out");
        }
        ObjectNode statement = ((ObjectNode) body).deepCopy().put("id", statementId.toLowerCase());
        List<ObjectNode> valid = StatementIntake.validated(List.of(statement), false);
        intake.accept(valid, "push", caller.getName(), speaks);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(operationId = "getXapiStatements", summary = "One stored statement (statementId; a voided one by "
            + "voidedStatementId), or the statements an impact record was computed from (bucket, as its evidence "
            + "names it) as a StatementResult")
    @Rejects({ProblemCode.XAPI_STATEMENT_NOT_FOUND})
    @ApiResponse(responseCode = "200", description = "The statement as stored, or a StatementResult for a bucket",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(type = "object", description = "An xAPI statement or StatementResult")))
    ResponseEntity<JsonNode> get(@RequestHeader(name = XapiVersion.HEADER, required = false) String version,
                                 @RequestParam(required = false) String statementId,
                                 @RequestParam(required = false) String voidedStatementId,
                                 @RequestParam(required = false) String bucket,
                                 @Parameter(description = "With bucket: the page after this statement id (as the "
                                         + "more link gives it)") @RequestParam(required = false) String after) {
        XapiVersion.required(version);
        // every statement stored before this instant is in the answer (a write is committed before it answers)
        HttpHeaders consistent = new HttpHeaders();
        consistent.set("X-Experience-API-Consistent-Through", DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
        int given = (statementId == null ? 0 : 1) + (voidedStatementId == null ? 0 : 1) + (bucket == null ? 0 : 1);
        if (given != 1) {
            throw new XapiInvalid("query", "give exactly one of statementId, voidedStatementId and bucket");
        }
        if (bucket != null) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            UUID bucketId = uuid(bucket, "bucket");
            List<JsonNode> page = store.ofBucket(bucketId, after == null ? null : uuid(after, "after"), PAGE);
            result.putArray("statements").addAll(page);
            // StatementResult.more: the next page, in statement id order, as long as a page is full
            result.put("more", page.size() < PAGE ? "" : "/api/xapi/statements?bucket=" + bucketId + "&after="
                    + page.get(page.size() - 1).path("id").asText());
            return ResponseEntity.ok().headers(consistent).body(result);
        }
        boolean voided = voidedStatementId != null;
        UUID id = uuid(voided ? voidedStatementId : statementId, voided ? "voidedStatementId" : "statementId");
        return store.statement(id, voided).map(statement -> ResponseEntity.ok().headers(consistent).body(statement))
                .orElseThrow(() -> new XapiProblem(
                ProblemCode.XAPI_STATEMENT_NOT_FOUND, "No " + (voided ? "voided " : "") + "statement " + id));
    }

    private static UUID uuid(String text, String parameter) {
        if (!XapiFormats.uuid(text)) {
            throw new XapiInvalid(parameter, "must be a UUID");
        }
        return UUID.fromString(text);
    }
}
