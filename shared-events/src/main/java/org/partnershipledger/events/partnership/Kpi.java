package org.partnershipledger.events.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A business measure the partnership serves: where it stands ({@code baseline}) and where it should be
 * ({@code target}) by {@code dueDate}. Rules on KPIs are checked by commands; a stored event is never
 * rejected on reading.
 */
public record Kpi(String kpiId, String name, String unit, BigDecimal baseline, BigDecimal target, LocalDate dueDate) {
}
