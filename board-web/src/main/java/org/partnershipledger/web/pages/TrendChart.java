package org.partnershipledger.web.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * A trend over periods as inline SVG, drawn on the server: no chart script, nothing to download, readable in
 * print. One point per record, in period order; the label says what it shows for screen readers.
 */
final class TrendChart {

    private static final int WIDTH = 160;
    private static final int HEIGHT = 36;
    private static final int PAD = 4;

    private TrendChart() {
    }

    static String svg(List<Map<String, Object>> records, String label) {
        List<Double> values = records.stream().map(r -> r.get("value")).filter(Number.class::isInstance)
                .map(v -> ((Number) v).doubleValue()).toList();
        if (values.size() < 2) {
            return null;
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double x = PAD + (WIDTH - 2.0 * PAD) * i / (values.size() - 1);
            double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * (values.get(i) - min) / span;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"/>", x, y));
        }
        String title = HtmlUtils.htmlEscape(label + ": " + values.stream()
                .map(v -> String.format(Locale.ROOT, "%s", v % 1 == 0 ? Long.toString(v.longValue()) : v.toString()))
                .reduce((a, b) -> a + " → " + b).orElse(""));
        return "<svg class=\"trend\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" aria-label=\"" + title + "\"><title>" + title + "</title>"
                + "<polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" points=\"" + points.toString().trim()
                + "\"/><g fill=\"currentColor\">" + dots + "</g></svg>";
    }
}
