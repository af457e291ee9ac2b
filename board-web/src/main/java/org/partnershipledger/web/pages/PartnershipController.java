package org.partnershipledger.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jakarta.servlet.http.HttpServletResponse;
import org.partnershipledger.web.api.LedgerApi;
import org.partnershipledger.web.signin.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One partnership: its header, its timeline (filtered and paginated by the query API), what changed since the last
 * business review, its programs, its audit panel, and its governance pack. With {@code asOf} the header shows the
 * partnership as it was then, and the timeline stops there.
 */
@Controller
class PartnershipController {

    static final int TIMELINE_PAGE = 20;

    private final Reads reads;
    private final LedgerApi api;

    PartnershipController(Reads reads, LedgerApi api) {
        this.reads = reads;
        this.api = api;
    }

    @GetMapping("/partnerships/{id}")
    String partnership(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                       @RequestParam(required = false) String asOf,
                       @RequestParam(required = false) Long minVersion, Model model) {
        Instant when = Reads.asOf(asOf);
        TimelineFilter noFilter = new TimelineFilter(null, null, null, null, 0);
        // after a manager's own decision, the page waits until the read model shows it (minVersion)
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("asOf", when);
        parameters.put("minVersion", when == null ? minVersion : null);
        var partnershipRead = reads.start(() -> reads.get(me, path(id), parameters));
        var timelineRead = reads.start(() -> timeline(me, id, noFilter, when));
        boolean auditPanel = when == null && !me.partnerOnly();
        var auditRead = reads.start(() -> auditPanel ? reads.optional(me, "/api/audit/checkpoints/latest") : null);
        var verificationRead = reads.start(() -> auditPanel && me.is("ADMIN")
                ? reads.optional(me, "/api/admin/audit/verifications/latest") : null);
        Map<String, Object> partnership = Reads.join(partnershipRead);
        model.addAttribute("p", partnership);
        model.addAttribute("asOf", when);
        model.addAttribute("sinceReview", sinceLastReview(me, id, partnership, when));
        model.addAttribute("timeline", Reads.join(timelineRead));
        model.addAttribute("filter", noFilter);
        model.addAttribute("audit", Reads.join(auditRead));
        model.addAttribute("verification", Reads.join(verificationRead));
        // The KPIs' latest results come in a second request (htmx, on load): the governance pack they are worked
        // out from lists every impact record of the quarter, and the header and timeline need not wait for it. A
        // page of the past leaves them out rather than mix the present in.
        model.addAttribute("latest", null);
        model.addAttribute("canDownloadAuditPack", me.is("BOARD") || me.is("ANALYST"));
        model.addAttribute("currentQuarter", Quarters.current());
        return "partnership";
    }

    /** The timeline alone, for htmx: filters and pages swap it in place. */
    @GetMapping("/partnerships/{id}/timeline")
    String timelinePart(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                        @RequestParam(required = false) String type, @RequestParam(required = false) String actor,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String asOf,
                        @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        TimelineFilter filter = new TimelineFilter(type, actor, from, to, Math.max(0, page));
        Instant when = Reads.asOf(asOf);
        model.addAttribute("p", Map.of("partnershipId", id));
        model.addAttribute("asOf", when);
        model.addAttribute("filter", filter);
        model.addAttribute("timeline", timeline(me, id, filter, when));
        return htmx != null ? "timeline :: timeline" : "timeline";
    }

    @GetMapping("/partnerships/{id}/governance-pack")
    String governancePack(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                          @RequestParam(required = false) String period, Model model) {
        String wanted = period == null || period.isBlank() ? Quarters.current() : period.trim();
        if (!wanted.matches("\\d{4}-(Q[1-4]|\\d{2})")) {
            throw new Reads.BadPageInput("A period is a quarter such as 2026-Q3, or a month such as 2026-09");
        }
        model.addAttribute("pack", reads.get(me, path(id) + "/governance-pack", Map.of("period", wanted)));
        model.addAttribute("period", wanted);
        model.addAttribute("partnershipId", id);
        return "governance-pack";
    }

    /** The KPI rows with their latest results and percent of target, for the partnership page to load. */
    @GetMapping("/partnerships/{id}/kpis")
    String kpis(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        var partnershipRead = reads.start(() -> reads.get(me, path(id)));
        model.addAttribute("latest", latestByKpi(me, id));
        model.addAttribute("p", Reads.join(partnershipRead));
        return "partnership :: kpis";
    }

    /** The audit pack, streamed through as the query API made it (BOARD and ANALYST; the API decides). */
    @GetMapping("/partnerships/{id}/audit-pack")
    void auditPack(@AuthenticationPrincipal SignedIn me, @PathVariable String id, HttpServletResponse response)
            throws IOException {
        HttpResponse<InputStream> pack = api.download(me, path(id) + "/audit-pack");
        try (InputStream body = pack.body()) {
            if (pack.statusCode() != 200) {
                throw new NotReadable(pack.statusCode(), "No audit pack");
            }
            response.setContentType("application/json");
            response.setHeader("Content-Disposition", "attachment; filename=\"audit-pack-" + id.replaceAll("[^A-Za-z0-9-]", "")
                    + ".json\"");
            body.transferTo(response.getOutputStream());
        }
    }

    record TimelineFilter(String type, String actor, String from, String to, int page) {
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> timeline(SignedIn me, String id, TimelineFilter filter, Instant asOf) {
        Instant to = Reads.asOf(filter.to() == null || filter.to().isBlank() ? null : endOfDay(filter.to()));
        if (asOf != null && (to == null || to.isAfter(asOf))) {
            to = asOf;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("type", filter.type());
        parameters.put("actor", filter.actor());
        parameters.put("from", Reads.asOf(filter.from()));
        parameters.put("to", to);
        parameters.put("page", 0);
        parameters.put("size", TIMELINE_PAGE);
        // The API pages from the oldest change; the timeline shows the newest first. Its page n is the changes
        // [total - 20(n+1), total - 20n) counted from the oldest, which lie on at most two of the API's pages.
        Map<String, Object> oldest = reads.get(me, path(id) + "/history", parameters);
        long total = oldest.get("total") instanceof Number n ? n.longValue() : 0;
        long end = Math.max(0, total - (long) filter.page() * TIMELINE_PAGE);
        long start = Math.max(0, end - TIMELINE_PAGE);
        List<Object> events = new java.util.ArrayList<>();
        if (end > 0) {
            long firstPage = start / TIMELINE_PAGE;
            for (long page = firstPage; page <= (end - 1) / TIMELINE_PAGE; page++) {
                Map<String, Object> answer = oldest;
                if (page != 0) {
                    parameters.put("page", page);
                    answer = reads.get(me, path(id) + "/history", parameters);
                }
                events.addAll((List<Object>) answer.getOrDefault("events", List.of()));
            }
            int from = (int) (start - firstPage * TIMELINE_PAGE);
            events = new java.util.ArrayList<>(events.subList(Math.min(from, events.size()),
                    Math.min((int) (end - firstPage * TIMELINE_PAGE), events.size())));
        }
        java.util.Collections.reverse(events);
        Map<String, Object> history = new LinkedHashMap<>(oldest);
        history.put("events", events);
        long shownFrom = (long) filter.page() * TIMELINE_PAGE;
        history.put("pager", new Pager(filter.page(), TIMELINE_PAGE, total, events.isEmpty() ? 0 : shownFrom + 1,
                shownFrom + events.size(), start > 0));
        return history;
    }

    /** A date alone in "to" means the whole of that day. */
    private static String endOfDay(String to) {
        if (to.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(to).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1).toString();
        }
        return to;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sinceLastReview(SignedIn me, String id, Map<String, Object> partnership, Instant asOf) {
        List<Map<String, Object>> reviews = (List<Map<String, Object>>) partnership.getOrDefault("businessReviews",
                List.of());
        Map<String, Object> last = reviews.stream().filter(r -> r.get("heldAt") != null)
                .max(Comparator.comparing(r -> Instant.parse(String.valueOf(r.get("heldAt"))))).orElse(null);
        if (last == null) {
            return null;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", Instant.parse(String.valueOf(last.get("heldAt"))).plusNanos(1000));
        parameters.put("to", asOf);
        parameters.put("size", 50);
        Map<String, Object> since = new LinkedHashMap<>(reads.get(me, path(id) + "/history", parameters));
        since.put("review", last);
        return since;
    }

    /** Each KPI's latest level-4 result and percent of target, as this quarter's governance pack works them out. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> latestByKpi(SignedIn me, String id) {
        Map<String, Map<String, Object>> latest = new LinkedHashMap<>();
        Map<String, Object> pack = reads.optional(me, path(id) + "/governance-pack?period=" + Quarters.current());
        if (pack != null) {
            for (Map<String, Object> status : (List<Map<String, Object>>) pack.getOrDefault("kpiStatus", List.of())) {
                latest.put(String.valueOf(status.get("kpiId")), status);
            }
        }
        return latest;
    }

    static String path(String id) {
        Objects.requireNonNull(id);
        if (!id.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw new NotReadable(404, "No such partnership");
        }
        return "/api/partnerships/" + id;
    }
}
