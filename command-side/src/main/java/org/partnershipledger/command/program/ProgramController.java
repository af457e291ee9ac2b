package org.partnershipledger.command.program;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.partnershipledger.command.common.CommandResponses;
import org.partnershipledger.command.common.IdGenerator;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.ProgramId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/programs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programs")
class ProgramController {

    private final CommandGateway commands;
    private final IdGenerator ids;

    ProgramController(CommandGateway commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record ModuleRequest(@NotBlank @Size(max = 300) String title) {
    }

    record ProposeProgramRequest(@NotBlank String partnershipId, @NotBlank @Size(max = 300) String title,
                                 List<@NotBlank String> objectives, @Size(max = 500) String audience,
                                 List<@NotBlank String> kpiTargets, List<@Valid ModuleRequest> modules,
                                 @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> propose(@Valid @RequestBody ProposeProgramRequest request) {
        ProgramId id = new ProgramId(ids.next());
        List<CurriculumModule> modules = request.modules() == null ? List.of() : request.modules().stream()
                .map(module -> new CurriculumModule(new ModuleId(ids.next()), module.title().trim()))
                .toList();
        long version = commands.sendAndWait(new ProposeProgram(id, new PartnershipId(request.partnershipId()),
                request.title(), request.objectives(), request.audience(), request.kpiTargets(), modules,
                request.reason()));
        return CommandResponses.created("programId", id.value(), version);
    }
}
