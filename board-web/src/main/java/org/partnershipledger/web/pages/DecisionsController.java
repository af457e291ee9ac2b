package org.partnershipledger.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipledger.web.api.ApiAnswer;
import org.partnershipledger.web.api.LedgerApi;
import org.partnershipledger.web.signin.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The managers' actions: each form is sent to the command API as the signed-in user, with the version the page
 * was rendered at as {@code If-Match}. A refusal shows the form again with the problem in plain words next to the
 * fields; a stale page is explained, never overwritten. The command API decides who may do it (a board member
 * sending a form by hand gets its 403).
 */
@Controller
class DecisionsController {

    private final LedgerApi api;
    private final ProgramController programs;

    DecisionsController(LedgerApi api, ProgramController programs) {
        this.api = api;
        this.programs = programs;
    }

    @PostMapping("/programs/{id}/pivots")
    String pivot(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                 @RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) Long version,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                 HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", text(form, "reason"));
        body.put("trigger", text(form, "trigger"));
        body.put("addModules", lines(form, "addModules"));
        body.put("removeModules", form.getOrDefault("removeModules", List.of()));
        body.put("approvedBy", text(form, "approvedBy"));
        body.put("effectiveFrom", text(form, "effectiveFrom"));
        body.put("decisionRef", text(form, "decisionRef"));
        ApiAnswer answer = api.command(me, "POST", ProgramController.path(id) + "/pivots", body, version);
        return answered(answer, form, "pivot", "/programs/" + id, htmx, model, response,
                () -> programs.fill(model, me, id, null, null));
    }

    @PostMapping("/programs/{id}/impact")
    String impact(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                  @RequestParam MultiValueMap<String, String> form,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                  HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", number(form, "level"));
        body.put("kpiId", text(form, "kpiId"));
        body.put("value", number(form, "value"));
        body.put("unit", text(form, "unit"));
        body.put("periodStart", text(form, "periodStart"));
        body.put("periodEnd", text(form, "periodEnd"));
        body.put("source", text(form, "source"));
        body.put("region", text(form, "region"));
        body.put("cohortId", text(form, "cohortId"));
        body.put("reason", text(form, "reason"));
        // an impact record adds to the program without changing it, so it does not wait for a version
        ApiAnswer answer = api.command(me, "POST", ProgramController.path(id) + "/impact", body, null);
        return answered(answer, form, "impact", "/programs/" + id, htmx, model, response,
                () -> programs.fill(model, me, id, null, null));
    }

    @PostMapping("/partnerships/{id}/concerns")
    String raiseConcern(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                        @RequestParam MultiValueMap<String, String> form,
                        @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                        HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("raisedBy", text(form, "raisedBy"));
        body.put("subject", text(form, "subject"));
        body.put("description", text(form, "description"));
        body.put("organizationId", text(form, "organizationId"));
        ApiAnswer answer = api.command(me, "POST", PartnershipController.path(id) + "/concerns", body, null);
        return answered(answer, form, "concern", "/partnerships/" + id, htmx, model, response, () -> {
            model.addAttribute("partnershipId", id);
        });
    }

    @PostMapping("/partnerships/{id}/concerns/{concernId}/resolution")
    String resolveConcern(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                          @PathVariable String concernId, @RequestParam MultiValueMap<String, String> form,
                          @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                          HttpServletResponse response) {
        if (!concernId.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw new NotReadable(404, "No such concern");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resolution", text(form, "resolution"));
        body.put("reason", text(form, "reason"));
        ApiAnswer answer = api.command(me, "POST", PartnershipController.path(id) + "/concerns/" + concernId
                + "/resolution", body, null);
        model.addAttribute("concernId", concernId);
        return answered(answer, form, "resolution", "/partnerships/" + id, htmx, model, response,
                () -> model.addAttribute("partnershipId", id));
    }

    @PostMapping("/partnerships/{id}/business-reviews")
    String holdReview(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                      @RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) Long version,
                      @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                      HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", text(form, "period"));
        body.put("attendees", lines(form, "attendees"));
        body.put("decisions", lines(form, "decisions"));
        body.put("reason", text(form, "reason"));
        ApiAnswer answer = api.command(me, "POST", PartnershipController.path(id) + "/business-reviews", body,
                version);
        return answered(answer, form, "review", "/partnerships/" + id, htmx, model, response,
                () -> model.addAttribute("partnershipId", id));
    }

    private String answered(ApiAnswer answer, MultiValueMap<String, String> form, String which, String page,
                            String htmx, Model model, HttpServletResponse response, Runnable pageModel) {
        if (answer.status() == 401) {
            throw new SignedOut();
        }
        if (answer.ok()) {
            Object version = answer.json().get("version");
            String target = page + "?recorded=" + URLEncoder.encode(which, StandardCharsets.UTF_8)
                    + (version instanceof Number ? "&minVersion=" + version : "");
            if (htmx != null) {
                response.setHeader("HX-Redirect", target);
                return "fragments :: empty";
            }
            return "redirect:" + target;
        }
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        FormState state = FormState.refused(values, form.getOrDefault("removeModules", List.of()), answer,
                page.startsWith("/programs/") ? "program" : "partnership");
        model.addAttribute("form", state);
        model.addAttribute("formAction", page);
        if (htmx != null) {
            pageModel.run();
            response.setStatus(200); // htmx swaps only 2xx answers by default; the form carries the refusal
            return "forms :: " + which;
        }
        pageModel.run();
        response.setStatus(answer.status() == 412 ? 412 : 422);
        model.addAttribute("which", which);
        return "decision";
    }

    private static String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A number as a JSON number; anything else as typed, for the API to refuse next to its field. */
    private static Object number(MultiValueMap<String, String> form, String field) {
        String value = text(form, field);
        if (value == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }

    private static List<String> lines(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        List<String> lines = new ArrayList<>();
        if (value != null) {
            Arrays.stream(value.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).forEach(lines::add);
        }
        return lines;
    }
}
