package org.partnershipledger.query.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.partnershipledger.events.program.CurationApproach;
import org.partnershipledger.query.http.AnswersAtPosition;
import org.partnershipledger.query.http.ReadConsistency;
import org.partnershipledger.query.partnership.PartnershipViews;
import org.partnershipledger.query.program.LocalizationDrift;
import org.partnershipledger.query.program.ProgramView;
import org.partnershipledger.query.program.ProgramViews;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Across programs, for boards: which regions run a localisation that has drifted from its core curriculum, and
 * what business units curated (customised or sourced) to fill gaps.
 */
@RestController
@AnswersAtPosition
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programs")
class LocalizationAndCurationController {

    private final ProgramViews programs;
    private final ReadablePrograms readable;
    private final ReadConsistency consistency;

    LocalizationAndCurationController(ProgramViews programs, ReadablePrograms readable,
                                      ReadConsistency consistency) {
        this.programs = programs;
        this.readable = readable;
        this.consistency = consistency;
    }

    record LocalizationLine(String partnershipId, String programId, String programTitle, String programStatus,
                            ProgramView.Localization localization) {
    }

    record Localizations(List<LocalizationLine> localizations) {
    }

    @GetMapping("/api/localizations")
    @Operation(operationId = "listLocalizations", summary = "Localisations across programs and how far each has "
            + "drifted from its core curriculum (core version adapted, current, versions behind, needs review, "
            + "modules added and removed since); ?needsReview=true lists those to re-confirm or update")
    ResponseEntity<Localizations> localizations(@RequestParam(required = false) String partnershipId,
                                                @RequestParam(required = false) Boolean needsReview,
                                                @RequestParam(required = false) String region) {
        List<LocalizationLine> lines = readable.of(programs.withLocalizations(partnershipId)).stream()
                .flatMap(program -> LocalizationDrift.of(program).stream()
                        .filter(l -> needsReview == null || l.needsReview().equals(needsReview))
                        .filter(l -> region == null || l.region().equalsIgnoreCase(region.trim()))
                        .map(l -> new LocalizationLine(program.partnershipId, program.programId, program.title,
                                program.status, l)))
                .toList();
        return consistency.ok(new Localizations(lines), PartnershipViews.BOARD_VIEWS);
    }

    record CurationLine(String partnershipId, String programId, String programTitle, ProgramView.Curation curation) {
    }

    record Curations(List<CurationLine> curations) {
    }

    @GetMapping("/api/curations")
    @Operation(operationId = "listCurations", summary = "Content business units customised or sourced for programs' "
            + "gaps, across programs: what, by whom, for which gap, why it fits; by business unit and approach")
    ResponseEntity<Curations> curations(@RequestParam(required = false) String partnershipId,
                                        @RequestParam(required = false) String businessUnit,
                                        @RequestParam(required = false) CurationApproach approach) {
        String unit = businessUnit == null ? null : businessUnit.trim().toLowerCase(Locale.ROOT);
        List<CurationLine> lines = readable.of(programs.withCurations(partnershipId)).stream()
                .flatMap(program -> program.curations.stream()
                        .filter(c -> unit == null || c.businessUnit.toLowerCase(Locale.ROOT).equals(unit))
                        .filter(c -> approach == null || c.approach == approach)
                        .map(c -> new CurationLine(program.partnershipId, program.programId, program.title, c)))
                .toList();
        return consistency.ok(new Curations(lines), PartnershipViews.BOARD_VIEWS);
    }
}
