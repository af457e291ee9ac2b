package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.partnershipledger.command.common.NotCommands;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What an admin runs of the learning records: the LRS sources pulled, the statements no program claims, erasure. */
@RestController
@NotCommands
@RequestMapping(path = "/api/xapi", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Learning records (xAPI)")
class XapiAdminController {

    private final XapiSources sources;
    private final XapiPoller poller;
    private final Erasure erasure;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    XapiAdminController(XapiSources sources, XapiPoller poller, Erasure erasure, JdbcClient jdbc, ObjectMapper json) {
        this.json = json;
        this.sources = sources;
        this.poller = poller;
        this.erasure = erasure;
        this.jdbc = jdbc;
    }

    @GetMapping("/sources")
    @Operation(operationId = "listXapiSources", summary = "The LRS sources pulled: query, cursor (since, more), last "
            + "poll, failures in a row, next attempt, statements received and rejected (never a password)")
    List<XapiSources.State> list() {
        return sources.all().stream().map(XapiSources.Source::state).toList();
    }

    record SourceRequest(@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+") String endpoint,
                         @Size(max = 200) String username, @Size(max = 500) String password,
                         @Size(max = 2000) String activity, @Size(max = 2000) String verb,
                         Boolean relatedActivities, Instant since) {
    }

    @PutMapping(path = "/sources/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "putXapiSource", summary = "Configure an LRS to pull from: its endpoint (the xAPI base, "
            + "without /statements), Basic credentials, the query (activity, verb, related_activities) and where to "
            + "start (since); a password left out keeps the one set")
    XapiSources.State put(@PathVariable @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}") String name,
                          @Valid @RequestBody SourceRequest request) {
        sources.save(name, request.endpoint(), blankToNull(request.username()), blankToNull(request.password()),
                blankToNull(request.activity()), blankToNull(request.verb()),
                Boolean.TRUE.equals(request.relatedActivities()), request.since());
        return sources.find(name).orElseThrow().state();
    }

    @PostMapping("/sources/{name}/poll")
    @Operation(operationId = "pollXapiSource", summary = "Poll an LRS source now, whatever its schedule; answers its "
            + "state afterwards")
    @Rejects(ProblemCode.XAPI_SOURCE_NOT_FOUND)
    XapiSources.State poll(@PathVariable String name) {
        sources.find(name).orElseThrow(() -> new XapiProblem(ProblemCode.XAPI_SOURCE_NOT_FOUND,
                "No LRS source " + name));
        poller.poll(name, true);
        return sources.find(name).orElseThrow().state();
    }

    record Unmapped(UUID statementId, String verb, String objectId, Instant stored, String receivedFrom) {
    }

    record UnmappedStatements(long count, List<Unmapped> latest) {
    }

    @GetMapping("/unmapped")
    @Operation(operationId = "listUnmappedXapiStatements", summary = "Statements stored that no program's mapping "
            + "names: how many, and the latest 100 (id, verb, object, when; no actor)")
    UnmappedStatements unmapped() {
        long count = jdbc.sql("""
                        SELECT count(*) FROM command_side.xapi_statement
                        WHERE program_id IS NULL AND voids IS NULL AND NOT voided""").query(Long.class).single();
        List<Unmapped> latest = jdbc.sql("""
                        SELECT statement_id, verb_id, statement -> 'object' ->> 'id', stored, received_from
                        FROM command_side.xapi_statement WHERE program_id IS NULL AND voids IS NULL AND NOT voided
                        ORDER BY stored DESC, statement_id LIMIT 100""")
                .query((rs, row) -> new Unmapped(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
        return new UnmappedStatements(count, latest);
    }

    record Account(@Size(max = 2000) String homePage, @Size(max = 500) String name) {
    }

    /** An xAPI agent by one inverse functional identifier. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Agent(@Size(max = 500) String mbox, @JsonProperty("mbox_sha1sum") @Size(max = 40) String mboxSha1sum,
                 @Size(max = 2000) String openid, @Valid Account account) {
    }

    record BucketState(UUID bucketId, String programId, String kpiId, int level, String measure, String cohortId,
                       String region, String period, String impactId, java.math.BigDecimal value, int statements,
                       String lastError, Instant updatedAt) {
    }

    @GetMapping("/buckets")
    @Operation(operationId = "listXapiBuckets", summary = "The figures learning records feed: per program, KPI, "
            + "level, measure, cohort, region and quarter, the impact record in force, its value, how many statements "
            + "count and the last error (a refused record, a quarter not begun)")
    List<BucketState> buckets(@RequestParam(required = false) @Size(max = 255) String programId) {
        return jdbc.sql("""
                        SELECT bucket_id, program_id, kpi_id, level, measure, cohort_id, region, period, impact_id,
                            value, statements, last_error, updated_at FROM command_side.xapi_bucket
                        WHERE CAST(? AS text) IS NULL OR program_id = ?
                        ORDER BY program_id, period, kpi_id, level, measure, bucket_id LIMIT 1000""")
                .params(programId, programId)
                .query((rs, row) -> new BucketState(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getBigDecimal(10), rs.getInt(11), rs.getString(12),
                        rs.getTimestamp(13).toInstant())).list();
    }

    record ErasureRequest(@NotNull @Valid Agent agent) {
    }

    record Erased(int statements) {
    }

    @PostMapping(path = "/erasures", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "eraseXapiAgent", summary = "Erase a person from the stored statements (by their "
            + "mbox, mbox_sha1sum, openid or account): each agent naming them becomes a placeholder; ids, hashes "
            + "and impact figures stay")
    @Rejects(ProblemCode.XAPI_STATEMENT_INVALID)
    Erased erase(@Valid @RequestBody ErasureRequest request) {
        return new Erased(erasure.erase(json.valueToTree(request.agent())));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
