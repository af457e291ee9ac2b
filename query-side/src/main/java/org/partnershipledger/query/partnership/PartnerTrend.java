package org.partnershipledger.query.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnerReviewRecorded;

/**
 * One partner's performance over time: every partner review in period order, and for each dimension its latest
 * score and the change from the review before (null when there is only one).
 */
public class PartnerTrend {

    public static final List<String> DIMENSIONS = List.of("quality", "onTimeDelivery", "budget",
            "facilitationQuality");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public String partnerId;
    public String organizationId;
    public String name;
    public List<Scorecard> reviews = new ArrayList<>();
    public Map<String, Latest> latest = new LinkedHashMap<>();

    public record Scorecard(String period, int quality, int onTimeDelivery, int budget, int facilitationQuality,
                            String comment, List<Evidence> evidence, String decisionRef, Instant recordedAt) {

        int score(String dimension) {
            return switch (dimension) {
                case "quality" -> quality;
                case "onTimeDelivery" -> onTimeDelivery;
                case "budget" -> budget;
                default -> facilitationQuality;
            };
        }
    }

    /** The latest score of a dimension, and how far it moved since the review before (null for the first). */
    public record Latest(int score, Integer change) {
    }

    void add(PartnerReviewRecorded e, Instant at) {
        reviews.add(new Scorecard(e.period(), e.quality(), e.onTimeDelivery(), e.budget(), e.facilitationQuality(),
                e.comment(), e.evidence(), e.decisionRef(), at));
        // reviews may be recorded out of period order: the trend follows the periods
        reviews.sort(Comparator.comparing((Scorecard s) -> firstDay(s.period())).thenComparing(Scorecard::period));
        latest = new LinkedHashMap<>();
        Scorecard last = reviews.get(reviews.size() - 1);
        Scorecard before = reviews.size() > 1 ? reviews.get(reviews.size() - 2) : null;
        for (String dimension : DIMENSIONS) {
            latest.put(dimension, new Latest(last.score(dimension),
                    before == null ? null : last.score(dimension) - before.score(dimension)));
        }
    }

    /** The first day of a quarter ({@code 2026-Q3}) or a month ({@code 2026-09}). */
    static LocalDate firstDay(String period) {
        Matcher quarter = QUARTER.matcher(period);
        if (quarter.matches()) {
            return LocalDate.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1,
                    1);
        }
        Matcher month = MONTH.matcher(period);
        if (month.matches()) {
            return LocalDate.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)), 1);
        }
        return LocalDate.MIN;
    }
}
