package org.partnershipledger.web.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partnershipledger.web.signin.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Why curricula changed across every partnership the user may see, filtered by trigger and dates. */
@Controller
class PivotLogController {

    private final Reads reads;

    PivotLogController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/pivots")
    String pivots(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String trigger,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model) {
        String wanted = trigger != null && ProgramController.TRIGGERS.contains(trigger) ? trigger : null;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("trigger", wanted);
        parameters.put("from", Reads.asOf(from));
        parameters.put("to", Reads.asOf(to));
        model.addAttribute("pivots", reads.get(me, "/api/pivots", parameters));
        model.addAttribute("trigger", wanted);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("triggers", ProgramController.TRIGGERS);
        // a fragment for htmx's swaps; the whole page when htmx restores the browser's history
        return htmx != null && restore == null ? "pivots :: results" : "pivots";
    }
}
