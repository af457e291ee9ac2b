package org.partnershipledger.query.partnership;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A business unit of the current cost split: its share and budgeted amount, who accepted the share and when (a new
 * split asks again), what it actually spent, and the variance: spent minus budgeted (negative is under budget), and
 * that as a percentage of the budgeted amount.
 */
public class BudgetLine {

    public String businessUnit;
    public BigDecimal percent;
    public BigDecimal budgeted;
    public String acceptedBy;
    public Instant acceptedAt;
    public BigDecimal spent = BigDecimal.ZERO;
    public BigDecimal variance;
    public BigDecimal variancePercent;

    static BudgetLine of(String businessUnit, BigDecimal percent, BigDecimal totalBudget) {
        BudgetLine line = new BudgetLine();
        line.businessUnit = businessUnit;
        line.percent = percent;
        line.budgeted = totalBudget.multiply(percent).movePointLeft(2);
        line.update();
        return line;
    }

    void spend(BigDecimal amount) {
        spent = spent.add(amount);
        update();
    }

    private void update() {
        variance = spent.subtract(budgeted);
        variancePercent = budgeted.signum() == 0 ? null
                : variance.multiply(BigDecimal.valueOf(100)).divide(budgeted, 1, RoundingMode.HALF_UP);
    }
}
