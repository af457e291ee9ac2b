package org.partnershipledger.command.partnership;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.partnershipledger.command.common.CommandResponses;
import org.partnershipledger.command.common.IdGenerator;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/partnerships", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partnerships")
class PartnershipController {

    private final CommandGateway commands;
    private final IdGenerator ids;

    PartnershipController(CommandGateway commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record KpiRequest(@NotBlank String kpiId, @NotBlank String name, @NotBlank String unit,
                      @NotNull BigDecimal baseline, @NotNull BigDecimal target, LocalDate dueDate) {
        Kpi toKpi() {
            return new Kpi(kpiId, name, unit, baseline, target, dueDate);
        }
    }

    record OpenPartnershipRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String client,
                                  @Size(max = 2000) String vision, List<@Valid KpiRequest> kpis,
                                  @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> open(@Valid @RequestBody OpenPartnershipRequest request) {
        PartnershipId id = new PartnershipId(ids.next());
        List<Kpi> kpis = request.kpis() == null ? List.of() : request.kpis().stream().map(KpiRequest::toKpi).toList();
        long version = commands.sendAndWait(new OpenPartnership(id, request.name(), request.client(),
                request.vision(), kpis, request.reason()));
        return CommandResponses.created("partnershipId", id.value(), version);
    }
}
