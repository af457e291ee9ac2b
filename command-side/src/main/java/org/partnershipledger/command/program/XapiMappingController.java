package org.partnershipledger.command.program;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.partnershipledger.command.common.CommandAccepted;
import org.partnershipledger.command.common.CommandResponses;
import org.partnershipledger.command.common.CommandSender;
import org.partnershipledger.command.common.IfMatch;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.XapiMeasure;
import org.partnershipledger.events.program.XapiRule;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which learning records (xAPI statements) are a program's, and which of its figures they feed. */
@RestController
@RequestMapping(path = "/api/programs", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programs")
@Rejects({ProblemCode.PARTNERSHIP_ENDED, ProblemCode.PROGRAM_RETIRED})
class XapiMappingController {

    private final CommandSender commands;

    XapiMappingController(CommandSender commands) {
        this.commands = commands;
    }

    record RuleRequest(@NotBlank @Size(max = 500) String verb, @NotBlank @Size(max = 255) String kpiId,
                       @NotNull Integer level, @NotNull XapiMeasure measure, @Size(max = 500) String cohortExtension,
                       @Size(max = 500) String regionExtension) {
    }

    record MappingRequest(@Size(max = 200) List<@NotBlank @Size(max = 500) String> activityIds,
                          @Size(max = 200) List<@NotBlank @Size(max = 500) String> contextActivityIds,
                          @NotEmpty @Size(max = 50) List<@NotNull @Valid RuleRequest> rules,
                          @Size(max = 2000) String reason) {
    }

    @PutMapping("/{id}/xapi-mapping")
    @Operation(operationId = "setXapiMapping", summary = "Say which xAPI statements are the program's (activity or "
            + "context activity ids) and which KPI and Kirkpatrick level each verb feeds, by which measure "
            + "(replacing a mapping needs a reason)")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.UNKNOWN_KPI, ProblemCode.PROGRAM_NOT_APPROVED})
    ResponseEntity<CommandAccepted> setXapiMapping(@PathVariable String id,
                                                   @Valid @RequestBody MappingRequest request,
                                                   @IfMatch Long expectedVersion) {
        List<XapiRule> rules = request.rules().stream().map(r -> new XapiRule(r.verb(), r.kpiId(), r.level(),
                r.measure(), r.cohortExtension(), r.regionExtension())).toList();
        return commands.send(new SetXapiMapping(new ProgramId(id), request.activityIds(),
                request.contextActivityIds(), rules, request.reason(), expectedVersion), CommandResponses.changed(),
                CommandAccepted.class);
    }
}
