package org.partnershipledger.web.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipledger.web.signin.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One program: its curriculum versions with the diff of each pivot, localisations and cohorts, and the Kirkpatrick
 * scorecard. With {@code asOf} the program is shown as it was then (the query API rebuilds it from the event
 * store), and the curriculum versions and impact records stop there.
 */
@Controller
class ProgramController {

    static final List<String> TRIGGERS = List.of("INDUSTRY_SHIFT", "KPI_GAP", "LEARNER_FEEDBACK", "STRATEGY_CHANGE",
            "TECHNOLOGY_CHANGE", "REGULATION", "OTHER");

    private final Reads reads;

    ProgramController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/programs/{id}")
    String program(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                   @RequestParam(required = false) String asOf, @RequestParam(required = false) Long minVersion,
                   @RequestParam(required = false) String recorded, Model model) {
        Instant when = Reads.asOf(asOf);
        fill(model, me, id, when, minVersion);
        model.addAttribute("recorded", recorded);
        return "program";
    }

    /** Everything the program page shows; also used to show a refused form again on a page without htmx. */
    @SuppressWarnings("unchecked")
    void fill(Model model, SignedIn me, String id, Instant asOf, Long minVersion) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("asOf", asOf);
        parameters.put("minVersion", asOf == null ? minVersion : null);
        // enough records for the trend chart; the figures (latest, percent of target, counts) still cover them all
        parameters.put("recordsPerLevel", Scorecard.POINTS_CHARTED);
        var programRead = reads.start(() -> reads.get(me, path(id), parameters));
        var curriculumRead = reads.start(() -> reads.get(me, path(id) + "/curriculum",
                asOf == null && minVersion != null ? Map.of("minVersion", minVersion) : Map.of()));
        Map<String, Object> program = Reads.join(programRead);
        Map<String, Object> curriculum = Reads.join(curriculumRead);
        // the program's impact summary is its scorecard (the same as /impact), and as of the time asked for
        Map<String, Object> impact = Map.of("kpis", program.getOrDefault("impactSummary", List.of()));
        List<Map<String, Object>> versions = new ArrayList<>((List<Map<String, Object>>) curriculum
                .getOrDefault("versions", List.of()));
        if (asOf != null) {
            versions.removeIf(v -> v.get("at") != null && Instant.parse(String.valueOf(v.get("at"))).isAfter(asOf));
        }
        java.util.Collections.reverse(versions); // newest first: the latest pivot is what a board asks about
        model.addAttribute("program", program);
        model.addAttribute("versions", versions);
        model.addAttribute("scorecard", Scorecard.of(impact, asOf));
        model.addAttribute("asOf", asOf);
        model.addAttribute("triggers", TRIGGERS);
        if (me.manager() && asOf == null) {
            Map<String, Object> partnership = reads.optional(me, "/api/partnerships/"
                    + program.get("partnershipId"));
            Object charter = partnership == null ? null : partnership.get("governanceCharter");
            model.addAttribute("steeringMembers", charter instanceof Map<?, ?> c && c.get("steeringMembers") != null
                    ? c.get("steeringMembers") : List.of());
        }
    }

    static String path(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw new NotReadable(404, "No such program");
        }
        return "/api/programs/" + id;
    }
}
