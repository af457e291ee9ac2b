package org.partnershipledger.web.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipledger.web.signin.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The partnerships a user may see, searched by name or client and filtered by stage. */
@Controller
class PartnershipsController {

    static final List<String> STAGES = List.of("SELECTION", "ONBOARDING", "DELIVERY", "GOVERNANCE", "ENDED");
    private static final int PAGE_SIZE = 25;

    private final Reads reads;

    PartnershipsController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/partnerships";
    }

    @GetMapping("/partnerships")
    String list(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String q,
                @RequestParam(required = false) String stage, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model) {
        String wantedStage = stage != null && STAGES.contains(stage) ? stage : null;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", q);
        parameters.put("stage", wantedStage);
        parameters.put("page", Math.max(0, page));
        parameters.put("size", PAGE_SIZE);
        Map<String, Object> answer = reads.get(me, "/api/partnerships", parameters);
        model.addAttribute("partnerships", answer);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("stage", wantedStage);
        model.addAttribute("stages", STAGES);
        model.addAttribute("pager", Pager.of(answer));
        // a fragment for htmx's swaps; the whole page when htmx restores the browser's history
        return htmx != null && restore == null ? "partnerships :: results" : "partnerships";
    }
}
